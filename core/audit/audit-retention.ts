import { sql, type Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../jobs/job-queue.ts';
import { tomorrowInBerlinAt } from '../../lib/berlin-time.ts';

export const AUDIT_RETENTION_JOB = 'core.audit-retention';
/** Entries are kept this many months (issue 5: "kept 12 months"). */
export const AUDIT_RETENTION_MONTHS = 12;

/** The next 03:15 in Berlin after `now` (a quiet hour). */
export function nextRetentionRun(now = new Date()): Date {
  return tomorrowInBerlinAt(3, 15, now);
}

/** Queues the nightly clean-up (one waiting job for the whole platform). Call with the system database. */
export function scheduleAuditRetention(db: Kysely<any>, runAt = nextRetentionRun()): Promise<void> {
  return enqueueJob(db, { name: AUDIT_RETENTION_JOB, runAt, dedupeKey: AUDIT_RETENTION_JOB });
}

/** Deletes entries older than the retention period, tenant by tenant so each delete uses the index. */
export async function pruneAuditLog(db: Kysely<any>, now = new Date()): Promise<number> {
  const tenants = await db.selectFrom('tenants').select('id').execute();
  let deleted = 0;
  for (const t of tenants) {
    const res = await db
      .deleteFrom('audit_log')
      .where('tenant_id', '=', t.id)
      .where('at', '<', sql<Date>`${now}::timestamptz - make_interval(months => ${AUDIT_RETENTION_MONTHS})`)
      .executeTakeFirst();
    deleted += Number(res.numDeletedRows);
  }
  return deleted;
}

/** A platform job (no tenant): prunes every tenant's log, then queues itself for the next night. */
export const auditRetentionJob: JobHandler = async ({ db, log }) => {
  const deleted = await pruneAuditLog(db);
  if (deleted) log.info({ deleted }, 'old audit log entries deleted');
  await scheduleAuditRetention(db);
};
