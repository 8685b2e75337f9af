import { z } from 'zod';
import type { Loader } from '../../web-app/server/loader.ts';
import { NEWS_TEASER, newsTeaser } from '../../web-app/server/teasers.ts';
import { idParam, pageParam, queryValue, listHref } from '../../web-app/server/query-params.ts';
import { NEWS_PAGE_SIZE, type NewsListData } from './news-data.ts';
import { newsTexts } from './news-texts.ts';

const listQuery = z.object({ kategorie: idParam.optional(), seite: pageParam.optional() });

const QUERY = `query WebNewsList($categoryId: ID, $limit: Int, $skip: Int, $withCategory: Boolean!) {
  newsItems(categoryId: $categoryId, limit: $limit, skip: $skip) { ${NEWS_TEASER} }
  newsItemsCount(categoryId: $categoryId)
  categories(ids: [$categoryId]) @include(if: $withCategory) { id name }
}`;

/** "/nachrichten[?kategorie=<id>][&seite=<n>]": newest first, 15 a page. Unknown category or page → not found. */
export const newsListLoader: Loader = async (ctx) => {
  const parsed = listQuery.safeParse({ kategorie: queryValue(ctx.query, 'kategorie'), seite: queryValue(ctx.query, 'seite') });
  if (!parsed.success) return null;
  const { kategorie, seite = 1 } = parsed.data;
  const data = await ctx.gql(QUERY, { categoryId: kategorie ?? null, limit: NEWS_PAGE_SIZE, skip: (seite - 1) * NEWS_PAGE_SIZE, withCategory: kategorie !== undefined });
  const category = kategorie ? (data.categories?.[0] ?? null) : null;
  if (kategorie && !category) return null;
  const pages = Math.max(1, Math.ceil(data.newsItemsCount / NEWS_PAGE_SIZE));
  if (seite > pages) return null;
  const title = category?.name ?? newsTexts(ctx.lang).news;
  const list: NewsListData = {
    title,
    category: category && { id: String(category.id), name: category.name },
    items: (data.newsItems ?? []).map(newsTeaser),
    page: seite,
    pages,
    baseHref: listHref('/nachrichten', { kategorie }),
  };
  return { title, data: list };
};
