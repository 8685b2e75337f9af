import { w3cTimestamp } from '../../../lib/berlin-time.ts';
import { absoluteUrl } from '../../../lib/absolute-url.ts';
import type { CategoryAttribute } from '../model/category-attributes.ts';
import { open311Status, statusLabels, type ReportStatus } from '../model/statuses.ts';
import type { PublicReport } from '../reports/public-reports.ts';
import { xmlList, type XmlValue } from './open311-xml.ts';

export type ServiceRow = { code: string; name: string; description: string; keywords: string[]; group_name: string; type: string; attributes: CategoryAttribute[] };

/** A service of GET services: `metadata` says whether its definition has attributes to ask. */
export const serviceRecord = (c: ServiceRow) => ({
  service_code: c.code,
  service_name: c.name,
  description: c.description,
  metadata: c.attributes.length > 0,
  type: c.type,
  keywords: c.keywords.join(', '),
  group: c.group_name,
});

export const serviceDefinition = (c: ServiceRow) => ({
  service_code: c.code,
  attributes: xmlList(
    'attribute',
    [...c.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription,
        order: a.order,
        description: a.description,
        values: xmlList('value', a.values.map((v) => ({ key: v.key, name: v.name }))),
      })),
  ),
});

export type PublicUpdate = { status: ReportStatus; comment: string; createdAt: Date };

/**
 * A service request as GET requests shows it. Strict: status open/closed, one `media_url` (the
 * first photo). With extensions: the detailed status, every photo and (for one request) the public
 * updates, in the FixMyStreet manner. Never contact data: PublicReport has none.
 */
export function requestRecord(r: PublicReport, origin: string, extended: { updates?: PublicUpdate[] } | null): { [k: string]: XmlValue } {
  const status = open311Status(r.status);
  const photos = r.photos.map((u) => absoluteUrl(u, origin)!);
  const record: { [k: string]: XmlValue } = {
    service_request_id: r.id,
    status,
    status_notes: r.statusNotes,
    service_name: r.categoryName,
    service_code: r.categoryCode,
    description: r.description,
    agency_responsible: r.agency,
    service_notice: '',
    requested_datetime: w3cTimestamp(r.requestedAt),
    updated_datetime: w3cTimestamp(status === 'closed' ? (r.closedAt ?? r.updatedAt) : r.updatedAt),
    expected_datetime: w3cTimestamp(r.expectedAt),
    address: r.address,
    address_id: r.addressId,
    zipcode: r.zipcode,
    lat: r.lat,
    long: r.lng,
    media_url: photos[0] ?? '',
  };
  if (!extended) return record;
  record.detailed_status = r.status;
  record.media_urls = xmlList('media_url', photos);
  record.extended_attributes = { title: r.title, detailed_status: r.status, status_label: statusLabels[r.status].de };
  if (extended.updates) record.updates = xmlList('update', extended.updates.map((u) => updateRecord(u)));
  return record;
}

/** One public history entry (extensions). */
export const updateRecord = (u: PublicUpdate) => ({
  status: open311Status(u.status),
  detailed_status: u.status,
  description: u.comment,
  updated_datetime: w3cTimestamp(u.createdAt),
});
