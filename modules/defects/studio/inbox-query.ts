import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { OPEN_STATUSES, REPORT_STATUSES, type ReportStatus } from '../model/statuses.ts';

export const PER_PAGE = 25;
/** The map shows at most this many of the filtered reports (the newest). */
export const MAP_LIMIT = 500;
/** A CSV export holds at most this many rows. */
export const EXPORT_LIMIT = 50_000;
export const MODERATION_STATES = ['pending', 'approved', 'rejected'] as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).catch('');

/** The inbox's filters as the address carries them; anything odd falls back to "all". */
export const InboxQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  status: z.enum(['open', 'closed', ...REPORT_STATUSES]).or(z.literal('')).catch('').default(''),
  kategorie: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).or(z.literal('')).catch('').default(''),
  freigabe: z.enum(MODERATION_STATES).or(z.literal('')).catch('').default(''),
  zustaendig: z.enum(['ich', 'jemand', 'niemand']).or(z.literal('')).catch('').default(''),
  von: date.default(''),
  bis: date.default(''),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export type InboxRow = {
  id: number;
  title: string;
  categoryName: string;
  status: ReportStatus;
  moderation: (typeof MODERATION_STATES)[number];
  address: string;
  zipcode: string;
  lat: number;
  lng: number;
  requestedAt: Date;
  assignedAccountId: number | null;
  public: boolean;
  source: string;
  description: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
};

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/** The filtered reports of the tenant (row-level security), unordered. */
function filtered(db: Kysely<any>, q: InboxQuery, me: number | null): SelectQueryBuilder<any, any, {}> {
  let sel = db.selectFrom('defect_reports as r').innerJoin('defect_categories as c', 'c.id', 'r.category_id');
  if (q.status === 'open') sel = sel.where('r.status', 'in', OPEN_STATUSES);
  else if (q.status === 'closed') sel = sel.where('r.status', 'not in', OPEN_STATUSES);
  else if (q.status) sel = sel.where('r.status', '=', q.status);
  if (q.kategorie) sel = sel.where('c.code', '=', q.kategorie);
  if (q.freigabe) sel = sel.where('r.moderation', '=', q.freigabe);
  if (q.zustaendig === 'ich') sel = sel.where('r.assigned_account_id', '=', me ?? 0);
  if (q.zustaendig === 'jemand') sel = sel.where('r.assigned_account_id', 'is not', null);
  if (q.zustaendig === 'niemand') sel = sel.where('r.assigned_account_id', 'is', null);
  // Days as Berlin sees them.
  if (q.von) sel = sel.where(sql`(r.requested_at AT TIME ZONE 'Europe/Berlin')::date`, '>=', q.von);
  if (q.bis) sel = sel.where(sql`(r.requested_at AT TIME ZONE 'Europe/Berlin')::date`, '<=', q.bis);
  if (q.q) {
    const p = likePattern(q.q);
    sel = sel.where((eb) => eb.or([eb('r.title', 'ilike', p), eb('r.description', 'ilike', p), eb('r.address', 'ilike', p)]));
  }
  return sel as SelectQueryBuilder<any, any, {}>;
}

const COLUMNS = [
  'r.id',
  'r.title',
  'c.name as categoryName',
  'r.status',
  'r.moderation',
  'r.address',
  'r.zipcode',
  'r.lat',
  'r.lng',
  'r.requested_at as requestedAt',
  'r.assigned_account_id as assignedAccountId',
  'r.public',
  'r.source',
  'r.description',
  'r.contact_name as contactName',
  'r.contact_email as contactEmail',
  'r.contact_phone as contactPhone',
] as const;

/** Newest first: `limit` rows from `offset`. */
export async function inboxRows(db: Kysely<any>, q: InboxQuery, me: number | null, limit: number, offset = 0): Promise<InboxRow[]> {
  return (await filtered(db, q, me).select(COLUMNS).orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').limit(limit).offset(offset).execute()) as InboxRow[];
}

export async function inboxCount(db: Kysely<any>, q: InboxQuery, me: number | null): Promise<number> {
  const row = await filtered(db, q, me).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The inbox's address for these filters (empty ones and page 1 left out). */
export function inboxUrl(base: string, q: InboxQuery, page = 1): string {
  const params = new URLSearchParams(Object.entries({ ...q, seite: page > 1 ? String(page) : '' }).filter(([, v]) => v !== '') as [string, string][]);
  return params.size ? `${base}?${params}` : base;
}
