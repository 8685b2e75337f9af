import type { Freshness } from '../zufi/cache-control.ts';

/**
 * The shortest time between two upstream fetches of one service. Also what no-store/no-cache
 * mean for us: "always stale", but refreshed at most this often, so a popular page cannot make
 * a request to the upstream per view.
 */
export const MIN_REVALIDATE_MS = 5 * 60_000;

/** Until when a copy fetched now counts as fresh: the upstream's max-age, else `fallbackMs`. */
export function freshUntil(freshness: Freshness, fallbackMs: number, now = Date.now()): Date {
  const ms = freshness.kind === 'max-age' ? freshness.seconds * 1000 : freshness.kind === 'revalidate' ? 0 : fallbackMs;
  return new Date(now + Math.max(ms, MIN_REVALIDATE_MS));
}
