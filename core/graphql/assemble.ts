import type { GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import { AppError } from '../errors.ts';
import type { ModuleManifest } from '../registry/manifest.ts';
import type { GraphQLContext } from './context.ts';
import { coreScalarResolvers, coreTypeDefs } from './scalars.ts';

type Resolver = (parent: unknown, args: any, ctx: GraphQLContext, info: any) => unknown;

function moduleGate(moduleName: string, resolve: Resolver): Resolver {
  return (parent, args, ctx, info) => {
    if (!ctx.tenant.enabledModules.includes(moduleName)) {
      throw new AppError('NOT_FOUND', `The module "${moduleName}" is not enabled for this municipality.`);
    }
    return resolve(parent, args, ctx, info);
  };
}

/** Every mutation runs in its own transaction; its result's fields are read after the commit. */
function inTransaction(resolve: Resolver, afterCommit: (tenantId: number) => void): Resolver {
  return async (parent, args, ctx, info) => {
    const result = await ctx.db.transaction().execute((trx) => resolve(parent, args, { ...ctx, db: trx }, info) as Promise<unknown>);
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
