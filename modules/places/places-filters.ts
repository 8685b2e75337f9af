import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Visibility } from '../../core/auth/principal.ts';
import { validationError } from '../../core/errors.ts';
import { idArg, idList } from '../../lib/list-args.ts';
import { germanSortKey } from '../../lib/german-sort.ts';
import { calendarDate } from '../content-parts/parts.ts';

/** Points of interest and tours are listed the same way; this names the tables of one of them. */
export type PlaceKind = { recordType: 'point_of_interest' | 'tour'; table: 'points_of_interest' | 'tours'; categoryTable: string; ownerColumn: string };
export const POI_KIND: PlaceKind = { recordType: 'point_of_interest', table: 'points_of_interest', categoryTable: 'point_of_interest_categories', ownerColumn: 'point_of_interest_id' };
export const TOUR_KIND: PlaceKind = { recordType: 'tour', table: 'tours', categoryTable: 'tour_categories', ownerColumn: 'tour_id' };

const ATTRACTION_COLUMNS = [
  'id', 'data_provider_id', 'external_id', 'name', 'description', 'mobile_description', 'active', 'visible', 'payload', 'addresses', 'contact',
  'web_urls', 'media_contents', 'operating_company', 'location', 'certificates', 'accessibility_information', 'tag_list', 'created_at', 'updated_at',
] as const;

/** What resolvers read (not the search vector, random key or import bookkeeping). */
export const COLUMNS: Record<PlaceKind['table'] | 'tour_stops', readonly string[]> = {
  points_of_interest: [...ATTRACTION_COLUMNS, 'opening_hours', 'price_informations'],
  tours: [...ATTRACTION_COLUMNS, 'length_km', 'means_of_transportation', 'geometry_tour_data', 'regions'],
  tour_stops: [...ATTRACTION_COLUMNS, 'tour_id', 'position'],
};

export const selectColumns = (table: keyof typeof COLUMNS, alias = 'p') => COLUMNS[table].map((c) => `${alias}.${c}`);

export type PlaceListArgs = {
  ids?: unknown[] | null;
  dataProvider?: string | null;
  dataProviderId?: unknown;
  category?: string | null;
  categoryId?: unknown;
  categoryIds?: unknown[] | null;
  location?: string | null;
  onlyWithImage?: boolean | null;
};

/** Visible records, unless the caller may see more (core/auth/principal.ts); alias `p`. */
export function visiblePlaces(eb: ExpressionBuilder<any, any>, visibility: Visibility) {
  if (visibility.all) return sql<boolean>`true`;
  if (visibility.ownDataProviderId === null) return sql<boolean>`p.visible`;
  return eb.or([sql<boolean>`p.visible`, eb('p.data_provider_id', '=', visibility.ownDataProviderId)]);
}

/** `location`: a Location name or an address city, compared case-insensitively (GIN on location_keys). */
export function locationCondition(location: string | null | undefined) {
  const key = (location ?? '').trim().toLowerCase();
  return key ? sql<boolean>`p.location_keys @> ARRAY[${key}]::text[]` : null;
}

/** The categories of `categoryId` and `categoryIds` together (unknown ids as 0); null when neither is given. */
export function categoryIdsOf(args: PlaceListArgs): number[] | null {
  const ids = [...(idList(args.categoryIds) ?? [])];
  if (args.categoryId !== undefined && args.categoryId !== null) ids.push(idArg(args.categoryId) ?? 0);
  return ids.length || args.categoryIds ? ids : null;
}

/** Applies the list filters of pointsOfInterest/tours to a query over `<table> as p`. */
export function applyPlaceFilters<Q extends SelectQueryBuilder<any, any, any>>(q: Q, kind: PlaceKind, args: PlaceListArgs, visibility: Visibility): Q {
  let out = q.where((eb) => visiblePlaces(eb, visibility)) as Q;
  const ids = idList(args.ids);
  if (ids) out = out.where('p.id', 'in', ids.length ? ids : [0]) as Q;
  if (args.dataProvider) {
    out = out.where('p.data_provider_id', 'in', (eb: ExpressionBuilder<any, any>) =>
      eb.selectFrom('data_providers').select('id').where(sql<boolean>`lower(name) = lower(${args.dataProvider})`),
    ) as Q;
  }
  if (args.dataProviderId !== undefined && args.dataProviderId !== null) out = out.where('p.data_provider_id', '=', idArg(args.dataProviderId) ?? 0) as Q;
  const categoryIds = categoryIdsOf(args);
  if (categoryIds) {
    // EXISTS, not a join: a record in two of the categories is listed once (decision 004).
    out = out.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(`${kind.categoryTable} as l`)
          .select('l.category_id')
          .whereRef(`l.${kind.ownerColumn}`, '=', 'p.id')
          .where('l.category_id', 'in', categoryIds.length ? categoryIds : [0]),
      ),
    ) as Q;
  }
  if (args.category) {
    const name = args.category.trim().toLowerCase();
    out = out.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(`${kind.categoryTable} as l`)
          .innerJoin('categories as c', 'c.id', 'l.category_id')
          .select('l.category_id')
          .whereRef(`l.${kind.ownerColumn}`, '=', 'p.id')
          .where(sql<boolean>`lower(c.name) = ${name}`),
      ),
    ) as Q;
  }
  const location = locationCondition(args.location);
  if (location) out = out.where(location) as Q;
  if (args.onlyWithImage) out = out.where(sql<boolean>`p.has_image`) as Q;
  return out;
}

const orderColumns: Record<string, string> = { createdAt: 'p.created_at', updatedAt: 'p.updated_at', id: 'p.id' };

/** Orders by a PointsOfInterestOrder/ToursOrder value other than RAND; ties by id. */
export function orderPlaces<Q extends SelectQueryBuilder<any, any, any>>(q: Q, field: string, dir: 'asc' | 'desc'): Q {
  const first = field === 'name' ? q.orderBy(germanSortKey('p.name'), dir) : q.orderBy(orderColumns[field], dir);
  return first.orderBy('p.id', dir) as Q;
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * `order: RAND` without sorting the table: every row carries a uniform random_key (indexed);
 * we read a window of up to 3 × limit rows in key order from a random start (wrapping around at
 * 1), then pick `limit` of them at random and shuffle. Every row is equally likely to be drawn,
 * and the cost is an index range scan of the window. `skip` has no meaning for a random draw
 * (as in the mainserver, each call is a new draw) and is ignored. Without a limit, all matching
 * rows are returned shuffled.
 */
export async function randomPlaces(filtered: SelectQueryBuilder<any, any, any>, limit: number | null): Promise<unknown[]> {
  if (limit === null) return shuffle(await filtered.execute());
  if (limit === 0) return [];
  const window = Math.min(3 * limit, 3000);
  const start = Math.random();
  const head = await filtered.where('p.random_key', '>=', start).orderBy('p.random_key').limit(window).execute();
  const tail = head.length < window ? await filtered.where('p.random_key', '<', start).orderBy('p.random_key').limit(window - head.length).execute() : [];
  return shuffle([...head, ...tail]).slice(0, limit);
}

/** dateRange: [start, end] as calendar days ("YYYY-MM-DD"; "dd.mm.yyyy" accepted too). */
export function dateRangeDays(range: Array<string | null> | null | undefined): [string, string] | null {
  if (range === null || range === undefined) return null;
  const message = 'Invalid input: dateRange must be two dates [start, end], e.g. ["2024-05-01", "2024-05-07"].';
  if (range.length !== 2) throw validationError(message);
  const [from, to] = [calendarDate(range[0], 'dateRange[0]'), calendarDate(range[1], 'dateRange[1]')];
  if (!from || !to) throw validationError(message);
  if (to < from) throw validationError(`Invalid input: dateRange ends (${to}) before it starts (${from}).`);
  return [from, to];
}

/** Records of one kind per category (visible; optionally in a location), one query for all categories. */
export async function countByCategory(db: Kysely<any>, kind: PlaceKind, categoryIds: number[], location: string | null | undefined, tree: boolean): Promise<Map<number, number>> {
  const where = locationCondition(location) ?? sql<boolean>`true`;
  const owner = sql.ref(`l.${kind.ownerColumn}`);
  const table = sql.table(kind.table);
  const links = sql.table(kind.categoryTable);
  // Tree counts: each category with all its descendants (recursive CTE; UNION stops at cycles),
  // a record counted once per tree even when it sits in several of its categories.
  const { rows } = tree
    ? await sql<{ category_id: number; n: number }>`
        WITH RECURSIVE tree(root_id, id) AS (
          SELECT c.id, c.id FROM categories c WHERE c.id = ANY(${categoryIds}::int[])
          UNION
          SELECT t.root_id, c.id FROM categories c JOIN tree t ON c.parent_id = t.id)
        SELECT t.root_id AS category_id, count(DISTINCT ${owner})::int AS n
        FROM tree t JOIN ${links} l ON l.category_id = t.id JOIN ${table} p ON p.id = ${owner}
        WHERE p.visible AND ${where}
        GROUP BY t.root_id`.execute(db)
    : await sql<{ category_id: number; n: number }>`
        SELECT l.category_id, count(*)::int AS n
        FROM ${links} l JOIN ${table} p ON p.id = ${owner}
        WHERE l.category_id = ANY(${categoryIds}::int[]) AND p.visible AND ${where}
        GROUP BY l.category_id`.execute(db);
  return new Map(rows.map((r) => [Number(r.category_id), Number(r.n)]));
}

/** Visible records of one kind per category, by name (at most `perCategory` each), one query. */
export async function listByCategory(db: Kysely<any>, kind: PlaceKind, categoryIds: number[], location: string | null | undefined, perCategory: number): Promise<Map<number, unknown[]>> {
  const where = locationCondition(location) ?? sql<boolean>`true`;
  const owner = sql.ref(`l.${kind.ownerColumn}`);
  const columns = sql.join(COLUMNS[kind.table].map((c) => sql.ref(`p.${c}`)));
  const { rows } = await sql<Record<string, unknown> & { category_id: number }>`
    SELECT * FROM (
      SELECT ${columns}, l.category_id AS category_id,
        row_number() OVER (PARTITION BY l.category_id ORDER BY ${germanSortKey('p.name')}, p.id) AS rank
      FROM ${sql.table(kind.categoryTable)} l JOIN ${sql.table(kind.table)} p ON p.id = ${owner}
      WHERE l.category_id = ANY(${categoryIds}::int[]) AND p.visible AND ${where}) x
    WHERE rank <= ${perCategory}
    ORDER BY category_id, rank`.execute(db);
  const out = new Map<number, unknown[]>();
  for (const r of rows) {
    const { category_id, rank: _rank, ...row } = r;
    out.set(Number(category_id), [...(out.get(Number(category_id)) ?? []), row]);
  }
  return out;
}
