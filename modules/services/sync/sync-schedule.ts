import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { enqueueJob, type JobHandler } from '../../../core/jobs/job-queue.ts';
import { requestSync, SYNC_JOB } from './sync-request.ts';

/**
 * Scheduled syncs: one platform job, re-queued by itself like the audit retention, looks every
 * SWEEP_EVERY_MS for tenants whose ZuFi copy is due and queues their sync. Everything it decides
 * on is in PostgreSQL (settings, last attempt, breaker, waiting jobs), so any number of processes
 * may run it; the dedupe keys keep one sweep and one sync per tenant waiting.
 */
export const SWEEP_JOB = 'services.sync-sweep';
export const SWEEP_EVERY_MS = 15 * 60_000;
/** After a failed run the next scheduled try comes this soon (the breaker stops it after repeated failures). */
export const RETRY_FAILED_AFTER_MS = 30 * 60_000;

/** Queues the next sweep (one waiting for the whole platform). Call with the system database. */
export function scheduleSyncSweep(db: Kysely<any>, runAt = new Date(Date.now() + SWEEP_EVERY_MS)): Promise<void> {
  return enqueueJob(db, { name: SWEEP_JOB, runAt, dedupeKey: SWEEP_JOB });
}

/**
 * Queues a scheduled sync for every tenant with ZuFi enabled (and the services module on) whose
 * last attempt is older than its interval — or than RETRY_FAILED_AFTER_MS when it failed — unless
 * its circuit breaker is open (logged) or a sync of it is waiting or running. Returns the tenants queued.
 */
export async function sweepDueSyncs(db: Kysely<any>, log: Pick<FastifyBaseLogger, 'info'>, now = new Date()): Promise<number[]> {
  const res = await sql<{ tenant_id: number; circuit_open_until: Date | null }>`
    SELECT s.tenant_id, s.circuit_open_until
    FROM ozg_settings s
    JOIN tenants t ON t.id = s.tenant_id
    LEFT JOIN ozg_source_status st ON st.tenant_id = s.tenant_id AND st.source = 'zufi'
    WHERE s.zufi_enabled AND 'services' = ANY(t.enabled_modules)
      AND (st.last_attempt_at IS NULL
        OR st.last_attempt_at <= ${now}::timestamptz - make_interval(hours => s.sync_interval_hours)
        OR (st.last_error IS NOT NULL AND st.last_attempt_at <= ${now}::timestamptz - make_interval(secs => ${RETRY_FAILED_AFTER_MS / 1000})))
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.status = 'queued' AND j.dedupe_key = ${SYNC_JOB} || ':' || s.tenant_id)
      AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.status = 'running' AND j.name = ${SYNC_JOB} AND j.tenant_id = s.tenant_id)
    ORDER BY s.tenant_id`.execute(db);
  const queued: number[] = [];
  for (const row of res.rows) {
    if (row.circuit_open_until && new Date(row.circuit_open_until).getTime() > now.getTime()) {
      log.info({ tenantId: row.tenant_id, circuitOpenUntil: new Date(row.circuit_open_until).toISOString() }, 'scheduled ZuFi sync skipped: circuit breaker open');
      continue;
    }
    await requestSync(db, row.tenant_id, 'schedule');
    queued.push(row.tenant_id);
  }
  return queued;
}

/** A platform job: queues the due syncs, then itself for the next sweep. */
export const syncSweepJob: JobHandler = async ({ db, log }) => {
  const queued = await sweepDueSyncs(db, log);
  if (queued.length) log.info({ tenants: queued }, 'scheduled ZuFi syncs queued');
  await scheduleSyncSweep(db);
};
