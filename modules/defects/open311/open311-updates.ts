import type { Kysely } from 'kysely';
import { open311Status, type ReportStatus } from '../model/statuses.ts';
import { dateWindow, MAX_REQUESTS, type Args } from './open311-input.ts';
import { w3cTimestamp } from '../../../lib/berlin-time.ts';

/**
 * The servicerequestupdates extension (FixMyStreet): public status changes and comments of public
 * reports within the date window, oldest first. Staff-only entries and authors never appear.
 */
export async function recentUpdates(db: Kysely<any>, args: Args) {
  const { from, to } = dateWindow(args);
  const rows = await db
    .selectFrom('defect_report_updates as u')
    .innerJoin('defect_reports as r', 'r.id', 'u.report_id')
    .select(['u.id', 'u.report_id', 'u.status', 'u.comment', 'u.created_at'])
    .where('u.public', '=', true)
    .where('r.moderation', '=', 'approved')
    .where('r.public', '=', true)
    .where('u.created_at', '>=', from)
    .where('u.created_at', '<=', to)
    .orderBy('u.created_at')
    .orderBy('u.id')
    .limit(MAX_REQUESTS)
    .execute();
  return rows.map((u) => ({
    update_id: u.id,
    service_request_id: u.report_id,
    status: open311Status(u.status as ReportStatus),
    detailed_status: u.status,
    description: u.comment,
    updated_datetime: w3cTimestamp(u.created_at),
  }));
}
