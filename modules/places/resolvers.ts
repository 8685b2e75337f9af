import type { GraphQLContext } from '../../core/graphql/context.ts';
import { sql } from 'kysely';
import { batchLoad, primeBatch } from '../../core/graphql/batch-loader.ts';
import { requireContentWriter, visibilityOf } from '../../core/auth/principal.ts';
import { MAX_LIMIT } from '../../core/graphql/complexity.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { idArg, pagination, splitOrder } from '../../lib/list-args.ts';
import { type DataProviderRow, dataProviderJson, loadDataProvider, primeDataProviders } from '../data-providers/data-provider-loader.ts';
import { type CategoryRow, categoriesJson } from '../categories/category-store.ts';
import { categoryCount as countInCategory } from '../categories/category-counts.ts';
import {
  type PlaceKind,
  type PlaceListArgs,
  POI_KIND,
  TOUR_KIND,
  applyPlaceFilters,
  categoryIdsOf,
  countByCategory,
  listByCategory,
  orderPlaces,
  randomPlaces,
  selectColumns,
  visiblePlaces,
} from './places-filters.ts';
import type { CreatePointOfInterestArgs, CreateTourArgs } from './places-input.ts';
import { upsertPointOfInterest, upsertTour } from './places-upsert.ts';
import { type LunchListArgs, type LunchRow, LUNCH_COLUMNS, listLunches, lunchListDate, visibleLunches } from './lunches.ts';

type Row = Record<string, any> & { id: number; data_provider_id: number | null; created_at: Date; updated_at: Date };
type ListArgs = PlaceListArgs & { limit?: number | null; skip?: number | null; order?: string | null };
type LocationArg = { location?: string | null };

function filtered(ctx: GraphQLContext, kind: PlaceKind, args: PlaceListArgs) {
  return applyPlaceFilters(ctx.db.selectFrom(`${kind.table} as p`).select(selectColumns(kind.table)), kind, args, visibilityOf(ctx.principal));
}

/**
 * The public's list of one category by name: read from the link table in the order of its
 * (category, name key) index, so a page costs its rows, not a sort of the whole category.
 */
function oneCategoryByName(ctx: GraphQLContext, kind: PlaceKind, args: ListArgs, categoryId: number, dir: 'asc' | 'desc') {
  const q = applyPlaceFilters(
    ctx.db.selectFrom(`${kind.categoryTable} as l`).innerJoin(`${kind.table} as p`, 'p.id', `l.${kind.ownerColumn}`).select(selectColumns(kind.table)),
    kind,
    { ...args, categoryId: undefined, categoryIds: undefined },
    visibilityOf(ctx.principal),
  );
  return q.where('l.category_id', '=', categoryId).where('l.visible', '=', true).orderBy('l.name_key', dir).orderBy(`l.${kind.ownerColumn}`, dir);
}

async function list(ctx: GraphQLContext, kind: PlaceKind, args: ListArgs) {
  const { limit, offset } = pagination(args);
  const q = filtered(ctx, kind, args);
  if (args.order === 'RAND') return randomPlaces(q, limit);
  const [field, dir] = splitOrder(args.order ?? 'createdAt_DESC');
  const categoryIds = categoryIdsOf(args);
  const visibility = visibilityOf(ctx.principal);
  const publicByName = field === 'name' && categoryIds?.length === 1 && !visibility.all && visibility.ownDataProviderId === null;
  let ordered = publicByName ? oneCategoryByName(ctx, kind, args, categoryIds[0], dir) : orderPlaces(q, field, dir);
  if (limit !== null) ordered = ordered.limit(limit);
  // The page's categories and data providers as JSON, computed for its rows only (a projection
  // over the ordered page keeps its order), so its nested fields need no query of their own.
  const rows = (await ctx.db
    .selectFrom(ordered.offset(offset).as('p'))
    .selectAll('p')
    .select([categoriesJson(kind.categoryTable, kind.ownerColumn, sql.ref('p.id')).as('category_rows'), dataProviderJson('p').as('data_provider_row')])
    .execute()) as Array<Row & { category_rows: CategoryRow[]; data_provider_row: DataProviderRow | null }>;
  primeBatch(ctx, categoriesLoader(kind), fetchCategories(ctx, kind), rows.map((r) => [r.id, r.category_rows]));
  primeDataProviders(ctx, rows.map((r) => r.data_provider_row));
  return rows;
}

async function count(ctx: GraphQLContext, kind: PlaceKind, args: PlaceListArgs): Promise<number> {
  const row = await applyPlaceFilters(ctx.db.selectFrom(`${kind.table} as p`), kind, args, visibilityOf(ctx.principal))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One record by id; null when unknown or not visible to the caller (decision 004). */
async function byId(ctx: GraphQLContext, kind: PlaceKind, rawId: unknown): Promise<Row | null> {
  const id = idArg(rawId);
  if (id === null) return null;
  const row = await ctx.db
    .selectFrom(`${kind.table} as p`)
    .select(selectColumns(kind.table))
    .where('p.id', '=', id)
    .where((eb) => visiblePlaces(eb, visibilityOf(ctx.principal)))
    .executeTakeFirst();
  return (row as Row | undefined) ?? null;
}

const categoriesLoader = (kind: PlaceKind) => `places:${kind.table}:categories`;

const fetchCategories = (ctx: GraphQLContext, kind: PlaceKind) => async (ids: number[]) => {
  const rows = await ctx.db
    .selectFrom(`${kind.categoryTable} as l`)
    .innerJoin('categories as c', 'c.id', 'l.category_id')
    .selectAll('c')
    .select(`l.${kind.ownerColumn} as owner_id`)
    .where(`l.${kind.ownerColumn}`, 'in', ids)
    .orderBy('l.position')
    .orderBy('c.id')
    .execute();
  const out = new Map<number, CategoryRow[]>();
  for (const { owner_id, ...c } of rows as Array<CategoryRow & { owner_id: number }>) out.set(owner_id, [...(out.get(owner_id) ?? []), c]);
  return out;
};

/** Categories of records, in the order they were assigned, batched per request. */
function categoriesOf(ctx: GraphQLContext, kind: PlaceKind, ownerId: number): Promise<CategoryRow[]> {
  return batchLoad(ctx, categoriesLoader(kind), fetchCategories(ctx, kind), ownerId).then((v) => v ?? []);
}

function lunchesOf(ctx: GraphQLContext, poiId: number): Promise<LunchRow[]> {
  return batchLoad(
    ctx,
    'places:lunches-of-poi',
    async (ids: number[]) => {
      const rows = (await ctx.db.selectFrom('lunches as l').select(LUNCH_COLUMNS).where('l.point_of_interest_id', 'in', ids).orderBy('l.position').execute()) as LunchRow[];
      const out = new Map<number, LunchRow[]>();
      for (const r of rows) out.set(r.point_of_interest_id, [...(out.get(r.point_of_interest_id) ?? []), r]);
      return out;
    },
    poiId,
  ).then((v) => v ?? []);
}

function tourStopsOf(ctx: GraphQLContext, tourId: number): Promise<Row[]> {
  return batchLoad(
    ctx,
    'places:tour-stops',
    async (ids: number[]) => {
      const rows = (await ctx.db.selectFrom('tour_stops as p').select(selectColumns('tour_stops')).where('p.tour_id', 'in', ids).orderBy('p.position').execute()) as Row[];
      const out = new Map<number, Row[]>();
      for (const r of rows) out.set(r.tour_id, [...(out.get(r.tour_id) ?? []), r]);
      return out;
    },
    tourId,
  ).then((v) => v ?? []);
}

/** A lunch's restaurant; lunches are only listed with a point of interest the caller may see. */
function pointOfInterestOf(ctx: GraphQLContext, id: number): Promise<Row | null> {
  return batchLoad(
    ctx,
    'places:poi-by-id',
    async (ids: number[]) => {
      const rows = (await ctx.db.selectFrom('points_of_interest as p').select(selectColumns('points_of_interest')).where('p.id', 'in', ids).execute()) as Row[];
      return new Map(rows.map((r) => [r.id, r]));
    },
    id,
  ).then((v) => v ?? null);
}

/** Category count fields: from the count table; with a location, one SQL query per field for all categories of a request. */
function categoryCount(kind: PlaceKind, tree: boolean) {
  return (c: CategoryRow, args: LocationArg, ctx: GraphQLContext) => {
    if (!args.location?.trim()) return countInCategory(ctx, kind.recordType, c.id, { tree });
    return batchLoad(ctx, `places:${kind.table}:count:${tree}:${args.location}`, (ids: number[]) => countByCategory(ctx.db, kind, ids, args.location, tree), c.id).then((n) => n ?? 0);
  };
}

function categoryList(kind: PlaceKind) {
  return (c: CategoryRow, args: LocationArg, ctx: GraphQLContext) =>
    batchLoad(ctx, `places:${kind.table}:list:${args.location ?? ''}`, (ids: number[]) => listByCategory(ctx.db, kind, ids, args.location, MAX_LIMIT), c.id).then((v) => v ?? []);
}

/** Fields every attraction type (PointOfInterest, Tour, TourStop) maps the same way. */
const attractionFields = {
  settings: () => null,
  externalId: (r: Row) => r.external_id,
  mobileDescription: (r: Row) => r.mobile_description,
  addresses: (r: Row) => r.addresses ?? [],
  dataProvider: (r: Row, _a: unknown, ctx: GraphQLContext) => loadDataProvider(ctx, r.data_provider_id),
  webUrls: (r: Row) => r.web_urls ?? [],
  mediaContents: (r: Row) => r.media_contents ?? [],
  operatingCompany: (r: Row) => r.operating_company,
  certificates: (r: Row) => r.certificates ?? [],
  accessibilityInformation: (r: Row) => r.accessibility_information,
  tagList: (r: Row) => r.tag_list ?? [],
  updatedAt: (r: Row) => rubyTimestamp(r.updated_at),
  createdAt: (r: Row) => rubyTimestamp(r.created_at),
};

function withoutAccessibility<T extends { accessibilityInformation: unknown }>({ accessibilityInformation: _omit, ...rest }: T) {
  return rest;
}

function categorised(kind: PlaceKind) {
  return {
    // deprecated in the mainserver: the first category
    category: async (r: Row, _a: unknown, ctx: GraphQLContext) => (await categoriesOf(ctx, kind, r.id))[0] ?? null,
    categories: (r: Row, _a: unknown, ctx: GraphQLContext) => categoriesOf(ctx, kind, r.id),
  };
}

export const placesResolvers = {
  Query: {
    pointsOfInterest: (_: unknown, args: ListArgs, ctx: GraphQLContext) => list(ctx, POI_KIND, args),
    pointsOfInterestCount: (_: unknown, args: PlaceListArgs, ctx: GraphQLContext) => count(ctx, POI_KIND, args),
    pointOfInterest: (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => byId(ctx, POI_KIND, args.id),
    tours: (_: unknown, args: ListArgs, ctx: GraphQLContext) => list(ctx, TOUR_KIND, args),
    toursCount: (_: unknown, args: PlaceListArgs, ctx: GraphQLContext) => count(ctx, TOUR_KIND, args),
    tour: (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => byId(ctx, TOUR_KIND, args.id),
    lunches: (_: unknown, args: LunchListArgs, ctx: GraphQLContext) => listLunches(ctx, args),
    lunch: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => {
      const id = idArg(args.id);
      if (id === null) return null;
      return (await visibleLunches(ctx).where('l.id', '=', id).executeTakeFirst()) ?? null;
    },
  },
  Mutation: {
    createPointOfInterest: async (_: unknown, args: CreatePointOfInterestArgs, ctx: GraphQLContext) => {
      const caller = requireContentWriter(ctx.principal);
      const id = await upsertPointOfInterest(ctx.db, caller, args);
      // Read back in the transaction: the caller may see its own hidden record.
      return ctx.db.selectFrom('points_of_interest as p').select(selectColumns('points_of_interest')).where('p.id', '=', id).executeTakeFirstOrThrow();
    },
    createTour: async (_: unknown, args: CreateTourArgs, ctx: GraphQLContext) => {
      const caller = requireContentWriter(ctx.principal);
      const id = await upsertTour(ctx.db, caller, args);
      return ctx.db.selectFrom('tours as p').select(selectColumns('tours')).where('p.id', '=', id).executeTakeFirstOrThrow();
    },
  },
  Category: {
    pointsOfInterestCount: categoryCount(POI_KIND, false),
    pointsOfInterestTreeCount: categoryCount(POI_KIND, true),
    pointsOfInterest: categoryList(POI_KIND),
    toursCount: categoryCount(TOUR_KIND, false),
    toursTreeCount: categoryCount(TOUR_KIND, true),
    tours: categoryList(TOUR_KIND),
  },
  PointOfInterest: {
    ...attractionFields,
    ...categorised(POI_KIND),
    openingHours: (r: Row) => r.opening_hours ?? [],
    priceInformations: (r: Row) => r.price_informations ?? [],
    lunches: (r: Row, _a: unknown, ctx: GraphQLContext) => lunchesOf(ctx, r.id),
    // Departures need the GTFS timetable, which Dorfplatz does not import yet.
    travelTimes: () => [],
    hasTravelTimes: () => false,
    // The mainserver's OSS code has no vouchers either.
    vouchers: () => [],
  },
  Tour: {
    // (the mainserver's Tour type has no accessibilityInformation; createTour stores it anyway)
    ...withoutAccessibility(attractionFields),
    ...categorised(TOUR_KIND),
    lengthKm: (r: Row) => r.length_km,
    meansOfTransportation: (r: Row) => r.means_of_transportation,
    geometryTourData: (r: Row) => r.geometry_tour_data ?? [],
    regions: (r: Row) => r.regions ?? [],
    tourStops: (r: Row, _a: unknown, ctx: GraphQLContext) => tourStopsOf(ctx, r.id),
  },
  TourStop: {
    ...attractionFields,
    // The mainserver's TourStop has neither categories nor settings (selecting them errored there).
    category: () => null,
    categories: () => [],
  },
  Lunch: {
    listDate: (l: LunchRow) => lunchListDate(l.dates ?? []),
    dates: (l: LunchRow) => l.dates ?? [],
    lunchOffers: (l: LunchRow) => (l.lunch_offers ?? []).map((o) => ({ ...o, created_at: l.created_at, updated_at: l.updated_at })),
    pointOfInterest: (l: LunchRow, _a: unknown, ctx: GraphQLContext) => pointOfInterestOf(ctx, l.point_of_interest_id),
    pointOfInterestAttributes: (l: LunchRow) => l.point_of_interest_attributes,
    updatedAt: (l: LunchRow) => rubyTimestamp(l.updated_at),
    createdAt: (l: LunchRow) => rubyTimestamp(l.created_at),
  },
  LunchOffer: {
    updatedAt: (o: { updated_at: Date }) => rubyTimestamp(o.updated_at),
    createdAt: (o: { created_at: Date }) => rubyTimestamp(o.created_at),
  },
};
