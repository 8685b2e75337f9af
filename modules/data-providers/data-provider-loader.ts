import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad } from '../../core/graphql/batch-loader.ts';

export type DataProviderRow = {
  id: number;
  name: string;
  data_type: string;
  description: string | null;
  notice: string | null;
  logo: any;
  address: any;
  contact: any;
};

/** A data provider by id, batched per request. */
export async function loadDataProvider(ctx: GraphQLContext, id: number | null): Promise<DataProviderRow | null> {
  if (id === null || id === undefined) return null;
  const row = await batchLoad(
    ctx,
    'data-providers',
    async (ids: number[]) => {
      const rows = (await ctx.db.selectFrom('data_providers').selectAll().where("id", "in", ids).execute()) as DataProviderRow[];
      return new Map(rows.map((r) => [r.id, r]));
    },
    id,
  );
  return row ?? null;
}
