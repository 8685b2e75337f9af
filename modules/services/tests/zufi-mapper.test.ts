import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseBundle } from '../zufi/zufi-wire.ts';
import { mapZufiBundle } from '../zufi/zufi-mapper.ts';
import { areaView, loadFixtureUpstream, type UpstreamData } from '../seed/zufi-fixture.ts';

const BAD_BELZIG = '120690017017';
const WIESENBURG = '120690665665';

function map(data: UpstreamData, area: string, change: (view: UpstreamData) => void = () => {}) {
  const warnings: string[] = [];
  const view = areaView(data, area);
  change(view);
  const catalog = mapZufiBundle(parseBundle(view, (w) => warnings.push(w)), (w) => warnings.push(w));
  return { catalog, warnings };
}

describe('mapping ZuFi wire data to the catalogue', () => {
  it('maps the demo fixture completely: sections, LeiKa keys, synonyms, life situations, online services, forms', () => {
    const { catalog, warnings } = map(loadFixtureUpstream(), BAD_BELZIG);
    assert.deepEqual(warnings, []);
    assert.ok(catalog.services.length >= 36, `${catalog.services.length} services`);
    assert.ok(catalog.categories.length >= 12);
    const perso = catalog.services.find((s) => s.name === 'Personalausweis beantragen')!;
    assert.equal(perso.leikaKey, '99010004001000');
    assert.ok(perso.synonyms.includes('Perso'));
    assert.match(perso.summary!, /persönlich beim Bürgeramt/);
    for (const section of ['description', 'requirements', 'documents', 'fees', 'deadlines', 'procedure', 'legalBasis'] as const) assert.ok(perso.texts[section], section);
    assert.match(perso.texts.deadlines!, /<h3>Bearbeitungsdauer<\/h3>/, 'processing time joins the deadlines under a heading');
    assert.match(perso.texts.legalBasis!, /<a href="https:\/\/www\.gesetze-im-internet\.de\/pauswg_2009\/">Personalausweisgesetz/);
    assert.ok(!JSON.stringify(perso.texts).includes('02.05.2024'), 'editorial metadata is left out');
    const bau = catalog.services.find((s) => s.name === 'Baugenehmigung beantragen')!;
    assert.match(bau.texts.documents!, /Lageplan/, 'a module without a key is matched by its German name');
    const gewerbe = catalog.services.find((s) => s.name === 'Gewerbe anmelden')!;
    assert.ok(gewerbe.synonyms.includes('Gewerbeschein'), 'synonyms given as objects');
    assert.deepEqual(gewerbe.onlineServices.map((o) => [o.url, o.trustLevel, o.areas]), [['https://gewerbe.bad-belzig.demo/anmeldung', 'substantial', [BAD_BELZIG]]]);
    assert.equal(gewerbe.forms[0]!.url, 'https://formulare.bad-belzig.demo/gewa1.pdf');
    const tree = new Map(catalog.categories.map((c) => [c.sourceId, c]));
    const umzug = catalog.services.find((s) => s.name === 'Wohnsitz anmelden')!.categorySourceIds.map((id) => tree.get(id)!);
    assert.equal(tree.get(umzug[0]!.parentSourceId!)!.name, 'Wohnen und Bauen');
  });

  it('keeps opening hours as spans and as plain lines, and drops markup from every plain-text field', () => {
    const { catalog } = map(loadFixtureUpstream(), BAD_BELZIG);
    const amt = catalog.authorities.find((a) => a.name === 'Bürgeramt Bad Belzig')!;
    assert.deepEqual(amt.openingHours.filter((s) => s.weekday === 2).map((s) => `${s.opens}-${s.closes}`), ['09:00-12:00', '13:00-18:00']);
    assert.equal(amt.openingHoursNote!.split('\n')[0], 'Montag: 9:00–12:00 Uhr');
    assert.ok(!/[<>]/.test(amt.openingHoursNote!));
    assert.deepEqual(amt.contacts.map((c) => c.kind), ['phone', 'fax', 'email', 'web']);
    assert.equal(amt.addresses[0]!.latitude, 52.14189);
    assert.deepEqual(amt.paymentMethods, ['Barzahlung', 'EC-Karte (girocard)', 'Kreditkarte']);
  });

  it('gives each area its own responsibilities and services', () => {
    const bb = map(loadFixtureUpstream(), BAD_BELZIG).catalog;
    const wb = map(loadFixtureUpstream(), WIESENBURG).catalog;
    const responsible = (c: typeof bb, service: string) => {
      const s = c.services.find((x) => x.name === service)!;
      return c.responsibilities.filter((r) => r.serviceSourceId === s.sourceId).map((r) => [c.authorities.find((a) => a.sourceId === r.authoritySourceId)!.name, r.area]);
    };
    assert.deepEqual(responsible(bb, 'Personalausweis beantragen'), [['Bürgeramt Bad Belzig', BAD_BELZIG]]);
    assert.deepEqual(responsible(wb, 'Personalausweis beantragen'), [['Bürgeramt Wiesenburg/Mark', WIESENBURG]]);
    assert.deepEqual(responsible(wb, 'Fahrzeug zulassen'), [['Landkreis Potsdam-Mittelmark – Straßenverkehrsamt', '12069']]);
    assert.ok(bb.services.some((s) => s.name === 'Parkausweis für Anwohner beantragen'));
    assert.ok(!wb.services.some((s) => s.name === 'Parkausweis für Anwohner beantragen'), 'no residents’ parking in Wiesenburg');
    assert.ok(!wb.services.find((s) => s.name === 'Gewerbe anmelden')!.onlineServices.some((o) => o.url.includes('bad-belzig')));
  });

  it('skips broken records with a warning and keeps the rest', () => {
    const data = loadFixtureUpstream();
    data.services[0] = { ...data.services[0]!, name: '' };
    data.services[1] = { ...data.services[1]!, leikaKey: '12345' };
    data.services[2] = { ...data.services[2]!, name: '<b>Meldebescheinigung</b> <i>beantragen</i>', synonyms: [42, 'Bescheinigung', { nope: true }] };
    data.authorities[0] = {
      ...data.authorities[0]!,
      addresses: [{ street: 'x'.repeat(500) }, { street: 'Markt', houseNumber: '1' }],
      communications: [{ type: { key: 'WWW' }, value: 'javascript:alert(1)' }, { type: { key: 'TELEFON' }, value: '<b>033841 1</b>' }, { type: { key: 'BRIEFTAUBE' }, value: 'Turm' }],
    };
    data.onlineServices.push({ id: '9999', name: 'Kaputt', url: 'javascript:alert(1)', trustLevel: 'SEHR HOCH', pstIds: ['80004'], areaIds: [] });
    const { catalog, warnings } = map(data, BAD_BELZIG, (view) => view.competences.push({ pstId: '80004', ouId: '7001', areaId: 'Bad Belzig' }));
    assert.ok(!catalog.services.some((s) => s.sourceId === data.services[0]!.id), 'a service without a name is left out');
    assert.equal(catalog.services.find((s) => s.sourceId === '80002')!.leikaKey, null, 'a malformed LeiKa key is dropped, the service kept');
    const melde = catalog.services.find((s) => s.sourceId === '80003')!;
    assert.equal(melde.name, 'Meldebescheinigung beantragen');
    assert.ok(melde.synonyms.length >= 1);
    const amt = catalog.authorities.find((a) => a.sourceId === '7001')!;
    assert.equal(amt.addresses.length, 1);
    assert.deepEqual(amt.contacts, [{ kind: 'phone', value: '033841 1', label: null }], 'no javascript: web address, no markup, no unknown kinds');
    assert.ok(!catalog.services.find((s) => s.sourceId === '80004')!.onlineServices.some((o) => o.name === 'Kaputt'));
    for (const w of [/Leistung 80001 ausgelassen: name: leer/, /LeiKa-Schlüssel „12345“/, /Vertrauensniveau „SEHR HOCH“/, /Online-Dienst 9999 ausgelassen/, /Gebiet „Bad Belzig“/]) {
      assert.ok(warnings.some((x) => w.test(x)), `${w} in ${warnings.join(' | ')}`);
    }
  });
});
