import { sql, type Kysely } from 'kysely';
import { germanSortKey } from '../../../lib/german-sort.ts';
import type { CoveringAreas } from './area-key.ts';
import { AUTHORITY_COLUMNS, authorityView, type AuthorityRow, type AuthorityView } from './authorities.ts';

/**
 * The authorities responsible for each service at a place, in one statement: among the
 * responsibilities whose area covers the place (area-key.ts), those of the longest area win —
 * the municipality's own office beats the district's for the same service. By name.
 */
export async function responsibleAuthorities(db: Kysely<any>, serviceIds: number[], at: CoveringAreas): Promise<Map<number, AuthorityView[]>> {
  const out = new Map<number, AuthorityView[]>(serviceIds.map((id) => [id, []]));
  if (!serviceIds.length) return out;
  const result = await sql<AuthorityRow & { service_id: number }>`SELECT r.service_id, ${AUTHORITY_COLUMNS}
    FROM (SELECT service_id, authority_id, rank() OVER (PARTITION BY service_id ORDER BY length(area) DESC) AS k
          FROM ozg_responsibilities WHERE service_id = ANY(${serviceIds}::int[]) AND area = ANY(${at.areas}::text[])) AS r
    JOIN ozg_authorities a ON a.id = r.authority_id
    WHERE r.k = 1
    ORDER BY r.service_id, ${germanSortKey('a.name')}, a.id`.execute(db);
  for (const r of result.rows) out.get(r.service_id)!.push(authorityView(r));
  return out;
}
