import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { visibilityOf } from '../../core/auth/principal.ts';
import { berlinDate } from '../../lib/berlin-time.ts';
import { idList, pagination, splitOrder } from '../../lib/list-args.ts';
import type { FixedDate } from '../content-parts/parts.ts';
import { dateRangeDays, visiblePlaces } from './places-filters.ts';

export type LunchRow = {
  id: number;
  point_of_interest_id: number;
  position: number;
  text: string | null;
  point_of_interest_attributes: string | null;
  dates: FixedDate[];
  lunch_offers: Array<{ id: number; name: string | null; price: string | null }>;
  created_at: Date;
  updated_at: Date;
};

export const LUNCH_COLUMNS = ['l.id', 'l.point_of_interest_id', 'l.position', 'l.text', 'l.point_of_interest_attributes', 'l.dates', 'l.lunch_offers', 'l.created_at', 'l.updated_at'];

export type LunchListArgs = { ids?: unknown[] | null; dateRange?: Array<string | null> | null; limit?: number | null; skip?: number | null; order?: string | null };

/**
 * The day a lunch is listed under ("YYYY-MM-DD"), as the mainserver computes it: the first start
 * day from today on; else today while a date still covers it; else the last start day.
 */
export function lunchListDate(dates: FixedDate[], today = berlinDate(new Date())): string | null {
  const starts = dates.filter((d) => d.dateStart).sort((a, b) => a.dateStart.localeCompare(b.dateStart));
  if (starts.length === 0) return null;
  const upcoming = starts.find((d) => d.dateStart >= today);
  if (upcoming) return upcoming.dateStart;
  if (starts.some((d) => d.dateEnd && d.dateEnd >= today)) return today;
  return starts.at(-1)!.dateStart;
}

/** Lunch rows visible to the caller: their restaurant (point of interest) must be. */
export function visibleLunches(ctx: GraphQLContext) {
  return ctx.db
    .selectFrom('lunches as l')
    .innerJoin('points_of_interest as p', 'p.id', 'l.point_of_interest_id')
    .select(LUNCH_COLUMNS)
    .where((eb) => visiblePlaces(eb, visibilityOf(ctx.principal)));
}

const orderColumns: Record<string, string> = { createdAt: 'l.created_at', updatedAt: 'l.updated_at', id: 'l.id' };

/**
 * lunches: with a dateRange, the lunches having a date on one of its days (date_span overlap,
 * GiST-indexed); without one, the upcoming lunches (a date on today or later). The mainserver
 * applied "upcoming" in both cases, so the app's "previous day" page stayed empty.
 */
export async function listLunches(ctx: GraphQLContext, args: LunchListArgs): Promise<LunchRow[]> {
  const { limit, offset } = pagination(args);
  const [field, dir] = splitOrder(args.order ?? 'createdAt_DESC');
  const range = dateRangeDays(args.dateRange);
  let q = visibleLunches(ctx);
  const ids = idList(args.ids);
  if (ids) q = q.where('l.id', 'in', ids.length ? ids : [0]);
  q = range
    ? q.where(sql<boolean>`l.date_span && daterange(${range[0]}::date, ${range[1]}::date, '[]')`)
    : q.where('l.last_day', '>=', sql<string>`${berlinDate(new Date())}::date`);
  q = q.orderBy(orderColumns[field], dir).orderBy('l.id', dir);
  if (limit !== null) q = q.limit(limit);
  return (await q.offset(offset).execute()) as LunchRow[];
}
