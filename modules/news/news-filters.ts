import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Visibility } from '../../core/auth/principal.ts';
import { validationError } from '../../core/errors.ts';
import { fromBerlinWallClock } from '../../lib/berlin-time.ts';
import { idArg, idList } from '../../lib/list-args.ts';

export type NewsListArgs = {
  ids?: unknown[];
  dataProvider?: string;
  dataProviderId?: unknown;
  dataProviderIds?: unknown[];
  excludeDataProviderIds?: unknown[];
  excludeMowasRegionalKeys?: (string | null)[];
  categoryId?: unknown;
  categoryIds?: unknown[];
  dateRange?: (string | null)[];
};

/** Published and visible, unless the caller may see more (see core/auth/principal.ts). */
export function visibleNews(eb: ExpressionBuilder<any, any>, visibility: Visibility) {
  const published = eb.and([eb('n.visible', '=', true), eb('n.released', '=', true)]);
  if (visibility.all) return sql<boolean>`true`;
  if (visibility.ownDataProviderId === null) return published;
  return eb.or([published, eb('n.data_provider_id', '=', visibility.ownDataProviderId)]);
}

function berlinDay(s: string | null | undefined, field: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) throw validationError(`Invalid input: ${field} must be two dates "YYYY-MM-DD".`);
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw validationError(`Invalid input: ${s} is not a calendar date.`);
  return [y, mo, d];
}

/** [start, end] as Berlin calendar days → [from, to) instants. */
export function dateRangeBounds(range: (string | null)[], field = 'dateRange'): [Date, Date] {
  if (range.length !== 2) throw validationError(`Invalid input: ${field} must be two dates "YYYY-MM-DD".`);
  const [a, b] = [berlinDay(range[0], field), berlinDay(range[1], field)];
  const from = fromBerlinWallClock(...a);
  const to = fromBerlinWallClock(b[0], b[1], b[2] + 1);
  if (to <= from) throw validationError(`Invalid input: ${field} ends before it starts.`);
  return [from, to];
}

/** Applies the list filters of newsItems to a query over `news_items as n`. */
export function applyNewsFilters<Q extends SelectQueryBuilder<any, any, any>>(q: Q, args: NewsListArgs, visibility: Visibility): Q {
  let out = q.where((eb) => visibleNews(eb, visibility)) as Q;
  const ids = idList(args.ids);
  if (ids) out = out.where('n.id', 'in', ids.length ? ids : [0]) as Q;
  if (args.dataProvider) {
    out = out.where('n.data_provider_id', 'in', (eb: ExpressionBuilder<any, any>) =>
      eb.selectFrom('data_providers').select('id').where(sql<boolean>`lower(name) = lower(${args.dataProvider})`),
    ) as Q;
  }
  const providerIds = [...(idList(args.dataProviderIds) ?? [])];
  if (args.dataProviderId !== undefined && args.dataProviderId !== null) providerIds.push(idArg(args.dataProviderId) ?? 0);
  if (providerIds.length || args.dataProviderIds) out = out.where('n.data_provider_id', 'in', providerIds.length ? providerIds : [0]) as Q;
  const excluded = idList(args.excludeDataProviderIds);
  if (excluded?.length) out = out.where((eb) => eb.or([eb('n.data_provider_id', 'is', null), eb('n.data_provider_id', 'not in', excluded)])) as Q;
  const mutedKeys = (args.excludeMowasRegionalKeys ?? []).filter((k): k is string => !!k);
  if (mutedKeys.length) {
    // Drop warnings all of whose regions the user muted; news without regional keys (or without
    // any payload: NULL, hence the CASE) stay.
    out = out.where(sql<boolean>`NOT CASE WHEN jsonb_typeof(n.payload -> 'regionalKeys') = 'array'
      THEN jsonb_array_length(n.payload -> 'regionalKeys') > 0 AND (n.payload -> 'regionalKeys') <@ to_jsonb(${mutedKeys}::text[])
      ELSE false END`) as Q;
  }
  const categoryIds = [...(idList(args.categoryIds) ?? [])];
  if (args.categoryId !== undefined && args.categoryId !== null) categoryIds.push(idArg(args.categoryId) ?? 0);
  if (categoryIds.length || args.categoryIds) {
    // EXISTS instead of the mainserver's join: an item in two of the categories is listed once.
    out = out.where(({ exists, selectFrom }) =>
      exists(selectFrom('news_item_categories as c').select('c.news_item_id').whereRef('c.news_item_id', '=', 'n.id').where('c.category_id', 'in', categoryIds.length ? categoryIds : [0])),
    ) as Q;
  }
  if (args.dateRange) {
    const [from, to] = dateRangeBounds(args.dateRange);
    out = out.where('n.published_at', '>=', from).where('n.published_at', '<', to) as Q;
  }
  return out;
}
