import { sql, type Kysely } from 'kysely';
import type { ReportStatus } from '../model/statuses.ts';

/** What anyone may see of a report: no contact data, no device or account ids, no internal notes. */
export type PublicReport = {
  id: number;
  categoryCode: string;
  categoryName: string;
  agency: string;
  title: string;
  description: string;
  status: ReportStatus;
  statusNotes: string;
  lat: number;
  lng: number;
  address: string;
  zipcode: string;
  addressId: string;
  requestedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  expectedAt: Date | null;
  /** Photo URLs (stored paths are relative to the host), in the reporter's order. */
  photos: string[];
};

export type PublicReportFilter = {
  ids?: number[];
  categoryCodes?: string[];
  statuses?: readonly ReportStatus[];
  /** Requested at or after / before. */
  from?: Date;
  to?: Date;
  /** South-west and north-east corners of a map's view. */
  bbox?: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  limit: number;
  offset?: number;
};

/** Public means: approved by moderation (or needing none) and shown by the reporter's choice. */
const publicRows = (db: Kysely<any>) => db.selectFrom('defect_reports').where('moderation', '=', 'approved').where('public', '=', true);

type Rows = ReturnType<typeof publicRows>;

/**
 * The chosen rows with their category and photos. The rows are chosen (and a list limited) on
 * defect_reports alone, so the planner walks the (tenant, requested_at) index and stops after a
 * page, instead of joining every report of the window first and sorting them.
 */
const withDetails = (db: Kysely<any>, rows: Rows) =>
  db
    .selectFrom(
      rows
        .select(['id', 'category_id', 'title', 'description', 'status', 'status_notes', 'lat', 'lng', 'address', 'zipcode', 'address_id', 'requested_at', 'updated_at', 'closed_at', 'expected_at'])
        .as('r'),
    )
    .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'c.code as categoryCode',
      'c.name as categoryName',
      'c.agency',
      'r.title',
      'r.description',
      'r.status',
      'r.status_notes as statusNotes',
      'r.lat',
      'r.lng',
      'r.address',
      'r.zipcode',
      'r.address_id as addressId',
      'r.requested_at as requestedAt',
      'r.updated_at as updatedAt',
      'r.closed_at as closedAt',
      'r.expected_at as expectedAt',
      sql<string[]>`coalesce((SELECT array_agg(p.url ORDER BY p.position) FROM defect_report_photos p WHERE p.report_id = r.id), '{}')`.as('photos'),
    ]);

/** Newest first; `ids` alone decides when given (as Open311's service_request_id does). */
export async function listPublicReports(db: Kysely<any>, f: PublicReportFilter): Promise<PublicReport[]> {
  let q = publicRows(db);
  if (f.ids) q = q.where('id', 'in', f.ids.length ? f.ids : [0]);
  else {
    if (f.categoryCodes?.length) q = q.where('category_id', 'in', db.selectFrom('defect_categories').select('id').where('code', 'in', f.categoryCodes));
    if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
    if (f.from) q = q.where('requested_at', '>=', f.from);
    if (f.to) q = q.where('requested_at', '<=', f.to);
    if (f.bbox) {
      q = q.where('lat', '>=', f.bbox.minLat).where('lat', '<=', f.bbox.maxLat).where('lng', '>=', f.bbox.minLng).where('lng', '<=', f.bbox.maxLng);
    }
  }
  const page = q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset ?? 0);
  return withDetails(db, page).orderBy('r.requested_at', 'desc').orderBy('r.id', 'desc').execute() as Promise<PublicReport[]>;
}

export async function getPublicReport(db: Kysely<any>, id: number): Promise<PublicReport | undefined> {
  return (await withDetails(db, publicRows(db).where('id', '=', id)).executeTakeFirst()) as PublicReport | undefined;
}

/** The public history of a report (status changes with their comments), oldest first. */
export async function publicUpdates(db: Kysely<any>, reportId: number): Promise<{ status: ReportStatus; comment: string; createdAt: Date }[]> {
  return db
    .selectFrom('defect_report_updates')
    .select(['status', 'comment', 'created_at as createdAt'])
    .where('report_id', '=', reportId)
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute() as Promise<{ status: ReportStatus; comment: string; createdAt: Date }[]>;
}
