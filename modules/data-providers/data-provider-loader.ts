import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad, primeBatch } from '../../core/graphql/batch-loader.ts';

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

const LOADER = 'data-providers';

const fetchDataProviders = (ctx: GraphQLContext) => async (ids: number[]) => {
  const rows = (await ctx.db.selectFrom('data_providers').selectAll().where('id', 'in', ids).execute()) as DataProviderRow[];
  return new Map(rows.map((r) => [r.id, r]));
};

/** A data provider by id, batched per request. */
export async function loadDataProvider(ctx: GraphQLContext, id: number | null): Promise<DataProviderRow | null> {
  if (id === null || id === undefined) return null;
  return (await batchLoad(ctx, LOADER, fetchDataProviders(ctx), id)) ?? null;
}

/**
 * SQL for a list query's select list: the data provider of the row's `<alias>.data_provider_id`
 * as JSON (every field DataProvider exposes is text or JSON), for primeDataProviders.
 */
export const dataProviderJson = (alias: string) => sql`(SELECT to_json(dp) FROM data_providers dp WHERE dp.id = ${sql.ref(`${alias}.data_provider_id`)})`;

/** Data providers a list query read with its rows: its rows' dataProvider fields need no query. */
export function primeDataProviders(ctx: GraphQLContext, rows: Array<DataProviderRow | null | undefined>): void {
  primeBatch(
    ctx,
    LOADER,
    fetchDataProviders(ctx),
    rows.filter((r): r is DataProviderRow => !!r).map((r) => [r.id, r]),
  );
}
