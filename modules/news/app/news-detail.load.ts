import type { Loader } from '../../web-app/server/loader.ts';
import { stripHtml } from '../../web-app/server/teasers.ts';
import { idParam } from '../../web-app/server/query-params.ts';
import { demoteHeadings } from '../../web-app/server/rich-text.ts';
import { toFigures } from '../../web-app/client/media-figure.tsx';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import type { NewsDetailData } from './news-data.ts';

const QUERY = `query WebNewsItem($id: ID!) {
  newsItem(id: $id) {
    id title author publishedAt showPublishDate
    sourceUrl { url description }
    dataProvider { name logo { url } }
    categories { id name }
    contentBlocks { title intro body mediaContents { contentType captionText copyright sourceUrl { url } } }
  }
}`;

const httpUrl = (u: unknown): string | null => (typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null);

/**
 * "/nachrichten/:id": one published news item; unknown, unpublished or malformed ids are not found.
 * Block bodies were sanitised when saved (content-parts contentBlocksFrom), so they are shown as
 * HTML; intros are shown as plain text.
 */
export const newsDetailLoader: Loader = async (ctx) => {
  const id = idParam.safeParse(ctx.params.id);
  if (!id.success) return null;
  const n = (await ctx.gql(QUERY, { id: id.data })).newsItem;
  if (!n) return null;
  const source = httpUrl(n.sourceUrl?.url);
  const data: NewsDetailData = {
    title: n.title ?? '',
    publishedAt: n.showPublishDate === false || !n.publishedAt ? null : (parseLenientDateTime(n.publishedAt)?.toISOString() ?? null),
    author: n.author || null,
    categories: (n.categories ?? []).map((c: any) => ({ id: String(c.id), name: c.name ?? '' })),
    blocks: (n.contentBlocks ?? []).map((b: any) => ({
      title: b.title || null,
      intro: stripHtml(b.intro) || null,
      html: b.body ? demoteHeadings(b.body) : null,
      figures: toFigures(b.mediaContents),
    })),
    source: source ? { url: source, label: n.sourceUrl.description || null } : null,
    provider: n.dataProvider?.name ? { name: n.dataProvider.name, logo: n.dataProvider.logo?.url ?? null } : null,
  };
  return { title: data.title, data };
};
