import type { Freshness } from './cache-control.ts';
import type { ZufiClient } from './zufi-client.ts';
import { ListEnvelope } from './zufi-wire.ts';
import { zufiError } from './zufi-error.ts';

/** Default page size (the upstream's and the app's usual limit). */
export const PAGE_SIZE = 500;
/** A loop guard: no area has this many pages of anything. */
const MAX_PAGES = 2000;

export type Pages = { objects: unknown[]; freshness: Freshness[] };

/**
 * Every object of a list path, page by page (`offset`/`limit`). The total comes from the
 * `total-item-count` header or the body's `count`; a page that ends early while more were
 * announced, or fewer objects than announced in all, is an incomplete delivery and fails — a
 * partial list must never replace the copy.
 */
export async function fetchAllPages(
  client: ZufiClient,
  path: string,
  query: Record<string, string | number | null | undefined>,
  label: string,
  onPage: (loaded: number, total: number | null) => void,
  pageSize = PAGE_SIZE,
): Promise<Pages> {
  const objects: unknown[] = [];
  const freshness: Freshness[] = [];
  let total: number | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.get(path, { ...query, offset: objects.length, limit: pageSize });
    const env = ListEnvelope.safeParse(res.body);
    if (!env.success) throw zufiError('malformed', `ZuFi lieferte eine Liste in unerwarteter Form (${label}, GET ${path}): Feld „results“ fehlt oder ist ungültig.`);
    total = res.totalCount ?? env.data.count ?? total;
    const got = env.data.results.length;
    for (const r of env.data.results) objects.push(r.object);
    freshness.push(res.freshness);
    onPage(objects.length, total);
    // Without a total, a page larger than asked for means the upstream ignores paging: that was all.
    if (got === 0 || (total !== null ? objects.length >= total : got !== pageSize)) break;
    if (got < pageSize) throw incomplete(label, objects.length, total);
  }
  if (total !== null && objects.length < total) throw incomplete(label, objects.length, total);
  return { objects, freshness };
}

const incomplete = (label: string, got: number, total: number | null) =>
  zufiError('incomplete', `ZuFi lieferte unvollständige Daten: ${got} von ${total} ${label} angekündigt. Der bisherige Bestand bleibt erhalten.`);
