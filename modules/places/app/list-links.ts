import type { ListKind } from './places-types.ts';

/** Paths of the place and tour lists (also used by loaders for the pager and the list/map switch). */
export const LIST_PATH: Record<ListKind, string> = { poi: '/orte/liste', tour: '/touren' };

export function listHref(kind: ListKind, categoryId: string | null, map = false): string {
  const q = new URLSearchParams();
  if (categoryId) q.set('kategorie', categoryId);
  if (map) q.set('ansicht', 'karte');
  const s = q.toString();
  return s ? `${LIST_PATH[kind]}?${s}` : LIST_PATH[kind];
}

export const countLabel = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
