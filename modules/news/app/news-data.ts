import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { Figure } from '../../web-app/client/media-figure.tsx';

/** What the news loaders hand to the news views (plain JSON, inlined into the page). */
export type NewsListData = {
  title: string;
  category: { id: string; name: string } | null;
  items: Teaser[];
  page: number;
  pages: number;
  /** The list's URL without the page parameter, for the pager's links. */
  baseHref: string;
};

export type NewsBlock = { title: string | null; intro: string | null; html: string | null; figures: Figure[] };

export type NewsDetailData = {
  title: string;
  /** ISO timestamp; null when the item asks not to show it. */
  publishedAt: string | null;
  author: string | null;
  categories: { id: string; name: string }[];
  blocks: NewsBlock[];
  source: { url: string; label: string | null } | null;
  provider: { name: string; logo: string | null } | null;
};

export const NEWS_PAGE_SIZE = 15;
