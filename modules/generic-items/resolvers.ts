import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad } from '../../core/graphql/batch-loader.ts';
import { requireAccount, requireContentWriter, visibilityOf, type Visibility } from '../../core/auth/principal.ts';
import { citizenSubmission } from './citizen-submissions.ts';
import { MAX_LIMIT } from '../../core/graphql/complexity.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { germanSortKey } from '../../lib/german-sort.ts';
import { idArg, pagination, splitOrder } from '../../lib/list-args.ts';
import { loadDataProvider } from '../data-providers/data-provider-loader.ts';
import type { CategoryRow } from '../categories/category-store.ts';
import { categoryCount } from '../categories/category-counts.ts';
import { recordType } from '../content-parts/record-types.ts';
import { type GenericItemListArgs, applyGenericItemFilters, placeFilter, visibleGenericItems } from './generic-item-filters.ts';
import type { CreateGenericItemArgs } from './generic-item-input.ts';
import { upsertGenericItem } from './generic-item-upsert.ts';
import { type CreateGenericItemMessageArgs, createGenericItemMessage, messagesOf } from './generic-item-messages.ts';

type GenericItemRow = Record<string, any> & { id: number; data_provider_id: number | null; point_of_interest_id: number | null };

/** What the resolvers read: everything but the search vector and import bookkeeping. */
const COLUMNS = [
  'id', 'data_provider_id', 'parent_id', 'generic_type', 'title', 'author', 'teaser', 'description', 'external_id',
  'publication_date', 'published_at', 'visible', 'released', 'payload', 'accessibility_informations', 'addresses',
  'companies', 'contacts', 'content_blocks', 'dates', 'locations', 'media_contents', 'opening_hours',
  'price_informations', 'web_urls', 'member_id', 'point_of_interest_id', 'created_at', 'updated_at',
].map((c) => `g.${c}`);

/**
 * Sort keys of GenericItemOrder. Nullable keys sort as the mainserver's MySQL did: missing
 * values first when ascending, last when descending. Ties are broken by id.
 */
function orderBy(field: string, dir: 'asc' | 'desc') {
  const nulls = sql.raw(dir === 'asc' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST');
  switch (field) {
    case 'title':
      return sql`${germanSortKey('g.title')} ${nulls}`;
    case 'publicationDate':
      return sql`g.publication_date ${nulls}`;
    case 'updatedAt':
      return sql`g.updated_at ${sql.raw(dir)}`;
    case 'publishedAt':
      return sql`g.published_at ${sql.raw(dir)}`;
    case 'id':
      return sql`g.id ${sql.raw(dir)}`;
    default:
      return sql`g.created_at ${sql.raw(dir)}`;
  }
}

function categoriesOf(ctx: GraphQLContext, itemId: number): Promise<CategoryRow[]> {
  return batchLoad(
    ctx,
    'generic-items:categories',
    async (ids: number[]) => {
      const rows = await ctx.db
        .selectFrom('generic_item_categories as l')
        .innerJoin('categories as c', 'c.id', 'l.category_id')
        .selectAll('c')
        .select('l.generic_item_id')
        .where('l.generic_item_id', 'in', ids)
        .orderBy(germanSortKey('c.name'))
        .execute();
      const out = new Map<number, CategoryRow[]>();
      for (const r of rows as Array<CategoryRow & { generic_item_id: number }>) out.set(r.generic_item_id, [...(out.get(r.generic_item_id) ?? []), r]);
      return out;
    },
    itemId,
  ).then((v) => v ?? []);
}

/** Children of the items of one request, in one query; the caller's visibility applies to them too. */
function childrenOf(ctx: GraphQLContext, itemId: number): Promise<GenericItemRow[]> {
  const visibility = visibilityOf(ctx.principal);
  return batchLoad(
    ctx,
    'generic-items:children',
    async (ids: number[]) => {
      const rows = (await ctx.db
        .selectFrom('generic_items as g')
        .select(COLUMNS)
        .where('g.parent_id', 'in', ids)
        .where((eb) => visibleGenericItems(eb, visibility))
        .orderBy('g.id')
        .execute()) as GenericItemRow[];
      const out = new Map<number, GenericItemRow[]>();
      for (const r of rows) out.set(r.parent_id, [...(out.get(r.parent_id) ?? []), r]);
      return out;
    },
    itemId,
  ).then((v) => v ?? []);
}

const publicOnly: Visibility = { all: false, ownDataProviderId: null };

/** Published items per category: from the count table; at a location, counted in one query for all categories of a request. */
function countInCategory(ctx: GraphQLContext, categoryId: number, location: string | null): Promise<number> {
  if (!location) return categoryCount(ctx, 'generic_item', categoryId);
  return batchLoad(
    ctx,
    `generic-items:count-by-category:${location}`,
    async (ids: number[]) => {
      const rows = await ctx.db
        .selectFrom('generic_item_categories as l')
        .innerJoin('generic_items as g', 'g.id', 'l.generic_item_id')
        .select(['l.category_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('l.category_id', 'in', ids)
        .where((eb) => visibleGenericItems(eb, publicOnly))
        .where(placeFilter(location))
        .groupBy('l.category_id')
        .execute();
      return new Map(rows.map((r: { category_id: number; n: number }) => [r.category_id, Number(r.n)]));
    },
    categoryId,
  ).then((n) => n ?? 0);
}

/** Published items per category (optionally at a location), newest first: one query for all categories of a request. */
function itemsInCategory(ctx: GraphQLContext, categoryId: number, location: string | null): Promise<GenericItemRow[]> {
  return batchLoad(
    ctx,
    `generic-items:list-by-category:${location ?? ''}`,
    async (ids: number[]) => {
      let ranked = ctx.db
        .selectFrom('generic_item_categories as l')
        .innerJoin('generic_items as g', 'g.id', 'l.generic_item_id')
        .select([...COLUMNS, 'l.category_id', sql<number>`row_number() OVER (PARTITION BY l.category_id ORDER BY g.created_at DESC, g.id DESC)`.as('rank')])
        .where('l.category_id', 'in', ids)
        .where((eb) => visibleGenericItems(eb, publicOnly));
      if (location) ranked = ranked.where(placeFilter(location));
      const rows = (await ctx.db
        .selectFrom(ranked.as('x'))
        .selectAll('x')
        .where('x.rank', '<=', MAX_LIMIT)
        .orderBy('x.category_id')
        .orderBy('x.rank')
        .execute()) as Array<GenericItemRow & { category_id: number }>;
      const out = new Map<number, GenericItemRow[]>();
      for (const r of rows) out.set(r.category_id, [...(out.get(r.category_id) ?? []), r]);
      return out;
    },
    categoryId,
  ).then((v) => v ?? []);
}

/** The linked place, when the places module is there and the item has one (vouchers of a shop). */
async function pointOfInterestOf(ctx: GraphQLContext, row: GenericItemRow): Promise<unknown> {
  if (row.point_of_interest_id === null || row.point_of_interest_id === undefined) return null;
  const type = recordType('PointOfInterest');
  if (!type || !ctx.tenant.enabledModules.includes(type.module)) return null;
  const visibility = visibilityOf(ctx.principal);
  return batchLoad(
    ctx,
    'generic-items:point-of-interest',
    async (ids: number[]) => {
      let q = ctx.db.selectFrom(type.table).selectAll().where('id', 'in', ids);
      if (type.hasVisibility && !visibility.all) q = q.where('visible', '=', true);
      const rows = (await q.execute()) as Array<{ id: number }>;
      return new Map(rows.map((r) => [r.id, r]));
    },
    row.point_of_interest_id,
  ).then((r) => r ?? null);
}

function listQuery(ctx: GraphQLContext, args: GenericItemListArgs) {
  return applyGenericItemFilters(ctx.db.selectFrom('generic_items as g'), args, visibilityOf(ctx.principal));
}

const jsonList = (v: unknown) => (Array.isArray(v) ? v : []);

export const genericItemsResolvers = {
  Query: {
    genericItems: async (_: unknown, args: GenericItemListArgs & { limit?: number; skip?: number; order?: string }, ctx: GraphQLContext) => {
      const { limit, offset } = pagination(args);
      const [field, dir] = splitOrder(args.order ?? 'createdAt_DESC');
      let q = listQuery(ctx, args).select(COLUMNS).orderBy(orderBy(field, dir)).orderBy('g.id', dir);
      if (limit !== null) q = q.limit(limit);
      return q.offset(offset).execute();
    },
    genericItemsCount: async (_: unknown, args: GenericItemListArgs, ctx: GraphQLContext) => {
      const row = await listQuery(ctx, args)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    genericItem: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => {
      const id = idArg(args.id);
      if (id === null) return null;
      return (await listQuery(ctx, { ids: [id] }).select(COLUMNS).executeTakeFirst()) ?? null;
    },
    // Redeemed vouchers of a member (§7.4). Members and voucher redemption arrive with a later
    // feature: until then no member has redeemed anything. The arguments are checked as for
    // every list so that clients see the same errors now and later.
    vouchers: (_: unknown, args: { limit?: number; skip?: number; order?: string; memberId?: unknown }) => {
      pagination(args);
      return [];
    },
  },
  Mutation: {
    createGenericItem: async (_: unknown, args: CreateGenericItemArgs, ctx: GraphQLContext) => {
      const account = requireAccount(ctx.principal);
      const submission = account.role === 'app' && !account.platformAdmin ? citizenSubmission(account, args) : null;
      const caller = submission ? account : requireContentWriter(ctx.principal);
      const id = await upsertGenericItem(ctx.db, caller, submission?.args ?? args);
      if (submission?.hidden) await ctx.db.updateTable('generic_items').set({ visible: false }).where('id', '=', id).execute();
      // Read back in the transaction; the caller may see its own unpublished item.
      return ctx.db.selectFrom('generic_items as g').select(COLUMNS).where('g.id', '=', id).executeTakeFirstOrThrow();
    },
    createGenericItemMessage: (_: unknown, args: CreateGenericItemMessageArgs, ctx: GraphQLContext) => createGenericItemMessage(ctx, args),
  },
  Category: {
    genericItemsCount: (c: CategoryRow, args: { location?: string | null }, ctx: GraphQLContext) => countInCategory(ctx, c.id, args.location?.trim() || null),
    genericItems: (c: CategoryRow, args: { location?: string | null }, ctx: GraphQLContext) => itemsInCategory(ctx, c.id, args.location?.trim() || null),
  },
  GenericItem: {
    settings: () => null,
    accessibilityInformations: (g: GenericItemRow) => jsonList(g.accessibility_informations),
    addresses: (g: GenericItemRow) => jsonList(g.addresses),
    categories: (g: GenericItemRow, _a: unknown, ctx: GraphQLContext) => categoriesOf(ctx, g.id),
    companies: (g: GenericItemRow) => jsonList(g.companies),
    contacts: (g: GenericItemRow) => jsonList(g.contacts),
    contentBlocks: (g: GenericItemRow) => jsonList(g.content_blocks),
    dataProvider: (g: GenericItemRow, _a: unknown, ctx: GraphQLContext) => loadDataProvider(ctx, g.data_provider_id),
    dates: (g: GenericItemRow) => jsonList(g.dates),
    discountType: () => null,
    externalId: (g: GenericItemRow) => g.external_id,
    genericItems: (g: GenericItemRow, _a: unknown, ctx: GraphQLContext) => childrenOf(ctx, g.id),
    genericType: (g: GenericItemRow) => g.generic_type,
    genericItemMessages: (g: GenericItemRow, _a: unknown, ctx: GraphQLContext) => messagesOf(ctx, g),
    locations: (g: GenericItemRow) => jsonList(g.locations),
    mediaContents: (g: GenericItemRow) => jsonList(g.media_contents),
    memberId: (g: GenericItemRow) => g.member_id,
    openingHours: (g: GenericItemRow) => jsonList(g.opening_hours),
    pointOfInterest: (g: GenericItemRow, _a: unknown, ctx: GraphQLContext) => pointOfInterestOf(ctx, g),
    priceInformations: (g: GenericItemRow) => jsonList(g.price_informations),
    publicationDate: (g: GenericItemRow) => rubyTimestamp(g.publication_date),
    publishedAt: (g: GenericItemRow) => rubyTimestamp(g.published_at),
    pushNotifications: () => [],
    quota: () => null,
    webUrls: (g: GenericItemRow) => jsonList(g.web_urls),
    updatedAt: (g: GenericItemRow) => rubyTimestamp(g.updated_at),
    createdAt: (g: GenericItemRow) => rubyTimestamp(g.created_at),
  },
};
