import { sql, type RawBuilder } from 'kysely';
import type { Visibility } from '../../core/auth/principal.ts';
import { validationError } from '../../core/errors.ts';
import { batchLoad, primeBatch } from '../../core/graphql/batch-loader.ts';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { MAX_LIMIT } from '../../core/graphql/complexity.ts';
import { germanSortKey } from '../../lib/german-sort.ts';
import { idArg, idList } from '../../lib/list-args.ts';
import { type FixedDate, calendarDate } from '../content-parts/parts.ts';
import { LONG_SPAN_DAYS, berlinToday } from './occurrences.ts';
import { categoryCount } from '../categories/category-counts.ts';
import { categoriesJson } from '../categories/category-store.ts';
import { dataProviderJson, primeDataProviders } from '../data-providers/data-provider-loader.ts';

/** An event_records row as the list and detail queries select it, with what the list computed. */
export type EventRow = Record<string, any> & {
  id: number;
  data_provider_id: number | null;
  /** "YYYY-MM-DD", computed by list queries. */
  list_date?: string | null;
  /** The Date of this entry, when the list has one entry per date. */
  occurrence?: unknown;
};

export type EventListArgs = {
  ids?: unknown[] | null;
  categoryId?: unknown;
  categoryIds?: unknown[] | null;
  dataProvider?: string | null;
  dataProviderId?: unknown;
  location?: string | null;
  locations?: Array<string | null> | null;
  dateRange?: Array<string | null> | null;
  onlyUniqEvents?: boolean | null;
};

/** The list arguments checked and reduced to what the SQL needs. */
export type EventFilter = {
  visibility: Visibility;
  ids?: number[];
  categoryIds?: number[];
  providerName?: string;
  providerIds?: number[];
  /** Lower-cased place names (Location name or Address city). */
  places?: string[];
  /** Occurrences must last until this day: today, or a later start of the date range. */
  from: string;
  /** Occurrences must start by this day (end of the date range). */
  until: string | null;
};

const COLUMNS = sql.raw(
  [
    'id', 'data_provider_id', 'external_id', 'parent_id', 'title', 'description', 'dates', 'repeat', 'repeat_duration', 'addresses',
    'contacts', 'urls', 'media_contents', 'organizer', 'price_informations', 'accessibility_information', 'location', 'region_id',
    'tag_list', 'recurring', 'recurring_type', 'recurring_interval', 'recurring_weekdays', 'visible', 'created_at', 'updated_at',
  ]
    .map((c) => `e.${c}`)
    .join(', '),
);

function rangeDay(s: string | null | undefined): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s ?? '') ? calendarDate(s, 'dateRange') : '';
  if (!day) throw validationError('Invalid input: dateRange must be two dates "YYYY-MM-DD" (first and last day).');
  return day;
}

function placeList(args: EventListArgs): string[] | undefined {
  const given = [args.location, ...(args.locations ?? [])].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (given.length > 100) throw validationError('Invalid input: at most 100 locations.');
  return given.length ? [...new Set(given.map((p) => p.trim().toLowerCase()))] : undefined;
}

export function eventFilterFrom(args: EventListArgs, visibility: Visibility, today = berlinToday()): EventFilter {
  const f: EventFilter = { visibility, from: today, until: null };
  const ids = idList(args.ids);
  if (ids) f.ids = ids;
  const categoryIds = [...(idList(args.categoryIds) ?? [])];
  if (args.categoryId !== undefined && args.categoryId !== null) categoryIds.push(idArg(args.categoryId) ?? 0);
  if (categoryIds.length || args.categoryIds) f.categoryIds = categoryIds;
  if (args.dataProvider) f.providerName = args.dataProvider;
  if (args.dataProviderId !== undefined && args.dataProviderId !== null) f.providerIds = [idArg(args.dataProviderId) ?? 0];
  f.places = placeList(args);
  if (args.dateRange) {
    if (args.dateRange.length !== 2) throw validationError('Invalid input: dateRange must be two dates "YYYY-MM-DD" (first and last day).');
    const [start, end] = [rangeDay(args.dateRange[0]), rangeDay(args.dateRange[1])];
    if (end < start) throw validationError(`Invalid input: dateRange ends (${end}) before it starts (${start}).`);
    if (start > f.from) f.from = start;
    f.until = end;
  }
  return f;
}

const none = [0];

/** Conditions on `e` (event_records) shared by all event lists and counts. */
function eventConditions(f: EventFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  const v = f.visibility;
  if (!v.all) out.push(v.ownDataProviderId === null ? sql`e.visible` : sql`(e.visible OR e.data_provider_id = ${v.ownDataProviderId})`);
  if (f.ids) out.push(sql`e.id = ANY(${f.ids.length ? f.ids : none}::int[])`);
  if (f.categoryIds) {
    // EXISTS, not a join: an event in two of the categories is listed once.
    out.push(sql`EXISTS (SELECT 1 FROM event_record_categories c WHERE c.event_record_id = e.id AND c.category_id = ANY(${f.categoryIds.length ? f.categoryIds : none}::int[]))`);
  }
  if (f.providerName) out.push(sql`e.data_provider_id IN (SELECT p.id FROM data_providers p WHERE lower(p.name) = lower(${f.providerName}))`);
  if (f.providerIds) out.push(sql`e.data_provider_id = ANY(${f.providerIds}::int[])`);
  if (f.places) out.push(sql`e.place_names && ${f.places}::text[]`);
  return out;
}

/** Conditions on `o` (event_occurrences): upcoming, and within the date range. */
function occurrenceConditions(f: EventFilter): RawBuilder<unknown>[] {
  const out = [sql`o.ends_on >= ${f.from}::date`];
  if (f.until) out.push(sql`o.starts_on <= ${f.until}::date`);
  return out;
}

const and = (parts: RawBuilder<unknown>[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`true`);

type Order = { field: string; dir: 'asc' | 'desc' };

function parseOrder(order: string | null | undefined): Order {
  const value = order ?? 'createdAt_DESC';
  const i = value.lastIndexOf('_');
  return { field: value.slice(0, i), dir: value.slice(i + 1) === 'ASC' ? 'asc' : 'desc' };
}

function recordOrder(o: Order): RawBuilder<unknown> {
  const dir = sql.raw(o.dir);
  switch (o.field) {
    case 'createdAt':
      return sql`e.created_at ${dir}, e.id ${dir}`;
    case 'updatedAt':
      return sql`e.updated_at ${dir}, e.id ${dir}`;
    case 'title':
      return sql`${germanSortKey('e.title')} ${dir}, e.id ${dir}`;
    default:
      return sql`e.id ${dir}`;
  }
}

function page(limit: number | null, offset: number): RawBuilder<unknown> {
  return limit === null ? sql`OFFSET ${offset}` : sql`LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The dates of the range (f.from … f.until) in three parts, each an index range scan: those that
 * start in it (by_start index, in listDate order, stopping at the page's end), short ones that
 * started at most LONG_SPAN_DAYS before and still run (event_occurrences_running: the end day is
 * checked in the index), and long ones that started earlier (event_occurrences_long, few).
 * Scanning by start alone would read every date that starts before the range's end, a year of them
 * for a month ahead. Each part yields `eventColumns` of the date's event (the listing's columns, or
 * just its id when the page is chosen before the rows are read), the date, and its sort key
 * (o_starts_on …).
 */
function occurrenceParts(f: EventFilter, eventColumns: RawBuilder<unknown>, dateOrder: RawBuilder<unknown> | null, firstRows: number | null): RawBuilder<unknown> {
  const from = sql`${f.from}::date`;
  const earliest = sql`${f.from}::date - ${sql.lit(LONG_SPAN_DAYS)}`;
  // The event of each date is looked up by id (OFFSET 0 keeps the planner from making this a hash
  // join over all events: its estimate of dates running into a range is far too high).
  const part = (range: RawBuilder<unknown>, ordered: boolean) => sql`(
    SELECT e.*, o.date AS occurrence, greatest(o.starts_on, ${from})::text AS list_date,
      o.starts_on AS o_starts_on, o.time_start AS o_time_start, o.id AS o_id
    FROM event_occurrences o
    CROSS JOIN LATERAL (SELECT ${eventColumns} FROM event_records e WHERE e.id = o.event_record_id AND ${and(eventConditions(f))} OFFSET 0) e
    WHERE ${range} AND ${and(occurrenceConditions(f))}
    ${ordered && dateOrder ? sql`ORDER BY ${dateOrder}` : sql``}
    ${ordered && firstRows !== null ? sql`LIMIT ${firstRows}` : sql``})`;
  return sql`${part(sql`o.starts_on >= ${from}`, true)}
    UNION ALL ${part(sql`o.starts_on >= ${earliest} AND o.starts_on < ${from}`, false)}
    UNION ALL ${part(sql`o.spans_long AND o.starts_on < ${earliest}`, false)}`;
}

/**
 * One entry per upcoming date of the matching events. Listed under the date's first day, or the
 * first day of the range (today) while a multi-day date is running. listDate order follows the
 * dates' first days, which an index serves in order; then the page is chosen on the dates alone
 * and only its events are read whole (their wide rows are not carried through the sort).
 */
export async function listOccurrences(ctx: GraphQLContext, f: EventFilter, order: string | null | undefined, limit: number | null, offset: number): Promise<EventRow[]> {
  const o = parseOrder(order);
  const dir = sql.raw(o.dir);
  const dateOrder = (alias: string) => sql`${sql.ref(`${alias}.starts_on`)} ${dir}, ${sql.ref(`${alias}.time_start`)} ${dir}, ${sql.ref(`${alias}.id`)} ${dir}`;
  const byDay = sql`d.o_starts_on ${dir}, d.o_time_start ${dir}, d.o_id ${dir}`;
  if (o.field === 'listDate') {
    const parts = occurrenceParts(f, sql`e.id AS event_id`, dateOrder('o'), limit !== null ? offset + limit : null);
    const { rows } = await sql<EventRow>`
      SELECT e.*, d.occurrence, d.list_date, ${categoriesJson('event_record_categories', 'event_record_id', sql.ref('e.id'))} AS category_rows, ${dataProviderJson('e')} AS data_provider_row
      FROM (SELECT * FROM (${parts}) d ORDER BY ${byDay} ${page(limit, offset)}) d
      CROSS JOIN LATERAL (SELECT ${COLUMNS} FROM event_records e WHERE e.id = d.event_id) e
      ORDER BY ${byDay}`.execute(ctx.db);
    return primeNested(ctx, rows);
  }
  const { rows } = await sql<EventRow>`
    SELECT * FROM (${occurrenceParts(f, COLUMNS, null, null)}) e
    ORDER BY ${recordOrder(o)}, e.o_starts_on, e.o_time_start, e.o_id
    ${page(limit, offset)}`.execute(ctx.db);
  return rows;
}

/** The first matching date's first day of each event, as a lateral subquery `f(first_start)`. */
function firstStart(f: EventFilter): RawBuilder<unknown> {
  return sql`CROSS JOIN LATERAL (SELECT min(o.starts_on) AS first_start FROM event_occurrences o WHERE o.event_record_id = e.id AND ${and(occurrenceConditions(f))}) f`;
}

/** Matching events with an upcoming date, each once, with the day it is listed under. */
export async function listEvents(ctx: GraphQLContext, f: EventFilter, order: string | null | undefined, limit: number | null, offset: number): Promise<EventRow[]> {
  const o = parseOrder(order);
  const orderBy = o.field === 'listDate' ? sql`list_date ${sql.raw(o.dir)}, e.id ${sql.raw(o.dir)}` : recordOrder(o);
  const { rows } = await sql<EventRow>`
    SELECT ${COLUMNS}, greatest(f.first_start, ${f.from}::date)::text AS list_date
    FROM event_records e ${firstStart(f)}
    WHERE f.first_start IS NOT NULL AND ${and(eventConditions(f))}
    ORDER BY ${orderBy}
    ${page(limit, offset)}`.execute(ctx.db);
  return rows;
}

export async function eventById(ctx: GraphQLContext, id: number, visibility: Visibility): Promise<EventRow | undefined> {
  const { rows } = await sql<EventRow>`SELECT ${COLUMNS} FROM event_records e WHERE e.id = ${id} AND ${and(eventConditions({ visibility, from: '', until: null }))}`.execute(ctx.db);
  return rows[0];
}

export async function upcomingAddresses(ctx: GraphQLContext, visibility: Visibility): Promise<unknown[]> {
  const f: EventFilter = { visibility, from: berlinToday(), until: null };
  const { rows } = await sql<{ address: unknown }>`
    SELECT a.address FROM event_records e CROSS JOIN LATERAL jsonb_array_elements(e.addresses) WITH ORDINALITY AS a(address, n)
    WHERE ${and(eventConditions(f))}
      AND EXISTS (SELECT 1 FROM event_occurrences o WHERE o.event_record_id = e.id AND ${and(occurrenceConditions(f))})
    ORDER BY e.id, a.n`.execute(ctx.db);
  return rows.map((r) => r.address);
}

/* ---- Category fields: visible events only, whoever asks; batched per request ---- */

const published: Visibility = { all: false, ownDataProviderId: null };

function categoryFilter(location: string | null | undefined): EventFilter {
  return { visibility: published, from: berlinToday(), until: null, places: placeList({ location }) };
}

/**
 * Visible events (or only those with an upcoming date) per category: from the count table; at a
 * location, counted in one query for all categories of a request.
 */
export function countInCategory(ctx: GraphQLContext, categoryId: number, location: string | null | undefined, upcoming: boolean): Promise<number> {
  const f = categoryFilter(location);
  if (!f.places) return categoryCount(ctx, 'event_record', categoryId, { upcomingFrom: upcoming ? f.from : undefined });
  return batchLoad(
    ctx,
    `events:count:${upcoming}:${JSON.stringify(f.places ?? null)}`,
    async (ids: number[]) => {
      const conditions = [...eventConditions(f)];
      if (upcoming) conditions.push(sql`EXISTS (SELECT 1 FROM event_occurrences o WHERE o.event_record_id = e.id AND ${and(occurrenceConditions(f))})`);
      const { rows } = await sql<{ category_id: number; n: number }>`
        SELECT l.category_id, count(*) AS n FROM event_record_categories l JOIN event_records e ON e.id = l.event_record_id
        WHERE l.category_id = ANY(${ids}::int[]) AND ${and(conditions)}
        GROUP BY l.category_id`.execute(ctx.db);
      return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
    },
    categoryId,
  ).then((n) => n ?? 0);
}

/** Visible events per category (newest first), or those with an upcoming date (by listDate). */
export function eventsInCategory(ctx: GraphQLContext, categoryId: number, location: string | null | undefined, upcoming: boolean): Promise<EventRow[]> {
  const f = categoryFilter(location);
  return batchLoad(
    ctx,
    `events:in-category:${upcoming}:${JSON.stringify(f.places ?? null)}`,
    async (ids: number[]) => {
      const { rows } = upcoming
        ? await sql<EventRow & { category_id: number }>`
            SELECT * FROM (
              SELECT ${COLUMNS}, l.category_id, greatest(f.first_start, ${f.from}::date)::text AS list_date,
                row_number() OVER (PARTITION BY l.category_id ORDER BY f.first_start, e.id) AS rn
              FROM event_record_categories l JOIN event_records e ON e.id = l.event_record_id ${firstStart(f)}
              WHERE l.category_id = ANY(${ids}::int[]) AND f.first_start IS NOT NULL AND ${and(eventConditions(f))}) x
            WHERE rn <= ${MAX_LIMIT} ORDER BY category_id, rn`.execute(ctx.db)
        : await sql<EventRow & { category_id: number }>`
            SELECT * FROM (
              SELECT ${COLUMNS}, l.category_id, row_number() OVER (PARTITION BY l.category_id ORDER BY e.created_at DESC, e.id DESC) AS rn
              FROM event_record_categories l JOIN event_records e ON e.id = l.event_record_id
              WHERE l.category_id = ANY(${ids}::int[]) AND ${and(eventConditions(f))}) x
            WHERE rn <= ${MAX_LIMIT} ORDER BY category_id, rn`.execute(ctx.db);
      const out = new Map<number, EventRow[]>();
      for (const r of rows) out.set(r.category_id, [...(out.get(r.category_id) ?? []), r]);
      return out;
    },
    categoryId,
  ).then((v) => v ?? []);
}

/* ---- Nested fields of EventRecord, batched per request ---- */

/** Upcoming dates of events, in date order. */
export function upcomingDatesOf(ctx: GraphQLContext, eventId: number): Promise<unknown[]> {
  return batchLoad(
    ctx,
    'events:upcoming-dates',
    async (ids: number[]) => {
      const { rows } = await sql<{ event_record_id: number; date: unknown }>`
        SELECT o.event_record_id, o.date FROM event_occurrences o
        WHERE o.event_record_id = ANY(${ids}::int[]) AND o.ends_on >= ${berlinToday()}::date
        ORDER BY o.event_record_id, o.starts_on, o.time_start, o.id`.execute(ctx.db);
      const out = new Map<number, unknown[]>();
      for (const r of rows) out.set(r.event_record_id, [...(out.get(r.event_record_id) ?? []), r.date]);
      return out;
    },
    eventId,
  ).then((v) => v ?? []);
}

/** The fixed date that starts last (not a recurring event's template). */
function lastFixedDate(dates: FixedDate[], recurring: boolean): FixedDate | null {
  let last: FixedDate | null = null;
  dates.forEach((d, i) => {
    const day = d.dateStart || d.dateEnd;
    if ((recurring && i === 0) || !day) return;
    if (!last || day > (last.dateStart || last.dateEnd)) last = d;
  });
  return last;
}

/**
 * The date an event is listed under outside a list that computed it: its next upcoming date
 * (today while it runs), else its last date.
 */
export function nextDateOf(ctx: GraphQLContext, eventId: number): Promise<{ listDate: string; date: unknown } | null> {
  const today = berlinToday();
  return batchLoad(
    ctx,
    'events:next-date',
    async (ids: number[]) => {
      const { rows } = await sql<{ event_record_id: number; date: unknown; starts_on: string; upcoming: boolean }>`
        SELECT DISTINCT ON (o.event_record_id) o.event_record_id, o.date, o.starts_on::text AS starts_on, o.ends_on >= ${today}::date AS upcoming
        FROM event_occurrences o WHERE o.event_record_id = ANY(${ids}::int[])
        ORDER BY o.event_record_id, (o.ends_on >= ${today}::date) DESC,
          CASE WHEN o.ends_on >= ${today}::date THEN o.starts_on END ASC, o.starts_on DESC, o.time_start, o.id`.execute(ctx.db);
      const out = new Map(rows.map((r) => [r.event_record_id, { listDate: r.upcoming && r.starts_on < today ? today : r.starts_on, date: r.date as unknown }]));
      // Occurrences that ended long ago are pruned; a past event's last date is in its row.
      const missing = ids.filter((id) => !out.has(id));
      if (missing.length) {
        const events = await ctx.db.selectFrom('event_records').select(['id', 'recurring', 'dates']).where('id', 'in', missing).execute();
        for (const e of events as Array<{ id: number; recurring: boolean; dates: FixedDate[] }>) {
          const last = lastFixedDate(e.dates ?? [], e.recurring);
          if (last) out.set(e.id, { listDate: last.dateStart || last.dateEnd, date: last });
        }
      }
      return out;
    },
    eventId,
  ).then((v) => v ?? null);
}

export function regionOf(ctx: GraphQLContext, regionId: number | null): Promise<{ id: number; name: string } | null> {
  if (regionId === null) return Promise.resolve(null);
  return batchLoad(
    ctx,
    'events:regions',
    async (ids: number[]) => {
      const rows = await ctx.db.selectFrom('event_regions').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r: any) => [r.id, r]));
    },
    regionId,
  ).then((v) => v ?? null);
}

const CATEGORIES = 'events:categories';

const fetchCategories = (ctx: GraphQLContext) => async (ids: number[]) => {
  const rows = await ctx.db
    .selectFrom('event_record_categories as l')
    .innerJoin('categories as c', 'c.id', 'l.category_id')
    .selectAll('c')
    .select('l.event_record_id')
    .where('l.event_record_id', 'in', ids)
    .orderBy('l.event_record_id')
    .orderBy('l.position')
    .orderBy('c.id')
    .execute();
  const out = new Map<number, unknown[]>();
  for (const r of rows as Array<{ event_record_id: number }>) out.set(r.event_record_id, [...(out.get(r.event_record_id) ?? []), r]);
  return out;
};

export function categoriesOf(ctx: GraphQLContext, eventId: number): Promise<unknown[]> {
  return batchLoad(ctx, CATEGORIES, fetchCategories(ctx), eventId).then((v) => v ?? []);
}

/**
 * A list page read with its events' categories and data providers (category_rows,
 * data_provider_row): the loaders of those nested fields get them, and need no query of their own.
 */
function primeNested(ctx: GraphQLContext, rows: EventRow[]): EventRow[] {
  primeBatch(ctx, CATEGORIES, fetchCategories(ctx), rows.map((r) => [r.id, r.category_rows]));
  primeDataProviders(ctx, rows.map((r) => r.data_provider_row));
  return rows;
}
