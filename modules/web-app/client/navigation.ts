import type { PagePayload } from './app-route.ts';

/** Loads a page's data as JSON (the same loader that rendered the first HTML). */
export async function fetchPage(path: string, search: string): Promise<{ page: PagePayload; fromCache: boolean }> {
  const res = await fetch(`/_data${path === '/' ? '' : path}${search}`, { headers: { accept: 'application/json' } });
  if (!res.ok && res.status !== 404) throw new Error(`HTTP ${res.status}`);
  return { page: (await res.json()) as PagePayload, fromCache: res.headers.get('x-dp-cache') === 'offline' };
}

/** Links the app handles itself: same origin, no download, no new tab, no modifier keys, not a file. */
export function internalLink(event: MouseEvent): URL | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const a = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return null;
  const url = new URL(a.href);
  if (/^\/(app|media|graphql|_data)\//.test(url.pathname) || /\.[a-z0-9]+$/i.test(url.pathname)) return null;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return null;
  return url;
}
