import { type FieldNode, type GraphQLResolveInfo, type SelectionSetNode, Kind, getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective } from 'graphql';

function included(node: FieldNode | SelectionSetNode['selections'][number], info: GraphQLResolveInfo): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/**
 * Whether the current field's own selection asks for `fieldName` (by name, whatever its alias),
 * directly or through fragments — as the mainserver's GraphQL lookahead decides whether
 * `eventRecords` lists one entry per date (the app selects `date` in a fragment).
 */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (!included(sel, info)) continue;
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === fieldName) return true;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (search(sel.selectionSet)) return true;
      } else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        if (search(info.fragments[sel.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
