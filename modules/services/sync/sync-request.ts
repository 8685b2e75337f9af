import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

/** The job that fetches the tenant's catalogue from ZuFi and applies it (sync/sync-job.ts). */
export const SYNC_JOB = 'services.sync';

export type SyncTrigger = 'schedule' | 'studio';
export type SyncPayload = { trigger: SyncTrigger };

/** Asks for a ZuFi sync of the current tenant now; a sync already waiting is not queued twice. */
export async function requestSync(db: Kysely<any>, trigger: SyncTrigger): Promise<void> {
  await enqueueJob(db, { name: SYNC_JOB, payload: { trigger } satisfies SyncPayload, dedupeKey: SYNC_JOB, maxAttempts: 1 });
}
