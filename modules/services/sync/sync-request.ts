import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

/** The job that fetches the tenant's catalogue from ZuFi and applies it (sync/sync-job.ts). */
export const SYNC_JOB = 'services.sync';

export type SyncTrigger = 'schedule' | 'studio';
export type SyncPayload = { trigger: SyncTrigger };

/**
 * Asks for a ZuFi sync of the tenant now (db bound to it); a sync already waiting for that tenant
 * is not queued twice (dedupe keys are deployment-wide, hence the tenant id in it).
 */
export async function requestSync(db: Kysely<any>, tenantId: number, trigger: SyncTrigger): Promise<void> {
  await enqueueJob(db, { name: SYNC_JOB, payload: { trigger } satisfies SyncPayload, dedupeKey: `${SYNC_JOB}:${tenantId}`, maxAttempts: 1 });
}
