import type { Kysely } from 'kysely';
import { localHostOf } from '../../../core/tenancy/tenant.ts';
import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { createMailer, type Mailer } from '../../../core/mail/mailer.ts';
import { reportPath } from '../studio/defects-studio-kit.ts';
import { staffMembers } from './staff-members.ts';
import { teamMail } from './team-mail.ts';

/**
 * Sends the team mails of report `reportId`: to the category's team address and to each studio
 * user named for the category who is still staff of the tenant, each address once. Returns the
 * recipients (nothing when the report or its team is gone).
 */
export async function notifyTeam(db: Kysely<any>, reportId: number, mailer: Mailer, base: string): Promise<string[]> {
  const r = await db
    .selectFrom('defect_reports as r')
    .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
    .select(['r.id', 'r.title', 'r.address', 'r.description', 'r.lat', 'r.lng', 'c.name as categoryName', 'c.team_email as teamEmail', 'c.team_account_ids as teamAccountIds'])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!r) return [];
  const tenant = await db.selectFrom('tenants').select('name').executeTakeFirstOrThrow();
  const staff = (r.teamAccountIds as number[]).length ? await staffMembers(db) : [];
  const addresses = [r.teamEmail as string | null, ...staff.filter((m) => (r.teamAccountIds as number[]).includes(m.accountId)).map((m) => m.email)].filter((a): a is string => !!a);
  const recipients = [...new Map(addresses.map((a) => [a.toLowerCase(), a])).values()];
  for (const to of recipients) await mailer.send(teamMail(to, r, { municipality: tenant.name, studioUrl: `${base}${reportPath(r.id)}` }));
  return recipients;
}

/** Where the studio of a tenant is reached: its first domain by HTTPS; a *.localhost name (development) by HTTP on the port. */
async function studioBase(db: Kysely<any>, port: number): Promise<string> {
  const t = await db.selectFrom('tenants').select(['slug', 'domains']).executeTakeFirstOrThrow();
  const host: string = t.domains[0] ?? localHostOf(t.slug);
  return host.endsWith('.localhost') ? `http://${host}:${port}` : `https://${host}`;
}

/** NOTIFY_TEAM_JOB: a new report reached the inbox (payload { reportId }). */
export const notifyTeamJob: JobHandler = async ({ db, payload, config, tenantId }) => {
  if (tenantId === null) return;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, dataDir: config.dataDir });
  await notifyTeam(db, Number((payload as { reportId: unknown }).reportId), mailer, await studioBase(db, config.port));
};
