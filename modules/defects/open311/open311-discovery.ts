import type { Tenant } from '../../../core/tenancy/tenant.ts';
import { xmlList, type XmlValue } from './open311-xml.ts';

export const OPEN311_BASE = '/open311/v2';
/** When this endpoint's shape last changed (the discovery document's changeset). */
const CHANGESET = '2026-11-22T00:00:00+01:00';

/** Extras in the FixMyStreet manner, given only with `extensions=true`; strict GeoReport v2 otherwise. */
export const EXTENSIONS = [
  {
    name: 'extensions',
    description:
      'extensions=true on GET requests, GET requests/{id}: detailed_status (received, in_progress, forwarded, done, rejected, duplicate; also as status filter), media_urls (every photo), extended_attributes (title, detailed_status, status_label), and for one request its public updates.',
  },
  { name: 'servicerequestupdates', description: 'GET servicerequestupdates.{json,xml}?start_date=&end_date= (at most 90 days apart, default the last 90 days): public status changes and comments (request_update: update_id, service_request_id, status, detailed_status, description, updated_datetime).' },
  { name: 'jurisdiction_id', description: 'Optional; when given it must name this municipality: its slug, one of its domains or this host.' },
];

/** The Service Discovery document: the one endpoint of this municipality, its formats and extensions. */
export function discoveryDocument(tenant: Tenant, origin: string): { [k: string]: XmlValue } {
  return {
    changeset: CHANGESET,
    contact: `${tenant.name}: Mängelmelder. API-Schlüssel für POST requests vergibt die Verwaltung (Studio, „Open311-Schlüssel“).`,
    key_service: `${origin}/studio/open311-schluessel`,
    endpoints: xmlList('endpoint', [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${origin}${OPEN311_BASE}`,
        changeset: CHANGESET,
        type: 'production',
        formats: xmlList('format', ['text/xml', 'application/json']),
        extensions: xmlList('extension', EXTENSIONS),
      },
    ]),
  };
}
