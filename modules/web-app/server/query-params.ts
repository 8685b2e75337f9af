import { z } from 'zod';

/**
 * Query and path parameters of the app's pages, validated before they reach the API. Loaders
 * treat a parameter that fails as a page that does not exist (or, for filters, as no filter).
 */
export const idParam = z.string().regex(/^[1-9]\d{0,17}$/);

/** "?seite=2": list pages from 1; far beyond any real list is refused rather than queried. */
export const pageParam = z
  .string()
  .regex(/^[1-9]\d{0,3}$/)
  .transform(Number);

/** A query parameter as the loaders see it: absent and empty (an untouched form field) are alike. */
export const queryValue = (query: URLSearchParams, name: string): string | undefined => query.get(name)?.trim() || undefined;

/** A list URL with only the parameters that have a value (page 1 has no "seite"). */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const entries = Object.entries(params).filter(([k, v]) => v !== undefined && v !== null && v !== '' && !(k === 'seite' && v === 1));
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : path;
}
