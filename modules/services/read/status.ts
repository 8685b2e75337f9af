import { sql, type Kysely } from 'kysely';
import { railsJsonTimestamp } from '../../../lib/berlin-time.ts';
import { visibleService } from './service-view.ts';

export type ServicesStatus = { servicesCount: number; lastSuccessAt: string | null; lastAttemptAt: string | null; stale: boolean };

/**
 * How current the copy is: the visible services, the latest success and attempt over all
 * sources, and stale when a source's last attempt did not succeed (the upstream could not be
 * reached or delivered nonsense; the last good copy is still served). Times ISO 8601, Berlin.
 */
export async function servicesStatus(db: Kysely<any>): Promise<ServicesStatus> {
  const result = await sql<{ services_count: number; last_success_at: Date | null; last_attempt_at: Date | null; stale: boolean | null }>`SELECT
      (SELECT count(*)::int FROM ozg_services s WHERE ${visibleService('s')}) AS services_count,
      max(last_success_at) AS last_success_at,
      max(last_attempt_at) AS last_attempt_at,
      bool_or(last_attempt_at IS NOT NULL AND (last_success_at IS NULL OR last_success_at < last_attempt_at)) AS stale
    FROM ozg_source_status`.execute(db);
  const r = result.rows[0]!;
  return { servicesCount: r.services_count, lastSuccessAt: railsJsonTimestamp(r.last_success_at), lastAttemptAt: railsJsonTimestamp(r.last_attempt_at), stale: r.stale ?? false };
}
