import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { createMailer, type Mailer } from '../../../core/mail/mailer.ts';
import { removeWebSubscriptions } from '../../push/messages/remove-recipients.ts';
import { senderFor } from '../../push/messages/send-web-job.ts';
import { webPushPayload } from '../../push/web/web-push-payload.ts';
import type { ReportStatus } from '../model/statuses.ts';
import { mailNotice, pushNotice, reportPath, type NoticeFacts } from './notice-texts.ts';
import { reportPushTarget } from './report-push.ts';

/** The undelivered push waits a day at the push service (a phone switched off overnight). */
const PUSH_TTL_SECONDS = 24 * 60 * 60;

let mailer: Mailer | undefined;

/**
 * defects.status-notice ({reportId, updateId}): tells the reporter of a public status change or
 * comment — by Web Push to the device that filed the report (its subscription, through the push
 * module's sender) and by e-mail when they asked for it with consent. A push service that says
 * the subscription is gone removes it; one that is busy makes the job retry (the e-mail is sent
 * only on the first attempt, so a retry does not mail twice). Logs ids only, never addresses.
 */
export const statusNoticeJob: JobHandler = async ({ db, payload, config, tenantId, log, attempt }) => {
  const reportId = Number(payload?.reportId);
  const updateId = Number(payload?.updateId);
  if (!Number.isInteger(reportId) || !Number.isInteger(updateId) || tenantId === null) return log.warn('defects.status-notice without report and update ids');
  const row = await db
    .selectFrom('defect_report_updates as u')
    .innerJoin('defect_reports as r', 'r.id', 'u.report_id')
    .innerJoin('tenants as t', 't.id', 'r.tenant_id')
    .select(['r.id', 'r.title', 'u.status', 'u.comment', 'u.public', 'r.notify_by_email', 'r.contact_consent', 'r.contact_email', 't.name as municipality', 't.domains'])
    .where('u.id', '=', updateId)
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!row || !row.public) return;
  const domain = (row.domains as string[] | null)?.[0];
  const facts: NoticeFacts = { id: row.id, title: row.title, status: row.status as ReportStatus, comment: row.comment, municipality: row.municipality, pageUrl: domain ? `https://${domain}${reportPath(row.id)}` : null };

  if (attempt <= 1 && row.notify_by_email && row.contact_consent && row.contact_email) {
    mailer ??= createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, dataDir: config.dataDir });
    await mailer.send({ to: row.contact_email, ...mailNotice(facts) });
    log.info({ reportId, updateId }, 'status notice mailed to the reporter');
  }

  const target = await reportPushTarget(db, reportId);
  if (!target) return;
  const sender = await senderFor(db, tenantId, config);
  const { title, body } = pushNotice(facts);
  const result = await sender.send(target, webPushPayload({ title, body, url: reportPath(row.id), tag: `defect-${row.id}`, lang: 'de' }), { ttl: PUSH_TTL_SECONDS, urgency: 'normal' });
  if (result.outcome === 'removed') await removeWebSubscriptions(db, [target.endpoint]);
  if (result.outcome === 'retry') throw new Error(`push service busy (HTTP ${result.status ?? 'none'}); the notice is tried again`);
  if (result.outcome === 'failed') log.error({ reportId, updateId, status: result.status }, 'status notice push refused by the push service');
};
