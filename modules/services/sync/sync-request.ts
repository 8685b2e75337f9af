import { z } from 'zod';
import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

/** The job that fetches the tenant's catalogue from ZuFi and applies it (sync/sync-job.ts). */
export const SYNC_JOB = 'services.sync';

export const SyncPayload = z.object({
  trigger: z.enum(['schedule', 'studio']),
  /** Accept a catalogue much smaller than the copy (the shrink guard, sync/shrink-guard.ts) — a person confirmed it. */
  allowShrink: z.boolean().optional(),
});
export type SyncPayload = z.infer<typeof SyncPayload>;
export type SyncTrigger = SyncPayload['trigger'];

/** The dedupe key of a tenant's waiting sync (dedupe keys are deployment-wide, hence the tenant id). */
export const syncDedupeKey = (tenantId: number) => `${SYNC_JOB}:${tenantId}`;

/**
 * Asks for a ZuFi sync of the tenant now; a sync already waiting for that tenant is not queued
 * twice. `db` is bound to the tenant, or the system database (the scheduler).
 */
export async function requestSync(db: Kysely<any>, tenantId: number, trigger: SyncTrigger, opts: { allowShrink?: boolean } = {}): Promise<void> {
  const payload: SyncPayload = { trigger, ...(opts.allowShrink ? { allowShrink: true } : {}) };
  await enqueueJob(db, { name: SYNC_JOB, payload, dedupeKey: syncDedupeKey(tenantId), maxAttempts: 1, tenantId });
}
