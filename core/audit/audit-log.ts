import { sql, type Kysely } from 'kysely';
import { z } from 'zod';

/**
 * One entry of a tenant's audit log: who (account and a label that survives the account), did
 * what (`graphql:createNewsItem`, `studio:login` …) to which record, from which address.
 * `detail` is for identifiers and flags, never for content or personal data beyond the actor.
 */
/** Over-long values (a client's id argument, say) are cut, never refused: recording must not fail a write. */
const clipped = (max: number) => z.string().transform((s) => s.slice(0, max));

export const AuditEntrySchema = z.object({
  tenantId: z.number().int().positive(),
  /** The acting staff account; null for API applications, anonymous callers and unknown e-mails. */
  accountId: z.number().int().positive().nullable(),
  /** E-mail of the account, name of the application, or '' for anonymous callers. */
  actor: clipped(320),
  action: clipped(120).pipe(z.string().min(1)),
  targetType: clipped(80).optional(),
  targetId: clipped(80).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
  ip: clipped(64),
});
export type AuditEntry = z.input<typeof AuditEntrySchema>;

/** Detail larger than this is replaced by a note: the log is not a copy of the data. */
const MAX_DETAIL_CHARS = 2000;

/**
 * Writes one entry. Pass the transaction of the write it records, so a rolled-back write leaves
 * no entry. Works with a tenant-bound database (row-level security checks the tenant) and with
 * the system database.
 */
export async function recordAudit(db: Kysely<any>, entry: AuditEntry): Promise<void> {
  const e = AuditEntrySchema.parse(entry);
  let detail = JSON.stringify(e.detail ?? {});
  if (detail.length > MAX_DETAIL_CHARS) detail = JSON.stringify({ truncated: true });
  await db
    .insertInto('audit_log')
    .values({ tenant_id: e.tenantId, account_id: e.accountId, actor: e.actor, action: e.action, target_type: e.targetType ?? null, target_id: e.targetId ?? null, detail, ip: e.ip })
    .execute();
}

export const AuditFilterSchema = z.object({
  /** Part of the actor label (e-mail or application name), any case. */
  actor: z.string().max(320).optional(),
  /** Part of the action, any case. */
  action: z.string().max(120).optional(),
  from: z.date().optional(),
  /** Exclusive end. */
  to: z.date().optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0),
});
export type AuditFilter = z.input<typeof AuditFilterSchema>;

export type AuditRow = {
  id: string;
  at: Date;
  accountId: number | null;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
  ip: string;
};

/** Entries newest first. Give it the tenant-bound database: row-level security keeps it to one tenant. */
export async function listAudit(db: Kysely<any>, filter: AuditFilter): Promise<AuditRow[]> {
  const f = AuditFilterSchema.parse(filter);
  let q = db.selectFrom('audit_log').select(['id', 'at', 'account_id', 'actor', 'action', 'target_type', 'target_id', 'detail', 'ip']);
  if (f.actor) q = q.where(sql<boolean>`strpos(lower(actor), lower(${f.actor})) > 0`);
  if (f.action) q = q.where(sql<boolean>`strpos(lower(action), lower(${f.action})) > 0`);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at),
    accountId: r.account_id,
    actor: r.actor,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: r.detail,
    ip: r.ip,
  }));
}
