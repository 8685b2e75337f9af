import { sql, type RawBuilder } from 'kysely';
import type { Page } from './read-input.ts';
import type { ServiceMatch } from './service-match.ts';
import { visibleService } from './service-view.ts';

/** The list filters of administrativeServices and GET /api/v1/services (already checked, read-input.ts). */
export type ServiceFilter = {
  words: string[];
  lifeSituationId: number | null;
  leikaKey: string | null;
  ids: number[] | null;
};

export const noFilter: ServiceFilter = { words: [], lifeSituationId: null, leikaKey: null, ids: null };

/** Visible services (`s`) that match and pass the filters. */
export function conditions(filter: ServiceFilter, match: ServiceMatch): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [visibleService('s'), match.where];
  if (filter.lifeSituationId !== null) {
    parts.push(sql<boolean>`EXISTS (SELECT 1 FROM ozg_service_categories l WHERE l.service_id = s.id AND l.category_id = ${filter.lifeSituationId})`);
  }
  if (filter.leikaKey !== null) parts.push(sql<boolean>`s.leika_key = ${filter.leikaKey}`);
  if (filter.ids !== null) parts.push(sql<boolean>`s.id = ANY(${filter.ids}::int[])`);
  return sql.join(parts, sql` AND `) as RawBuilder<boolean>;
}

/** `WITH <the match's CTE>` or nothing; goes before SELECT. */
export const withMatch = (match: ServiceMatch): RawBuilder<unknown> => (match.cte ? sql`WITH ${match.cte} ` : sql``);

/**
 * FROM clause of one page in ranking order — pinned first, then the match's name boost and text
 * rank, then the name in German order — as `p` (with `p.total`, the number of all matches: a
 * window count over the rows the sort needs anyway) joined to its services as `s`. The page is
 * picked on narrow rows; only its own rows are read in full. Order the outer query by PAGE_ORDER.
 */
export function rankedPage(filter: ServiceFilter, match: ServiceMatch, page: Page): RawBuilder<unknown> {
  return sql`(SELECT s.id, s.pinned, ${match.boost} AS boost, ${match.rank} AS rank, s.name_key, count(*) OVER () AS total
      FROM ${match.from}
      WHERE ${conditions(filter, match)}
      ORDER BY s.pinned DESC, boost DESC, rank DESC, s.name_key, s.id
      LIMIT ${page.limit} OFFSET ${page.offset}) AS p
    JOIN ozg_services s ON s.id = p.id`;
}

export const PAGE_ORDER = sql`p.pinned DESC, p.boost DESC, p.rank DESC, p.name_key, p.id`;

/**
 * Runs `attempt` with the first way of matching, then with its fallbacks while `found` says
 * the answer is empty (service-match.ts).
 */
export async function untilFound<T>(first: ServiceMatch, attempt: (match: ServiceMatch) => Promise<T>, found: (result: T) => boolean): Promise<T> {
  let match = first;
  for (;;) {
    const result = await attempt(match);
    if (found(result) || !match.fallback) return result;
    match = match.fallback;
  }
}
