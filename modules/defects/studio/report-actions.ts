import type { Kysely } from 'kysely';
import { z } from 'zod';
import { badRequest, notFound } from '../../../core/errors.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { REPORT_STATUSES } from '../model/statuses.ts';
import { changeStatus } from '../reports/change-status.ts';
import { staffMembers } from '../team/staff-members.ts';
import type { DefectsTexts } from './defects-texts.ts';

const reportId = z.string().trim().regex(/^\d{1,9}$/).transform(Number);

/** What staff do to one report; each form posts one of these (the `aktion` field names it). */
export const ReportAction = z.discriminatedUnion('aktion', [
  z.object({ aktion: z.literal('freigabe'), entscheidung: z.enum(['approved', 'rejected']) }),
  z.object({ aktion: z.literal('zuweisung'), konto: z.union([z.literal(''), reportId]) }),
  z.object({
    aktion: z.literal('status'),
    // Duplicates are marked through the merge form, which names the original.
    status: z.enum(REPORT_STATUSES).exclude(['duplicate']),
    kommentar: z.string().max(2000).default(''),
    intern: z.literal('ja').optional(),
  }),
  z.object({ aktion: z.literal('duplikat'), original: z.union([z.literal(''), reportId]).default(''), nummer: z.union([z.literal(''), reportId]).default('') }),
]);
export type ReportAction = z.infer<typeof ReportAction>;

export type ActionOutcome = { notice: 'moderated' | 'assignedNotice' | 'statusNotice' | 'mergeNotice'; detail: Record<string, unknown> };

/**
 * Applies one action to report `id` in the caller's transaction; refusals are AppErrors with a
 * German message (nothing written). The report's existence is checked under row-level security,
 * so another tenant's report is "not found".
 */
export async function applyReportAction(trx: Kysely<any>, id: number, a: ReportAction, accountId: number | null, t: DefectsTexts): Promise<ActionOutcome> {
  const exists = await trx.selectFrom('defect_reports').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!exists) throw notFound(t.notFound);
  switch (a.aktion) {
    case 'freigabe':
      await trx.updateTable('defect_reports').set({ moderation: a.entscheidung, updated_at: new Date() }).where('id', '=', id).execute();
      return { notice: 'moderated', detail: { moderation: a.entscheidung } };
    case 'zuweisung': {
      const to = a.konto === '' ? null : a.konto;
      if (to !== null && !(await staffMembers(trx)).some((m) => m.accountId === to)) throw badRequest(t.badAssignee);
      await trx.updateTable('defect_reports').set({ assigned_account_id: to, updated_at: new Date() }).where('id', '=', id).execute();
      return { notice: 'assignedNotice', detail: { assignedAccountId: to } };
    }
    case 'status': {
      const internal = a.intern === 'ja';
      await changeStatus(trx, { reportId: id, status: a.status, comment: a.kommentar, internal, accountId });
      return { notice: 'statusNotice', detail: { status: a.status, internal } };
    }
    case 'duplikat': {
      const original = a.original === '' ? a.nummer : a.original;
      if (original === '') throw badRequest(t.mergeMissing);
      await changeStatus(trx, { reportId: id, status: 'duplicate', comment: fillText(t.mergeComment, { id: original }), accountId, duplicateOf: original });
      return { notice: 'mergeNotice', detail: { duplicateOf: original } };
    }
  }
}
