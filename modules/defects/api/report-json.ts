import { absoluteUrl } from '../../../lib/absolute-url.ts';
import { statusColours, statusLabels, type ReportStatus } from '../model/statuses.ts';
import type { PublicReport } from '../reports/public-reports.ts';

/** The status as the app shows it: German label and map colour beside the code. */
export const statusView = (status: ReportStatus) => ({ status, statusLabel: statusLabels[status].de, statusColour: statusColours[status] });

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A public report as the citizen API answers it: ISO times, absolute photo URLs; never contact data. */
export function publicReportJson(r: PublicReport, origin: string) {
  return {
    id: r.id,
    categoryCode: r.categoryCode,
    categoryName: r.categoryName,
    title: r.title,
    description: r.description,
    ...statusView(r.status),
    statusNotes: r.statusNotes,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    zipcode: r.zipcode,
    requestedAt: iso(r.requestedAt),
    updatedAt: iso(r.updatedAt),
    closedAt: iso(r.closedAt),
    expectedAt: iso(r.expectedAt),
    photos: r.photos.map((u) => absoluteUrl(u, origin)!),
  };
}
