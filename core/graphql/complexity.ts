import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  GraphQLObjectType,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  valueFromASTUntyped,
} from 'graphql';
import { AppError } from '../errors.ts';

export const MAX_DEPTH = 12;
export const MAX_COST = 50_000;
export const MAX_LIMIT = 1000;
/** Assumed size of a list whose size is not bounded by a `limit` argument. */
const UNBOUNDED_LIST_SIZE = 10;

/**
 * Rejects queries that are too deep or would touch too many records: each field costs 1,
 * and a list field multiplies the cost of what it selects by its `limit` (or a default).
 */
export function checkComplexity(schema: GraphQLSchema, doc: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return;

  const walk = (set: SelectionSetNode, parent: GraphQLObjectType | null, depth: number, seen: Set<string>): number => {
    if (depth > MAX_DEPTH) throw new AppError('QUERY_TOO_COMPLEX', `The query is nested too deeply (more than ${MAX_DEPTH} levels).`);
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const fieldDef = parent?.getFields()[sel.name.value];
        if (!sel.selectionSet || !fieldDef) {
          cost += 1;
          continue;
        }
        const type = fieldDef.type as GraphQLOutputType;
        const named = getNamedType(type);
        const childParent = named instanceof GraphQLObjectType ? named : null;
        const limitArg = sel.arguments?.find((a) => a.name.value === 'limit' || a.name.value === 'take');
        const limit = limitArg ? Number(valueFromASTUntyped(limitArg.value, variables)) : NaN;
        // Limits above MAX_LIMIT are refused by the resolver with a clearer message; count them at the maximum.
        const factor = isListType(getNullableType(type)) ? (Number.isFinite(limit) && limit >= 0 ? Math.min(MAX_LIMIT, Math.max(1, limit)) : UNBOUNDED_LIST_SIZE) : 1;
        cost += 1 + factor * walk(sel.selectionSet, childParent, depth + 1, seen);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const typeName = sel.typeCondition?.name.value;
        const t = typeName ? schema.getType(typeName) : parent;
        cost += walk(sel.selectionSet, t instanceof GraphQLObjectType ? t : parent, depth, seen);
      } else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (!frag || seen.has(name)) continue; // cycles are rejected by validation already
        const t = schema.getType(frag.typeCondition.name.value);
        cost += walk(frag.selectionSet, t instanceof GraphQLObjectType ? t : parent, depth, new Set(seen).add(name));
      }
      if (cost > MAX_COST) throw new AppError('QUERY_TOO_COMPLEX', `The query asks for too much at once (cost above ${MAX_COST}); lower the limits or select fewer fields.`);
    }
    return cost;
  };
  walk(op.selectionSet, root, 1, new Set());
}
