import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad } from '../../core/graphql/batch-loader.ts';
import { requireContentWriter, visibilityOf } from '../../core/auth/principal.ts';
import { MAX_LIMIT } from '../../core/graphql/complexity.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { idArg, pagination, splitOrder } from '../../lib/list-args.ts';
import { loadDataProvider } from '../data-providers/data-provider-loader.ts';
import type { CategoryRow } from '../categories/category-store.ts';
import { categoryCount } from '../categories/category-counts.ts';
import { germanSortKey } from '../../lib/german-sort.ts';
import { type NewsListArgs, applyNewsFilters, visibleNews } from './news-filters.ts';
import type { CreateNewsItemArgs } from './news-input.ts';
import { upsertNewsItem } from './news-upsert.ts';

type NewsRow = Record<string, any> & { id: number; data_provider_id: number | null };

const orderColumns: Record<string, string> = { createdAt: 'n.created_at', updatedAt: 'n.updated_at', publishedAt: 'n.published_at', id: 'n.id' };

async function newsById(ctx: GraphQLContext, id: number): Promise<NewsRow | undefined> {
  return (await ctx.db
    .selectFrom('news_items as n')
    .selectAll('n')
    .where('n.id', '=', id)
    .where((eb) => visibleNews(eb, visibilityOf(ctx.principal)))
    .executeTakeFirst()) as NewsRow | undefined;
}

function categoriesOf(ctx: GraphQLContext, newsId: number): Promise<CategoryRow[]> {
  return batchLoad(
    ctx,
    'news:categories',
    async (ids: number[]) => {
      const rows = await ctx.db
        .selectFrom('news_item_categories as l')
        .innerJoin('categories as c', 'c.id', 'l.category_id')
        .selectAll('c')
        .select('l.news_item_id')
        .where('l.news_item_id', 'in', ids)
        .orderBy(germanSortKey('c.name'))
        .execute();
      const out = new Map<number, CategoryRow[]>();
      for (const r of rows as Array<CategoryRow & { news_item_id: number }>) out.set(r.news_item_id, [...(out.get(r.news_item_id) ?? []), r]);
      return out;
    },
    newsId,
  ).then((v) => v ?? []);
}

export const newsResolvers = {
  Query: {
    newsItems: async (_: unknown, args: NewsListArgs & { limit?: number; skip?: number; order?: string }, ctx: GraphQLContext) => {
      const { limit, offset } = pagination(args);
      const [field, dir] = splitOrder(args.order ?? 'publishedAt_DESC');
      let q = applyNewsFilters(ctx.db.selectFrom('news_items as n').selectAll('n'), args, visibilityOf(ctx.principal));
      q = q.orderBy(orderColumns[field], dir).orderBy('n.id', dir);
      if (limit !== null) q = q.limit(limit);
      return q.offset(offset).execute();
    },
    newsItemsCount: async (_: unknown, args: NewsListArgs, ctx: GraphQLContext) => {
      const row = await applyNewsFilters(ctx.db.selectFrom('news_items as n'), args, visibilityOf(ctx.principal))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    newsItem: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => {
      const id = idArg(args.id);
      return id === null ? null : ((await newsById(ctx, id)) ?? null);
    },
    newsItemsDataProviders: async (_: unknown, args: { categoryId?: unknown; categoryIds?: unknown[] }, ctx: GraphQLContext) => {
      const filtered = applyNewsFilters(ctx.db.selectFrom('news_items as n'), { categoryId: args.categoryId, categoryIds: args.categoryIds }, { all: false, ownDataProviderId: null });
      return ctx.db
        .selectFrom('data_providers as p')
        .selectAll('p')
        .where('p.id', 'in', filtered.select('n.data_provider_id').where('n.data_provider_id', 'is not', null))
        .orderBy(germanSortKey('p.name'))
        .execute();
    },
  },
  Mutation: {
    createNewsItem: async (_: unknown, args: CreateNewsItemArgs, ctx: GraphQLContext) => {
      const caller = requireContentWriter(ctx.principal);
      const id = await upsertNewsItem(ctx.db, caller, args);
      // Read back in the transaction; the caller may see its own unpublished item.
      return ctx.db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    },
  },
  Category: {
    newsItemsCount: (c: CategoryRow, _a: unknown, ctx: GraphQLContext) => categoryCount(ctx, 'news_item', c.id),
    newsItems: (c: CategoryRow, _a: unknown, ctx: GraphQLContext) =>
      applyNewsFilters(ctx.db.selectFrom('news_items as n').selectAll('n'), { categoryId: c.id }, { all: false, ownDataProviderId: null })
        .orderBy('n.published_at', 'desc')
        .limit(MAX_LIMIT)
        .execute(),
  },
  NewsItem: {
    settings: () => null,
    externalId: (n: NewsRow) => n.external_id,
    fullVersion: (n: NewsRow) => n.full_version,
    charactersToBeShown: (n: NewsRow) => (n.characters_to_be_shown === null ? null : String(n.characters_to_be_shown)),
    categories: (n: NewsRow, _a: unknown, ctx: GraphQLContext) => categoriesOf(ctx, n.id),
    publicationDate: (n: NewsRow) => rubyTimestamp(n.publication_date),
    publishedAt: (n: NewsRow) => rubyTimestamp(n.published_at),
    showPublishDate: (n: NewsRow) => n.show_publish_date,
    newsType: (n: NewsRow) => n.news_type,
    dataProvider: (n: NewsRow, _a: unknown, ctx: GraphQLContext) => loadDataProvider(ctx, n.data_provider_id),
    sourceUrl: (n: NewsRow) => n.source_url,
    contentBlocks: (n: NewsRow) => n.content_blocks ?? [],
    updatedAt: (n: NewsRow) => rubyTimestamp(n.updated_at),
    createdAt: (n: NewsRow) => rubyTimestamp(n.created_at),
    pushNotificationsSentAt: (n: NewsRow) => rubyTimestamp(n.push_notifications_sent_at),
  },
};
