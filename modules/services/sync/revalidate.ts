import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

/** The job that refreshes one service from ZuFi (sync/refresh-service.ts). */
export const REFRESH_JOB = 'services.refresh-service';
export type RefreshPayload = { serviceId: number };

/**
 * Stale-while-revalidate for one service: the caller serves the row as it is and, when its
 * fresh_until (from the upstream's Cache-Control) has passed, this queues a refresh of it from
 * ZuFi — one waiting refresh per tenant and service, however many views ask. Rows of other
 * sources, and ZuFi rows with no fresh_until (seeded, never synced), are never refreshed.
 * Returns whether a refresh was queued. `db` is bound to the tenant.
 */
export async function revalidateWhenStale(db: Kysely<any>, tenantId: number, row: { id: number; source: string; fresh_until: Date | string | null }, now = new Date()): Promise<boolean> {
  if (row.source !== 'zufi' || row.fresh_until === null) return false;
  if (new Date(row.fresh_until).getTime() > now.getTime()) return false;
  await enqueueJob(db, { name: REFRESH_JOB, payload: { serviceId: row.id } satisfies RefreshPayload, dedupeKey: `${REFRESH_JOB}:${tenantId}:${row.id}`, maxAttempts: 1, tenantId });
  return true;
}
