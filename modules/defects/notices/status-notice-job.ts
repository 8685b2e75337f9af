import type { Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../../../core/jobs/job-queue.ts';
import { createMailer, type Mailer } from '../../../core/mail/mailer.ts';
import { removeWebSubscriptions } from '../../push/messages/remove-recipients.ts';
import { senderFor } from '../../push/messages/send-web-job.ts';
import { webPushPayload } from '../../push/web/web-push-payload.ts';
import type { ReportStatus } from '../model/statuses.ts';
import { mailNotice, pushNotice, reportPath, type NoticeFacts } from './notice-texts.ts';
import { reportPushTarget } from './report-push.ts';

/** The two ways a reporter hears of a change, each its own job so that each is retried on its own. */
export const STATUS_PUSH_JOB = 'defects.status-push';
export const STATUS_MAIL_JOB = 'defects.status-mail';

/** The undelivered push waits a day at the push service (a phone switched off overnight). */
const PUSH_TTL_SECONDS = 24 * 60 * 60;

type Notice = NoticeFacts & { public: boolean; mailTo: string | null };

/** What the notice says and to whom it may be mailed; undefined for an unknown report or update. */
async function loadNotice(db: Kysely<any>, payload: any): Promise<Notice | undefined> {
  const reportId = Number(payload?.reportId);
  const updateId = Number(payload?.updateId);
  if (!Number.isInteger(reportId) || !Number.isInteger(updateId)) return undefined;
  const row = await db
    .selectFrom('defect_report_updates as u')
    .innerJoin('defect_reports as r', 'r.id', 'u.report_id')
    .innerJoin('tenants as t', 't.id', 'r.tenant_id')
    .select(['r.id', 'r.title', 'u.status', 'u.comment', 'u.public', 'r.notify_by_email', 'r.contact_consent', 'r.contact_email', 't.name as municipality', 't.domains'])
    .where('u.id', '=', updateId)
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!row) return undefined;
  const domain = (row.domains as string[] | null)?.[0];
  return {
    id: row.id,
    title: row.title,
    status: row.status as ReportStatus,
    comment: row.comment,
    municipality: row.municipality,
    pageUrl: domain ? `https://${domain}${reportPath(row.id)}` : null,
    public: row.public,
    mailTo: row.notify_by_email && row.contact_consent && row.contact_email ? row.contact_email : null,
  };
}

/**
 * defects.status-notice ({reportId, updateId}, queued by changeStatus for public changes): queues
 * the Web Push to the device that filed the report (when it gave its subscription) and the e-mail
 * (when the reporter asked for it with consent), one job each.
 */
export const statusNoticeJob: JobHandler = async ({ db, payload }) => {
  const notice = await loadNotice(db, payload);
  if (!notice?.public) return;
  const key = `${payload.reportId}:${payload.updateId}`;
  if (notice.mailTo) await enqueueJob(db, { name: STATUS_MAIL_JOB, payload, dedupeKey: `${STATUS_MAIL_JOB}:${key}` });
  if (await reportPushTarget(db, notice.id)) await enqueueJob(db, { name: STATUS_PUSH_JOB, payload, dedupeKey: `${STATUS_PUSH_JOB}:${key}` });
};

/**
 * The push, through the push module's sender: "Ihre Meldung „…“: Erledigt", the public comment,
 * the report's page. A subscription the push service calls gone is removed; a busy service makes
 * the job retry. Logs ids only.
 */
export const statusPushJob: JobHandler = async ({ db, payload, config, tenantId, log }) => {
  const notice = await loadNotice(db, payload);
  const target = notice && (await reportPushTarget(db, notice.id));
  if (!notice || !target || tenantId === null) return;
  const sender = await senderFor(db, tenantId, config);
  const message = webPushPayload({ ...pushNotice(notice), url: reportPath(notice.id), tag: `defect-${notice.id}`, lang: 'de' });
  const result = await sender.send(target, message, { ttl: PUSH_TTL_SECONDS, urgency: 'normal' });
  if (result.outcome === 'removed') await removeWebSubscriptions(db, [target.endpoint]);
  if (result.outcome === 'retry') throw new Error(`push service busy (HTTP ${result.status ?? 'none'}); tried again later`);
  if (result.outcome === 'failed') log.error({ reportId: notice.id, status: result.status }, 'status push refused by the push service');
};

let mailer: Mailer | undefined;

/** The e-mail (core/mail: SMTP, or DATA_DIR/mail in development). */
export const statusMailJob: JobHandler = async ({ db, payload, config, log }) => {
  const notice = await loadNotice(db, payload);
  if (!notice?.mailTo) return;
  mailer ??= createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, dataDir: config.dataDir });
  await mailer.send({ to: notice.mailTo, ...mailNotice(notice) });
  log.info({ reportId: notice.id }, 'status notice mailed to the reporter');
};
