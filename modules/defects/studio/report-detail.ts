import type { Kysely } from 'kysely';
import type { ReportStatus } from '../model/statuses.ts';

export type StaffReport = {
  id: number;
  categoryId: number;
  categoryCode: string;
  categoryName: string;
  title: string;
  description: string;
  status: ReportStatus;
  statusNotes: string;
  moderation: 'pending' | 'approved' | 'rejected';
  lat: number;
  lng: number;
  address: string;
  zipcode: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notifyByEmail: boolean;
  public: boolean;
  source: string;
  assignedAccountId: number | null;
  duplicateOf: number | null;
  requestedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  photos: { url: string; width: number; height: number }[];
  history: { status: ReportStatus; comment: string; public: boolean; authorAccountId: number | null; createdAt: Date }[];
};

/** A report as staff see it: everything, incl. contact data and internal notes (the page decides what to show). */
export async function loadStaffReport(db: Kysely<any>, id: number): Promise<StaffReport | undefined> {
  const r = await db
    .selectFrom('defect_reports as r')
    .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.category_id as categoryId',
      'c.code as categoryCode',
      'c.name as categoryName',
      'r.title',
      'r.description',
      'r.status',
      'r.status_notes as statusNotes',
      'r.moderation',
      'r.lat',
      'r.lng',
      'r.address',
      'r.zipcode',
      'r.contact_name as contactName',
      'r.contact_email as contactEmail',
      'r.contact_phone as contactPhone',
      'r.notify_by_email as notifyByEmail',
      'r.public',
      'r.source',
      'r.assigned_account_id as assignedAccountId',
      'r.duplicate_of as duplicateOf',
      'r.requested_at as requestedAt',
      'r.updated_at as updatedAt',
      'r.closed_at as closedAt',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const [photos, history] = await Promise.all([
    db.selectFrom('defect_report_photos').select(['url', 'width', 'height']).where('report_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('defect_report_updates')
      .select(['status', 'comment', 'public', 'author_account_id as authorAccountId', 'created_at as createdAt'])
      .where('report_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { ...(r as Omit<StaffReport, 'photos' | 'history'>), photos, history } as StaffReport;
}
