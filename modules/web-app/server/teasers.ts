import type { Teaser } from '../client/teaser-list.tsx';

/**
 * GraphQL selections and mappings that turn API records into list teasers — one place for every
 * list of the web app (home blocks, module lists, search, bookmarks).
 */
export const NEWS_TEASER = `id title publishedAt contentBlocks { intro mediaContents { contentType captionText sourceUrl { url } } } categories { name }`;
export const EVENT_TEASER = `id title listDate date { dateStart timeStart timeDescription } location { name } mediaContents { contentType captionText sourceUrl { url } }`;
export const POI_TEASER = `id name category { name } addresses { city street } mediaContents { contentType captionText sourceUrl { url } }`;
export const TOUR_TEASER = `id name lengthKm category { name } mediaContents { contentType captionText sourceUrl { url } }`;
export const GENERIC_TEASER = `id title genericType teaser publishedAt mediaContents { contentType captionText sourceUrl { url } }`;

type Media = { contentType?: string | null; captionText?: string | null; sourceUrl?: { url?: string | null } | null };

export function firstImage(media: Media[] | null | undefined): Teaser['image'] {
  const m = media?.find((x) => x.sourceUrl?.url && (!x.contentType || x.contentType === 'image'));
  return m ? { url: m.sourceUrl!.url!, alt: m.captionText ?? '' } : null;
}

export const stripHtml = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

const shorten = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

export function newsTeaser(n: any): Teaser {
  const block = n.contentBlocks?.[0];
  return {
    href: `/nachrichten/${n.id}`,
    title: n.title ?? '',
    date: n.publishedAt,
    meta: n.categories?.[0]?.name ?? null,
    text: shorten(stripHtml(block?.intro)) || null,
    image: firstImage(n.contentBlocks?.flatMap((b: any) => b.mediaContents ?? [])),
  };
}

export function eventTeaser(e: any): Teaser {
  const time = e.date?.timeDescription || (e.date?.timeStart ? `${e.date.timeStart.slice(0, 5)} Uhr` : '');
  return {
    href: `/veranstaltungen/${e.id}`,
    title: e.title ?? '',
    date: e.date?.dateStart ?? e.listDate,
    meta: [time, e.location?.name].filter(Boolean).join(' · ') || null,
    image: firstImage(e.mediaContents),
  };
}

export function poiTeaser(p: any): Teaser {
  return { href: `/orte/${p.id}`, title: p.name ?? '', meta: [p.category?.name, p.addresses?.[0]?.city].filter(Boolean).join(' · ') || null, image: firstImage(p.mediaContents) };
}

export function tourTeaser(t: any): Teaser {
  return { href: `/touren/${t.id}`, title: t.name ?? '', meta: [t.category?.name, t.lengthKm ? `${t.lengthKm} km` : null].filter(Boolean).join(' · ') || null, image: firstImage(t.mediaContents) };
}

export function genericTeaser(g: any): Teaser {
  return { href: `/eintrag/${g.id}`, title: g.title ?? '', date: g.publishedAt, text: shorten(stripHtml(g.teaser)) || null, image: firstImage(g.mediaContents) };
}
