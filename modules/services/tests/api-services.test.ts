import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Pool, PoolClient } from '../../../core/db/pool.ts';
import { BB, WB, eventually, type TestPlatform } from '../../../test/harness.ts';
import { Catalog } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';
import { BAD_BELZIG_CATALOG, platformWithApiCatalogs } from './api-catalog.ts';

const DETAIL = /* GraphQL */ `
  query Detail($id: ID, $leikaKey: String, $area: String) {
    administrativeService(id: $id, leikaKey: $leikaKey) {
      id leikaKey name synonyms summary validFrom validUntil pinned source updatedAt
      sections { key html }
      onlineServices { name url trustLevel }
      forms { name url }
      lifeSituations { id name parentId }
      responsibleAuthorities(area: $area) { name }
    }
  }
`;

/** Counts the statements on the catalogue's tables (the pool is wrapped as bench/profile.ts does). */
function countCatalogStatements(p: TestPlatform): { take(): number } {
  const pool = (p.database as unknown as { pool: Pool }).pool;
  let n = 0;
  const connect = pool.connect.bind(pool);
  pool.connect = async () => {
    const client = await connect();
    const counted: PoolClient & { session: object } = {
      session: (client as PoolClient & { session?: object }).session ?? client,
      query(text, parameters) {
        if (/\bozg_/.test(text)) n++;
        return client.query(text, parameters);
      },
      release: () => client.release(),
    };
    return counted;
  };
  return {
    take() {
      const counted = n;
      n = 0;
      return counted;
    },
  };
}

describe('administrative services over GraphQL', () => {
  let p: TestPlatform;
  let bb: Kysely<any>;
  let idOf: (sourceId: string) => Promise<string>;
  const data = async (query: string, variables?: Record<string, unknown>, host = BB) => {
    const res = await p.gql(host, query, variables);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data;
  };
  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const res = await p.gql(BB, query, variables);
    assert.equal(res.status, 200);
    assert.ok(res.body.errors?.length, `an error expected: ${JSON.stringify(res.body)}`);
    return res.body.errors[0] as { message: string; extensions: { code: string } };
  };

  before(async () => {
    ({ p, bb, idOf } = await platformWithApiCatalogs());
  });
  after(() => p.close());

  it('shows a service with its sections, the online services offered here, forms and life situations', async () => {
    const { administrativeService: s } = await data(DETAIL, { id: await idOf('perso') });
    assert.equal(s.name, 'Personalausweis beantragen');
    assert.equal(s.leikaKey, '99010004001000');
    assert.deepEqual(s.synonyms, ['Perso', 'Ausweis', 'Identitätskarte']);
    assert.deepEqual(s.sections.map((x: { key: string }) => x.key), ['description', 'documents', 'fees'], 'in display order, only those with text');
    assert.equal(s.sections[2].html, '<p>37,00 Euro</p>');
    assert.deepEqual(
      s.onlineServices.map((o: { name: string }) => o.name),
      ['Termin online buchen', 'Online-Ausweisfunktion einrichten'],
      'not the one offered in Wiesenburg only',
    );
    assert.equal(s.onlineServices[1].trustLevel, 'high');
    assert.deepEqual(s.forms, [{ name: 'Antrag (PDF)', url: 'https://example.org/antrag.pdf' }]);
    assert.deepEqual(s.lifeSituations.map((l: { name: string }) => l.name), ['Ausweise und Dokumente']);
    assert.equal(s.source, 'zufi');
    assert.match(s.updatedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    const byKey = await data(DETAIL, { leikaKey: '99010004001000' });
    assert.equal(byKey.administrativeService.id, s.id);
  });

  it('answers null for unknown, hidden and no longer or not yet valid services', async () => {
    for (const variables of [{ id: '999999' }, { leikaKey: '99999999999999' }, { id: await idOf('geheim') }, { id: await idOf('abgelaufen') }, { id: await idOf('kuenftig') }]) {
      assert.equal((await data(DETAIL, variables)).administrativeService, null, JSON.stringify(variables));
    }
    assert.equal((await data(DETAIL, { id: await idOf('perso'), leikaKey: '99010006001000' })).administrativeService, null, 'id and key of different services');
  });

  it('refuses malformed ids, keys, areas and limits with a clear message', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [DETAIL, { id: 'abc' }, /"abc" ist keine gültige Nummer/],
      [DETAIL, { id: '-3' }, /keine gültige Nummer/],
      [DETAIL, { leikaKey: '9901' }, /genau 14 Ziffern/],
      [DETAIL, {}, /id oder leikaKey/],
      [DETAIL, { id: await idOf('perso'), area: '1' }, /2 bis 12 Ziffern/],
      [DETAIL, { id: await idOf('perso'), area: '12069x' }, /2 bis 12 Ziffern/],
      ['{ administrativeServices(limit: 101) { id } }', {}, /limit: höchstens 100/],
      ['{ administrativeServices(limit: -1) { id } }', {}, /limit: eine ganze Zahl von 0 bis 100/],
      ['{ administrativeServices(skip: 10001) { id } }', {}, /skip: höchstens 10000/],
      ['{ administrativeServices(lifeSituationId: "x") { id } }', {}, /lifeSituationId/],
      ['{ administrativeServices(ids: ["1", "y"]) { id } }', {}, /ids: "y"/],
      [`{ administrativeServices(search: "${'a'.repeat(201)}") { id } }`, {}, /zu lang/],
      [`{ administrativeServices(search: "${'a '.repeat(11)}") { id } }`, {}, /zu viele Wörter/],
      ['{ administrativeServiceSuggestions(search: "a", limit: 21) { id } }', {}, /limit: höchstens 20/],
      ['{ lifeSituation(id: "1.5") { id } }', {}, /keine gültige Nummer/],
      ['{ authority(id: "zwei") { id } }', {}, /keine gültige Nummer/],
    ];
    for (const [query, variables, message] of cases) {
      const err = await errorOf(query, variables);
      assert.equal(err.extensions.code, 'VALIDATION', `${query} ${JSON.stringify(variables)}: ${err.message}`);
      assert.match(err.message, message);
    }
  });

  it('lists by life situation, LeiKa key and ids, pinned first, then by name', async () => {
    const ausweise = (await data('{ lifeSituations { id name } }')).lifeSituations.find((l: { name: string }) => l.name === 'Ausweise und Dokumente');
    const { administrativeServices, administrativeServicesCount } = await data(
      'query($c: ID) { administrativeServices(lifeSituationId: $c) { name } administrativeServicesCount(lifeSituationId: $c) }',
      { c: ausweise.id },
    );
    assert.deepEqual(administrativeServices.map((s: { name: string }) => s.name), ['Terminvereinbarung Bürgerbüro', 'Personalausweis beantragen', 'Reisepass beantragen']);
    assert.equal(administrativeServicesCount, 3);
    const byKey = await data('{ administrativeServices(leikaKey: "99107003001000") { name } }');
    assert.deepEqual(byKey.administrativeServices, [{ name: 'Hundesteuer anmelden' }]);
    const byIds = await data('query($ids: [ID]) { administrativeServices(ids: $ids) { name } }', { ids: [await idOf('hund'), await idOf('geheim'), '999999'] });
    assert.deepEqual(byIds.administrativeServices, [{ name: 'Hundesteuer anmelden' }]);
    const all = await data('{ administrativeServices(limit: 100) { name } administrativeServicesCount }');
    assert.equal(all.administrativeServices.length, 13);
    assert.equal(all.administrativeServicesCount, 13);
    assert.equal(all.administrativeServices[0].name, 'Terminvereinbarung Bürgerbüro');
    assert.deepEqual(all.administrativeServices.slice(1, 4).map((s: { name: string }) => s.name), ['Führerschein beantragen', 'Führungszeugnis beantragen', 'Geburtsurkunde beantragen'], 'German order: Ü with U');
  });

  it('shows the life situations as a tree with the visible services of each', async () => {
    const { lifeSituations } = await data('{ lifeSituations { id name parentId servicesCount children { name parentId servicesCount services { name } } } }');
    assert.deepEqual(
      lifeSituations.map((l: { name: string }) => l.name),
      ['Familie und Kinder', 'Ausweise und Dokumente', 'Umzug', 'Tiere', 'Arbeit und Beruf', 'Auto und Verkehr'],
    );
    const familie = lifeSituations[0];
    assert.equal(familie.parentId, null);
    assert.equal(familie.servicesCount, 2, 'Personenstandsurkunde and Geburtsurkunde; not the future Klimageld');
    assert.deepEqual(familie.children, [{ name: 'Geburt', parentId: familie.id, servicesCount: 1, services: [{ name: 'Geburtsurkunde beantragen' }] }]);
    assert.equal(lifeSituations[1].servicesCount, 3, 'not the hidden Personalakte');
    assert.equal(lifeSituations[5].servicesCount, 1, 'not the expired Abwrackprämie');
    const under = await data('query($p: ID) { lifeSituations(parentId: $p) { name } }', { p: familie.id });
    assert.deepEqual(under.lifeSituations, [{ name: 'Geburt' }]);
    const one = await data('query($id: ID!) { lifeSituation(id: $id) { name services(limit: 1, skip: 1) { name } } }', { id: familie.id });
    assert.deepEqual(one.lifeSituation, { name: 'Familie und Kinder', services: [{ name: 'Personenstandsurkunde anfordern' }] });
    assert.equal((await data('{ lifeSituation(id: "999999") { name } }')).lifeSituation, null);
  });

  it('names the responsible authority of the most specific area, by ARS, AGS or an area prefix', async () => {
    const perso = await idOf('perso');
    const responsible = async (area?: string, id = perso) => (await data(DETAIL, { id, area })).administrativeService.responsibleAuthorities.map((a: { name: string }) => a.name);
    assert.deepEqual(await responsible(), ['Bürgeramt Bad Belzig'], "the municipality's key: its own office beats the district and the state");
    assert.deepEqual(await responsible('120690665665'), ['Gemeindeverwaltung Wiesenburg/Mark']);
    assert.deepEqual(await responsible('12069017'), ['Bürgeramt Bad Belzig'], 'an AGS: district + municipality digits of the ARS');
    assert.deepEqual(await responsible('12069999'), ['Landkreis Potsdam-Mittelmark, Fahrerlaubnisbehörde'], 'an AGS of another town of the district');
    assert.deepEqual(await responsible('120690017'), ['Landkreis Potsdam-Mittelmark, Fahrerlaubnisbehörde'], 'the association level');
    assert.deepEqual(await responsible('12069'), ['Landkreis Potsdam-Mittelmark, Fahrerlaubnisbehörde']);
    assert.deepEqual(await responsible('12'), ['Landesamt für Bürgerdienste Brandenburg']);
    assert.deepEqual(await responsible('13'), [], 'another state');
    assert.deepEqual(await responsible(undefined, await idOf('hund')), ['Landkreis Potsdam-Mittelmark, Steueramt'], 'only the district is responsible');
  });

  it("uses the municipality's AGS as well as its ARS", async () => {
    const tenant = await p.tenants.create({ slug: 'belzig-ags', name: 'Belzig (AGS)', officialKey: '12069017', enabledModules: p.modules.map((m) => m.name) });
    await applyCatalog(p.database.forTenant(tenant.id), 'zufi', Catalog.parse(BAD_BELZIG_CATALOG));
    const res = await p.gql('belzig-ags.localhost', '{ administrativeServices(leikaKey: "99010004001000") { onlineServices { name } responsibleAuthorities { name } } }');
    assert.deepEqual(res.body.data.administrativeServices, [
      { onlineServices: [{ name: 'Termin online buchen' }, { name: 'Online-Ausweisfunktion einrichten' }], responsibleAuthorities: [{ name: 'Bürgeramt Bad Belzig' }] },
    ]);
  });

  it('reads a list with life situations and authorities in a few statements, not one per service', async () => {
    const statements = countCatalogStatements(p);
    statements.take();
    const { administrativeServices } = await data('{ administrativeServices(limit: 100) { name lifeSituations { name servicesCount } responsibleAuthorities { name services(limit: 2) { name } } } }');
    assert.equal(administrativeServices.length, 13);
    const n = statements.take();
    assert.ok(n <= 6, `${n} statements`);
  });

  it('lists the top services in their order and the authorities with their details', async () => {
    const { topAdministrativeServices } = await data('{ topAdministrativeServices { name } }');
    assert.deepEqual(topAdministrativeServices, [{ name: 'Personalausweis beantragen' }, { name: 'Hundesteuer anmelden' }], 'not the hidden one in third place');
    const { authorities } = await data('{ authorities(search: "Buergeramt") { id name addresses { street houseNumber postalCode city latitude } openingHours { weekday opens closes } contacts { kind value } paymentMethods services { name } } }');
    assert.equal(authorities.length, 1);
    const a = authorities[0];
    assert.deepEqual(a.addresses, [{ street: 'Wittenberger Straße', houseNumber: '14', postalCode: '14806', city: 'Bad Belzig', latitude: 52.14 }]);
    assert.deepEqual(a.openingHours[0], { weekday: 2, opens: '09:00', closes: '12:00' });
    assert.deepEqual(a.contacts.map((c: { kind: string }) => c.kind), ['phone', 'email']);
    assert.deepEqual(a.services, [{ name: 'Gewerbeanmeldung' }, { name: 'Personalausweis beantragen' }], 'not the hidden Personalakte');
    const { authority } = await data('query($id: ID!) { authority(id: $id) { name } }', { id: a.id });
    assert.equal(authority.name, 'Bürgeramt Bad Belzig');
    const listed = await data('{ authorities(limit: 2, skip: 1) { name } }');
    assert.deepEqual(listed.authorities.map((x: { name: string }) => x.name), ['Gemeindeverwaltung Wiesenburg/Mark', 'Landesamt für Bürgerdienste Brandenburg']);
    assert.equal((await data('{ authority(id: "999999") { name } }')).authority, null);
  });

  it('tells how current the copy is', async () => {
    const query = '{ administrativeServicesStatus { servicesCount lastSuccessAt lastAttemptAt stale } }';
    assert.deepEqual((await data(query)).administrativeServicesStatus, { servicesCount: 13, lastSuccessAt: null, lastAttemptAt: null, stale: false });
    await bb.insertInto('ozg_source_status').values({ source: 'zufi', last_attempt_at: new Date('2026-03-02T08:00:00Z'), last_success_at: new Date('2026-03-01T08:00:00Z'), last_error: 'Zeitüberschreitung' }).execute();
    await bb.insertInto('ozg_source_status').values({ source: 'file', last_attempt_at: new Date('2026-02-01T08:00:00Z'), last_success_at: new Date('2026-02-01T08:00:00Z') }).execute();
    assert.deepEqual((await data(query)).administrativeServicesStatus, {
      servicesCount: 13,
      lastSuccessAt: '2026-03-01T09:00:00.000+01:00',
      lastAttemptAt: '2026-03-02T09:00:00.000+01:00',
      stale: true,
    });
    await bb.updateTable('ozg_source_status').set({ last_success_at: new Date('2026-03-02T08:00:00Z'), last_error: null }).where('source', '=', 'zufi').execute();
    assert.equal((await data(query)).administrativeServicesStatus.stale, false);
  });

  it("keeps each municipality's directory to itself", async () => {
    const wb = await data('{ administrativeServices { name } lifeSituations { name } authorities { name } topAdministrativeServices { name } administrativeServicesStatus { servicesCount } }', {}, WB);
    assert.deepEqual(wb, {
      administrativeServices: [{ name: 'Schlosspark-Führung anmelden' }],
      lifeSituations: [],
      authorities: [],
      topAdministrativeServices: [],
      administrativeServicesStatus: { servicesCount: 1 },
    });
    assert.equal((await data(DETAIL, { id: await idOf('perso') }, WB)).administrativeService, null);
    assert.deepEqual((await data('{ administrativeServiceSuggestions(search: "Perso") { name } }', {}, WB)).administrativeServiceSuggestions, []);
    assert.deepEqual((await data('{ administrativeServices(search: "Führ") { name } }', {}, BB)).administrativeServices.map((s: { name: string }) => s.name).includes('Schlosspark-Führung anmelden'), false);
  });

  it('drops cached answers when the editors hide a service', async () => {
    const query = '{ administrativeServices(search: "Reisepass") { name } }';
    assert.equal((await p.gql(BB, query)).body.data.administrativeServices.length, 1);
    assert.equal((await p.gql(BB, query)).headers['x-cache'], 'hit');
    await bb.updateTable('ozg_services').set({ hidden: true }).where('source_id', '=', 'pass').execute();
    // The write's NOTIFY reaches the cache of every process (decision 002).
    assert.ok(await eventually(async () => (await p.gql(BB, query)).body.data.administrativeServices.length === 0));
    await bb.updateTable('ozg_services').set({ hidden: false }).where('source_id', '=', 'pass').execute();
  });
});
