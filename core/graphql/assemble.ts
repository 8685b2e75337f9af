import { getNamedType, getNullableType, isListType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import { AppError } from '../errors.ts';
import type { ModuleManifest } from '../registry/manifest.ts';
import type { GraphQLContext } from './context.ts';
import { coreScalarResolvers, coreTypeDefs } from './scalars.ts';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';

type Resolver = (parent: unknown, args: any, ctx: GraphQLContext, info: any) => unknown;

function moduleGate(moduleName: string, resolve: Resolver): Resolver {
  return (parent, args, ctx, info) => {
    if (!ctx.tenant.enabledModules.includes(moduleName)) {
      throw new AppError('NOT_FOUND', `The module "${moduleName}" is not enabled for this municipality.`);
    }
    return resolve(parent, args, ctx, info);
  };
}

const idOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/**
 * The audit entry of a mutation: its target is the returned record (typed by the `recordType`
 * argument of record-level mutations such as destroyRecord); its detail keeps only ID and Boolean arguments —
 * identifiers and flags, never the content or a citizen's data.
 */
function mutationAudit(args: Record<string, unknown>, ctx: GraphQLContext, info: GraphQLResolveInfo, result: unknown): AuditEntry {
  const p = ctx.principal;
  const detail: Record<string, unknown> = {};
  for (const arg of info.parentType.getFields()[info.fieldName]?.args ?? []) {
    const type = getNamedType(arg.type).name;
    if (args[arg.name] != null && (type === 'ID' || type === 'Boolean') && !isListType(getNullableType(arg.type))) detail[arg.name] = args[arg.name];
  }
  const resultId = idOf((result as { id?: unknown } | null)?.id);
  const target =
    typeof args.recordType === 'string'
      ? { targetType: args.recordType, targetId: resultId ?? idOf(args.id) }
      : resultId
        ? { targetType: getNamedType(info.returnType).name, targetId: resultId }
        : {};
  return {
    tenantId: ctx.tenant.id,
    // API applications act on their own; the owner account is not the actor.
    accountId: p.kind === 'account' && p.applicationId === 0 && p.accountId > 0 ? p.accountId : null,
    actor: p.kind === 'account' ? (p.actor ?? '') : '',
    action: `graphql:${info.fieldName}`,
    ...target,
    detail,
    ip: ctx.ip,
  };
}

/**
 * Every mutation runs in its own transaction, and its audit entry is written in the same one (a
 * failed mutation leaves none); its result's fields are read after the commit.
 */
function inTransaction(resolve: Resolver, afterCommit: (tenantId: number) => void): Resolver {
  return async (parent, args, ctx, info) => {
    const result = await ctx.db.transaction().execute(async (trx) => {
      const out = await resolve(parent, args, { ...ctx, db: trx }, info);
      await recordAudit(trx, mutationAudit(args, ctx, info, out));
      return out;
    });
    afterCommit(ctx.tenant.id);
    return result;
  };
}

/**
 * Builds one schema from the modules' SDL and resolvers. Root fields of a module answer only
 * for tenants that have it enabled; mutations are wrapped in transactions here, so no module
 * can forget either.
 */
export function assembleSchema(modules: ModuleManifest[], afterWrite: (tenantId: number) => void): GraphQLSchema {
  const typeDefs = [coreTypeDefs];
  const resolvers: IResolvers<any, GraphQLContext>[] = [coreScalarResolvers as any];
  for (const m of modules) {
    if (!m.graphql) continue;
    typeDefs.push(m.graphql.typeDefs);
    const own: Record<string, any> = { ...(m.graphql.resolvers ?? {}) };
    for (const root of ['Query', 'Mutation'] as const) {
      if (!own[root]) continue;
      own[root] = Object.fromEntries(
        Object.entries(own[root] as Record<string, Resolver>).map(([field, fn]) => {
          const gated = moduleGate(m.name, fn);
          return [field, root === 'Mutation' ? inTransaction(gated, afterWrite) : gated];
        }),
      );
    }
    resolvers.push(own);
  }
  return makeExecutableSchema({ typeDefs, resolvers, inheritResolversFromInterfaces: true });
}
