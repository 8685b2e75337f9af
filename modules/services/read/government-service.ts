import { plainText } from '../../../lib/sanitize.ts';
import type { AuthorityView } from './authorities.ts';
import type { ServiceView } from './service-view.ts';

/**
 * schema.org `GovernmentService` JSON-LD of a service page (the citizen app embeds it in a
 * `<script type="application/ld+json">`): the service, its LeiKa key, the responsible
 * authorities as providers with address, contacts and opening hours, the municipality as the
 * area served, and the online applications as channels.
 */

type Json = Record<string, unknown>;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const withoutEmpty = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));

function postalAddress(a: AuthorityView['addresses'][number]): Json {
  return withoutEmpty({
    '@type': 'PostalAddress',
    streetAddress: [a.street, a.houseNumber].filter(Boolean).join(' '),
    postalCode: a.postalCode,
    addressLocality: a.city,
    addressCountry: 'DE',
  });
}

function organization(a: AuthorityView): Json {
  const contact = (kind: string) => a.contacts.find((c) => c.kind === kind)?.value;
  const address = a.addresses.find((x) => x.kind === 'visitor') ?? a.addresses[0];
  return withoutEmpty({
    '@type': 'GovernmentOrganization',
    name: a.name,
    address: address && postalAddress(address),
    telephone: contact('phone') ?? contact('mobile'),
    faxNumber: contact('fax'),
    email: contact('email'),
    url: contact('web'),
    openingHoursSpecification: a.openingHours.map((o) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: `https://schema.org/${WEEKDAYS[o.weekday - 1]}`, opens: o.opens, closes: o.closes })),
  });
}

/**
 * `service` as the reads return it (optionally with its life situations, whose names become the
 * serviceType); `authorities` responsible for it at the municipality; `url` the page's address.
 */
export function governmentServiceJsonLd(service: ServiceView & { lifeSituations?: { name: string }[] }, authorities: AuthorityView[], tenantName: string, url: string): Json {
  const description = service.summary ?? plainText(service.sections.find((s) => s.key === 'description')?.html ?? '');
  return withoutEmpty({
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: service.name,
    alternateName: service.synonyms,
    description,
    url,
    identifier: service.leikaKey ? { '@type': 'PropertyValue', propertyID: 'LeiKa', value: service.leikaKey } : null,
    serviceType: service.lifeSituations?.length ? service.lifeSituations.map((l) => l.name).join(', ') : 'Verwaltungsleistung',
    provider: authorities.length ? authorities.map(organization) : { '@type': 'GovernmentOrganization', name: tenantName },
    areaServed: { '@type': 'AdministrativeArea', name: tenantName },
    availableChannel: service.onlineServices.map((o) => withoutEmpty({ '@type': 'ServiceChannel', name: o.name, serviceUrl: o.url, description: o.description })),
  });
}
