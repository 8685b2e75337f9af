import { sql, type Kysely } from 'kysely';
import type { Page } from './read-input.ts';
import { conditions, PAGE_ORDER, rankedPage, untilFound, withMatch, type ServiceFilter } from './ranked-page.ts';
import { firstMatch, type ServiceMatch } from './service-match.ts';
import { serviceColumns, visibleService, type ServiceRow } from './service-view.ts';

async function countOf(db: Kysely<any>, filter: ServiceFilter, match: ServiceMatch): Promise<number> {
  const result = await sql<{ n: number }>`${withMatch(match)}SELECT count(*)::int AS n FROM ${match.from} WHERE ${conditions(filter, match)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

/**
 * The services of a list or search: one page and the number of all. When the full text finds
 * nothing, its fallback (words inside names and synonyms) answers instead.
 */
export function findServices(db: Kysely<any>, filter: ServiceFilter, page: Page): Promise<{ rows: ServiceRow[]; total: number }> {
  return untilFound(
    firstMatch(filter.words),
    async (match) => {
      if (page.limit === 0) return { rows: [], total: await countOf(db, filter, match) };
      const result = await sql<ServiceRow & { total: string | number }>`${withMatch(match)}
        SELECT ${serviceColumns('s')}, p.total FROM ${rankedPage(filter, match, page)} ORDER BY ${PAGE_ORDER}`.execute(db);
      const rows = result.rows.map(({ total: _total, ...row }) => row as ServiceRow);
      // No row on the first page: nothing matches; on a later one, the page may lie past the end.
      const total = result.rows.length ? Number(result.rows[0]!.total) : page.offset > 0 ? await countOf(db, filter, match) : 0;
      return { rows, total };
    },
    (r) => r.total > 0,
  );
}

export function countServices(db: Kysely<any>, filter: ServiceFilter): Promise<number> {
  return untilFound(firstMatch(filter.words), (match) => countOf(db, filter, match), (n) => n > 0);
}

/** One visible service by id or by LeiKa key (the first by name if a key is shared); undefined when there is none. */
export async function findService(db: Kysely<any>, by: { id: number } | { leikaKey: string }): Promise<ServiceRow | undefined> {
  const where = 'id' in by ? sql`s.id = ${by.id}` : sql`s.leika_key = ${by.leikaKey}`;
  const result = await sql<ServiceRow>`SELECT ${serviceColumns('s')} FROM ozg_services s
    WHERE ${where} AND ${visibleService('s')} ORDER BY s.pinned DESC, s.name_key, s.id LIMIT 1`.execute(db);
  return result.rows[0];
}

/** The municipality's top list in its order. */
export async function topServices(db: Kysely<any>): Promise<ServiceRow[]> {
  const result = await sql<ServiceRow>`SELECT ${serviceColumns('s')} FROM ozg_services s
    WHERE s.top_position IS NOT NULL AND ${visibleService('s')} ORDER BY s.top_position, s.id`.execute(db);
  return result.rows;
}

/** Services linked to a life situation (its own, not its children's) or to a responsible authority. */
const LINKS = {
  lifeSituation: sql`SELECT l.service_id FROM ozg_service_categories l WHERE l.category_id = o.id`,
  authority: sql`SELECT r.service_id FROM ozg_responsibilities r WHERE r.authority_id = o.id`,
};

/**
 * One page of services for each of several life situations or authorities, in one statement
 * (the nested `services` fields of a list): pinned first, then by name.
 */
export async function servicesByLink(db: Kysely<any>, link: keyof typeof LINKS, ownerIds: number[], page: Page): Promise<Map<number, ServiceRow[]>> {
  const out = new Map<number, ServiceRow[]>(ownerIds.map((id) => [id, []]));
  if (!ownerIds.length || page.limit === 0) return out;
  const result = await sql<ServiceRow & { owner_id: number }>`SELECT o.id AS owner_id, p.*
    FROM unnest(${ownerIds}::int[]) AS o(id)
    CROSS JOIN LATERAL (SELECT ${serviceColumns('s')} FROM ozg_services s
      WHERE s.id IN (${LINKS[link]}) AND ${visibleService('s')}
      ORDER BY s.pinned DESC, s.name_key, s.id
      LIMIT ${page.limit} OFFSET ${page.offset}) AS p`.execute(db);
  for (const { owner_id, ...row } of result.rows) out.get(owner_id)!.push(row as ServiceRow);
  return out;
}
