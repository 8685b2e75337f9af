import { sql, type Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../jobs/job-queue.ts';
import { tomorrowInBerlinAt } from '../../lib/berlin-time.ts';

export const DB_MAINTENANCE_JOB = 'core.db-maintenance';
/** Finished jobs are kept this long for diagnosis, failed ones longer. */
export const KEEP_DONE_JOBS_DAYS = 7;
export const KEEP_DEAD_JOBS_DAYS = 30;

/** Deletes finished jobs past their keeping time; the queue would otherwise only ever grow. */
export async function pruneFinishedJobs(db: Kysely<any>, now = new Date()): Promise<number> {
  const res = await sql`
    DELETE FROM jobs
    WHERE (status = 'done' AND finished_at < ${now}::timestamptz - make_interval(days => ${KEEP_DONE_JOBS_DAYS}))
       OR (status = 'dead' AND finished_at < ${now}::timestamptz - make_interval(days => ${KEEP_DEAD_JOBS_DAYS}))`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/** Queues the next nightly run at 04:00 Berlin (one waiting job for the platform). Call with the system database. */
export function scheduleDbMaintenance(db: Kysely<any>, runAt = tomorrowInBerlinAt(4, 0)): Promise<void> {
  return enqueueJob(db, { name: DB_MAINTENANCE_JOB, runAt, dedupeKey: DB_MAINTENANCE_JOB });
}

/**
 * Nightly: prunes the job queue and, on PGlite, vacuums and analyses the database. The embedded
 * PGlite runs no autovacuum (it has no background workers): without this, dead rows of updated
 * tables (jobs, sessions, content) would never be reclaimed, the visibility map never set (index-only
 * scans keep visiting the heap) and planner statistics would age. PostgreSQL's autovacuum does that
 * there.
 */
export function dbMaintenanceJob(kind: 'pglite' | 'postgres'): JobHandler {
  return async ({ db, log }) => {
    const t0 = performance.now();
    const pruned = await pruneFinishedJobs(db);
    if (kind === 'pglite') await sql`VACUUM (ANALYZE)`.execute(db);
    log.info({ pruned, vacuumed: kind === 'pglite', ms: Math.round(performance.now() - t0) }, 'database maintenance done');
    await scheduleDbMaintenance(db);
  };
}
