import type { Kysely } from 'kysely';
import { badRequest, notFound } from '../../../core/errors.ts';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';
import { isOpen, type ReportStatus } from '../model/statuses.ts';
import { STATUS_NOTICE_JOB } from './report-jobs.ts';

export type StatusChange = {
  reportId: number;
  status: ReportStatus;
  /** Shown to the reporter and the public (Open311 status_notes) unless `internal`. */
  comment: string;
  internal?: boolean;
  accountId: number | null;
  /** With status `duplicate`: the report this one repeats. */
  duplicateOf?: number;
};

/**
 * Moves a report to a status with a comment, in one transaction with its history entry and the
 * job that tells the reporter. A comment without a new status is recorded too (and told, when public).
 */
export async function changeStatus(db: Kysely<any>, c: StatusChange): Promise<{ updateId: number }> {
  const run = async (trx: Kysely<any>) => {
    const current = await trx.selectFrom('defect_reports').select(['id', 'status']).where('id', '=', c.reportId).forUpdate().executeTakeFirst();
    if (!current) throw notFound('Diese Meldung gibt es nicht.');
    if (c.status === 'duplicate') {
      if (!c.duplicateOf || c.duplicateOf === c.reportId) throw badRequest('Bitte die Meldung angeben, die dieselbe Sache meldet.');
      const original = await trx.selectFrom('defect_reports').select('id').where('id', '=', c.duplicateOf).executeTakeFirst();
      if (!original) throw notFound('Die angegebene Meldung gibt es nicht.');
    }
    const changed = current.status !== c.status;
    if (!changed && !c.comment.trim()) throw badRequest('Bitte einen neuen Status wählen oder einen Kommentar schreiben.');
    const now = new Date();
    await trx
      .updateTable('defect_reports')
      .set({
        status: c.status,
        ...(c.internal || !c.comment.trim() ? {} : { status_notes: c.comment.trim() }),
        updated_at: now,
        closed_at: isOpen(c.status) ? null : changed ? now : undefined,
        duplicate_of: c.status === 'duplicate' ? c.duplicateOf : null,
      })
      .where('id', '=', c.reportId)
      .execute();
    const update = await trx
      .insertInto('defect_report_updates')
      .values({ report_id: c.reportId, status: c.status, comment: c.comment.trim(), public: !c.internal, author_account_id: c.accountId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!c.internal) await enqueueJob(trx, { name: STATUS_NOTICE_JOB, payload: { reportId: c.reportId, updateId: update.id } });
    return { updateId: update.id };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
