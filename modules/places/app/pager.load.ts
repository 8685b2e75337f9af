import { z } from 'zod';
import type { PagerInfo } from './pager.tsx';

export const PAGE_SIZE = 20;

/** `seite` of a list URL: a page number from 1; anything else is not a page (null → 404). */
export function pageParam(query: URLSearchParams): number | null {
  const raw = query.get('seite');
  if (raw === null) return 1;
  const parsed = z.coerce.number().int().min(1).max(50_000).safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Links to the neighbouring pages, keeping the list's other query parameters. */
export function pager(path: string, query: URLSearchParams, page: number, total: number): PagerInfo {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => {
    const q = new URLSearchParams(query);
    if (p === 1) q.delete('seite');
    else q.set('seite', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return { page, pages, prevHref: page > 1 ? href(page - 1) : null, nextHref: page < pages ? href(page + 1) : null };
}
