import type { Kysely } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { requireConfigurer } from '../../core/auth/principal.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { checkedDataResourceType, checkedFilterConfig } from './filter-config.ts';

type ResourceFilterRow = { id: number; data_resource_type: string; config: unknown; created_at: Date; updated_at: Date };

/** Inserts or replaces the configuration of one resource type (validated by the caller). */
export async function saveResourceFilter(db: Kysely<any>, dataResourceType: string, config: unknown): Promise<ResourceFilterRow> {
  const json = JSON.stringify(config);
  return (await db
    .insertInto('resource_filters')
    .values({ data_resource_type: dataResourceType, config: json })
    .onConflict((oc) => oc.columns(['tenant_id', 'data_resource_type']).doUpdateSet({ config: json, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow()) as ResourceFilterRow;
}

export const resourceFiltersResolvers = {
  Query: {
    resourceFilters: (_: unknown, _a: unknown, ctx: GraphQLContext) =>
      ctx.db.selectFrom('resource_filters').selectAll().orderBy('data_resource_type').orderBy('id').execute(),
  },
  Mutation: {
    createOrUpdateResourceFilter: async (_: unknown, args: { dataResourceType: string; config: unknown }, ctx: GraphQLContext) => {
      requireConfigurer(ctx.principal);
      return saveResourceFilter(ctx.db, checkedDataResourceType(args.dataResourceType), checkedFilterConfig(args.config));
    },
  },
  DataResourceFilter: {
    dataResourceType: (r: ResourceFilterRow) => r.data_resource_type,
    createdAt: (r: ResourceFilterRow) => rubyTimestamp(r.created_at),
    updatedAt: (r: ResourceFilterRow) => rubyTimestamp(r.updated_at),
  },
};
