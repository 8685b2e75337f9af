import type { Kysely } from 'kysely';
import { OPEN_STATUSES } from '../model/statuses.ts';
import { boxAround, distanceMetres } from './distance.ts';

/** Open reports of the same category closer than this are offered as "already reported". */
export const DUPLICATE_RADIUS_METRES = 50;

export type NearbyReport = { id: number; title: string; status: string; lat: number; lng: number; distance: number; requestedAt: Date; public: boolean };

/**
 * Open reports of a category near a point, nearest first: a box on the partial index
 * (category, lat) of open reports, then the exact distance. `publicOnly` for citizens (they are
 * shown only what the public map shows), all for staff.
 */
export async function nearbyOpenReports(db: Kysely<any>, q: { categoryId: number; lat: number; lng: number; radius?: number; publicOnly: boolean; excludeId?: number }): Promise<NearbyReport[]> {
  const radius = q.radius ?? DUPLICATE_RADIUS_METRES;
  const b = boxAround(q.lat, q.lng, radius);
  let sel = db
    .selectFrom('defect_reports')
    .select(['id', 'title', 'status', 'lat', 'lng', 'requested_at as requestedAt', 'public'])
    .where('category_id', '=', q.categoryId)
    .where('status', 'in', OPEN_STATUSES)
    .where('lat', '>=', b.minLat)
    .where('lat', '<=', b.maxLat)
    .where('lng', '>=', b.minLng)
    .where('lng', '<=', b.maxLng);
  if (q.publicOnly) sel = sel.where('moderation', '=', 'approved').where('public', '=', true);
  if (q.excludeId) sel = sel.where('id', '<>', q.excludeId);
  const rows = await sel.limit(200).execute();
  return rows
    .map((r) => ({ ...r, distance: Math.round(distanceMetres(q.lat, q.lng, r.lat, r.lng)) }) as NearbyReport)
    .filter((r) => r.distance <= radius)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 10);
}
