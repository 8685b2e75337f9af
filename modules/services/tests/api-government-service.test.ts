import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthorityView } from '../read/authorities.ts';
import { governmentServiceJsonLd } from '../read/government-service.ts';
import type { ServiceView } from '../read/service-view.ts';

const service: ServiceView & { lifeSituations: { name: string }[] } = {
  id: '7',
  leikaKey: '99010004001000',
  name: 'Personalausweis beantragen',
  synonyms: ['Perso', 'Ausweis'],
  summary: null,
  sections: [
    { key: 'description', html: '<p>Den Ausweis beantragen Sie <strong>persönlich</strong> &amp; mit Foto.</p>' },
    { key: 'fees', html: '<p>37 Euro</p>' },
  ],
  validFrom: null,
  validUntil: null,
  onlineServices: [{ name: 'Termin online buchen', url: 'https://termine.example.org/', trustLevel: null, description: null }],
  forms: [],
  pinned: false,
  source: 'zufi',
  updatedAt: null,
  lifeSituations: [{ name: 'Ausweise und Dokumente' }],
};

const authority: AuthorityView = {
  id: '3',
  name: 'Bürgeramt Bad Belzig',
  description: null,
  addresses: [
    { kind: 'postal', street: 'Postfach', houseNumber: '11', postalCode: '14801', city: 'Bad Belzig', latitude: null, longitude: null },
    { kind: 'visitor', street: 'Wittenberger Straße', houseNumber: '14', postalCode: '14806', city: 'Bad Belzig', latitude: 52.14, longitude: 12.59 },
  ],
  openingHours: [
    { weekday: 1, opens: '09:00', closes: '12:00', note: null },
    { weekday: 7, opens: '10:00', closes: '11:00', note: null },
  ],
  openingHoursNote: null,
  contacts: [
    { kind: 'email', value: 'buergeramt@bad-belzig.example', label: null },
    { kind: 'phone', value: '033841 94-0', label: null },
  ],
  paymentMethods: [],
};

describe('schema.org GovernmentService JSON-LD', () => {
  it('describes the service, its LeiKa key, providers, area and online channels', () => {
    const ld = governmentServiceJsonLd(service, [authority], 'Bad Belzig', 'https://bad-belzig.example/rathaus/leistungen/7');
    assert.deepEqual(ld, {
      '@context': 'https://schema.org',
      '@type': 'GovernmentService',
      name: 'Personalausweis beantragen',
      alternateName: ['Perso', 'Ausweis'],
      description: 'Den Ausweis beantragen Sie persönlich & mit Foto.',
      url: 'https://bad-belzig.example/rathaus/leistungen/7',
      identifier: { '@type': 'PropertyValue', propertyID: 'LeiKa', value: '99010004001000' },
      serviceType: 'Ausweise und Dokumente',
      provider: [
        {
          '@type': 'GovernmentOrganization',
          name: 'Bürgeramt Bad Belzig',
          address: { '@type': 'PostalAddress', streetAddress: 'Wittenberger Straße 14', postalCode: '14806', addressLocality: 'Bad Belzig', addressCountry: 'DE' },
          telephone: '033841 94-0',
          email: 'buergeramt@bad-belzig.example',
          openingHoursSpecification: [
            { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '12:00' },
            { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Sunday', opens: '10:00', closes: '11:00' },
          ],
        },
      ],
      areaServed: { '@type': 'AdministrativeArea', name: 'Bad Belzig' },
      availableChannel: [{ '@type': 'ServiceChannel', name: 'Termin online buchen', serviceUrl: 'https://termine.example.org/' }],
    });
  });

  it('falls back to the municipality as provider and leaves out what is unknown', () => {
    const bare = { ...service, leikaKey: null, synonyms: [], summary: 'Kurz.', onlineServices: [], lifeSituations: [] };
    const ld = governmentServiceJsonLd(bare, [], 'Wiesenburg/Mark', 'https://example.org/x');
    assert.equal(ld.description, 'Kurz.', 'the summary before the description');
    assert.deepEqual(ld.provider, { '@type': 'GovernmentOrganization', name: 'Wiesenburg/Mark' });
    assert.equal(ld.serviceType, 'Verwaltungsleistung');
    for (const key of ['identifier', 'alternateName', 'availableChannel']) assert.ok(!(key in ld), key);
  });
});
