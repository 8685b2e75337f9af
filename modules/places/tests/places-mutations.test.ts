import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** createPointOfInterest as importers and the CMS send it: every argument as a variable. */
const CREATE_POI = /* GraphQL */ `
  mutation CreatePointOfInterest(
    $id: ID, $forceCreate: Boolean, $name: String!, $externalId: String, $description: String, $mobileDescription: String,
    $active: Boolean, $categoryName: String, $payload: JSON, $categories: [CategoryInput!], $addresses: [AddressInput!],
    $contact: ContactInput, $priceInformations: [PriceInput!], $openingHours: [OpeningHourInput!],
    $operatingCompany: OperatingCompanyInput, $webUrls: [WebUrlInput!], $mediaContents: [MediaContentInput!],
    $location: LocationInput, $certificates: [CertificateInput!], $accessibilityInformation: AccessibilityInformationInput,
    $tags: [String!], $lunches: [LunchInput!]
  ) {
    createPointOfInterest(
      id: $id, forceCreate: $forceCreate, name: $name, externalId: $externalId, description: $description,
      mobileDescription: $mobileDescription, active: $active, categoryName: $categoryName, payload: $payload,
      categories: $categories, addresses: $addresses, contact: $contact, priceInformations: $priceInformations,
      openingHours: $openingHours, operatingCompany: $operatingCompany, webUrls: $webUrls, mediaContents: $mediaContents,
      location: $location, certificates: $certificates, accessibilityInformation: $accessibilityInformation, tags: $tags,
      lunches: $lunches
    ) {
      id name externalId description mobileDescription active visible payload tagList createdAt updatedAt
      category { name }
      categories { id name }
      dataProvider { name }
      addresses { id street zip city kind geoLocation { latitude longitude } }
      contact { firstName lastName phone email webUrls { url } }
      webUrls { url description }
      mediaContents { id contentType captionText sourceUrl { url } }
      openingHours { weekday dateFrom dateTo timeFrom timeTo open sortNumber useYear description }
      priceInformations { name amount groupPrice ageFrom ageTo category }
      operatingCompany { name address { street } contact { email } }
      location { name district state regionName geoLocation { latitude longitude } }
      certificates { id name }
      accessibilityInformation { description types urls { url } }
      lunches { id text listDate pointOfInterestAttributes dates { dateStart dateEnd timeStart timeEnd } lunchOffers { id name price } }
    }
  }
`;

const CREATE_TOUR = /* GraphQL */ `
  mutation CreateTour(
    $id: ID, $forceCreate: Boolean, $name: String!, $externalId: String, $description: String, $categoryName: String,
    $categories: [CategoryInput!], $addresses: [AddressInput!], $mediaContents: [MediaContentInput!], $location: LocationInput,
    $lengthKm: Int!, $meansOfTransportation: String, $geometryTourData: [GeoLocationInput!], $tourStops: [TourStopInput!],
    $payload: JSON, $tags: [String!], $accessibilityInformation: AccessibilityInformationInput
  ) {
    createTour(
      id: $id, forceCreate: $forceCreate, name: $name, externalId: $externalId, description: $description,
      categoryName: $categoryName, categories: $categories, addresses: $addresses, mediaContents: $mediaContents,
      location: $location, lengthKm: $lengthKm, meansOfTransportation: $meansOfTransportation,
      geometryTourData: $geometryTourData, tourStops: $tourStops, payload: $payload, tags: $tags,
      accessibilityInformation: $accessibilityInformation
    ) {
      id name externalId lengthKm meansOfTransportation payload tagList createdAt updatedAt
      categories { name }
      regions { name }
      dataProvider { name }
      addresses { kind street city }
      geometryTourData { id latitude longitude }
      tourStops { id name description payload active tagList categories { id } dataProvider { name } addresses { geoLocation { latitude longitude } } mediaContents { contentType } }
    }
  }
`;

const DESTROY = `mutation($id: ID, $externalId: String, $recordType: String!) { destroyRecord(id: $id, externalId: $externalId, recordType: $recordType) { id status statusCode } }`;
const VISIBILITY = `mutation($id: ID!, $recordType: String!, $visible: Boolean!) { changeVisibility(id: $id, recordType: $recordType, visible: $visible) { id status statusCode } }`;

const lunch = (date: string, offers: Array<[string, string]>, text = 'Mittagstisch') => ({ text, dates: [{ dateStart: date, dateEnd: date, timeStart: '11:30', timeEnd: '14:00' }], lunchOffers: offers.map(([name, price]) => ({ name, price })) });

describe('createPointOfInterest, createTour, destroyRecord, changeVisibility (mutations)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let readOnly: string;
  let wbAdmin: string;
  let db: Kysely<any>;
  let wbDb: Kysely<any>;

  const count = async (table: string, on: Kysely<any> = db): Promise<number> => Number((await on.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ pois: await count('points_of_interest'), tours: await count('tours'), stops: await count('tour_stops'), lunches: await count('lunches'), links: await count('point_of_interest_categories'), categories: await count('categories') });

  async function run(query: string, vars: Record<string, unknown>, token: string | null = importer, host = BB) {
    const res = await p.gql(host, query, vars, token ?? undefined);
    assert.equal(res.status, 200);
    return res.body;
  }

  async function createPoi(vars: Record<string, unknown>, token = importer, host = BB): Promise<any> {
    const body = await run(CREATE_POI, vars, token, host);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.createPointOfInterest;
  }

  async function createTour(vars: Record<string, unknown>, token = importer): Promise<any> {
    const body = await run(CREATE_TOUR, vars, token);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.createTour;
  }

  /** A mutation that must fail and write nothing; returns the first error. */
  async function fails(query: string, vars: Record<string, unknown>, token: string | null = importer): Promise<{ message: string; extensions: { code: string } }> {
    const before = await counts();
    const body = await run(query, vars, token);
    assert.ok(body.errors?.length, `expected an error, got ${JSON.stringify(body.data)}`);
    assert.ok(body.data === null || body.data === undefined, 'a failed mutation answered data');
    assert.deepEqual(await counts(), before, 'a failed mutation left rows behind');
    return body.errors[0];
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbAdmin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-admin'].map((c) => p.token(c)));
    const bb = p.tenants.get('bad-belzig')!;
    db = p.database.forTenant(bb.id);
    wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
    // A read-only account (mainserver role read_only): may read, never write.
    readOnly = await p.tokenWithRole('bad-belzig', 'read_only');
  });
  after(() => p.close());

  describe('createPointOfInterest', () => {
    const full = {
      name: 'Heimatstube Lübnitz',
      externalId: 'poi-heimatstube-1',
      description: '<p>Alte Dorfschule mit <strong>Schulbänken</strong>.</p><script>alert(1)</script>',
      mobileDescription: 'Dorfmuseum in der alten Schule',
      categoryName: 'Heimatgeschichte',
      categories: [{ name: 'Museen & Ausstellungen' }, { name: 'heimatgeschichte' }, { name: 'Dorfplatz Testorte' }],
      payload: { iconName: 'school', nested: { a: [1, 2] } },
      addresses: [{ street: 'Dorfstraße 1', zip: '14806', city: 'Bad Belzig', geoLocation: { latitude: '52.1651', longitude: '12,5601' } }],
      contact: { firstName: 'Erika', lastName: 'Lehmann', phone: '033841 1234', email: 'heimatstube@example.org', webUrls: [{ url: 'https://heimatstube.example.org' }, { url: '' }] },
      priceInformations: [{ name: 'Eintritt', amount: 2.5, category: 'Museum' }, { name: 'Gruppe', amount: 15, groupPrice: true }, { name: 'Kinder', amount: 0, ageFrom: 0, ageTo: 12 }],
      openingHours: [
        { weekday: 'Sonntag', timeFrom: '14:00:00', timeTo: '17:00', dateFrom: '01.05.2025', dateTo: '2025-09-30', open: true, sortNumber: 1, useYear: true },
        { weekday: 'nach Vereinbarung', description: 'Telefonisch anmelden' },
      ],
      operatingCompany: { name: 'Heimatverein Lübnitz e. V.', address: { street: 'Dorfstraße 1' }, contact: { email: 'verein@example.org' } },
      webUrls: [{ url: 'https://luebnitz.example.org', description: 'Ortsteil' }],
      mediaContents: [{ contentType: 'image', captionText: 'Schulraum', sourceUrl: { url: '/media/demo/schule.jpg' } }],
      location: { name: 'Lübnitz', district: 'Potsdam-Mittelmark', state: 'Brandenburg', regionName: 'Hoher Fläming', geoLocation: { latitude: 52.1651, longitude: 12.5601 } },
      certificates: [{ name: 'Museumssiegel' }, { name: ' ' }],
      accessibilityInformation: { description: 'Eine Stufe am Eingang', types: 'teilweise', urls: [{ url: 'https://barrierefrei.example.org' }] },
      tags: ['Museum', 'Dorf', 'Museum', ''],
      lunches: [lunch('2030-05-01', [['Erbsensuppe', '4,50 €']], 'Kaffee und Kuchen'), { dates: [{ dateStart: '2030-05-02', dateEnd: '2030-05-04' }], lunchOffers: [{ name: 'Kuchen', price: '2,00 €' }], pointOfInterestAttributes: 'name' }],
    };

    it('creates a place with every nested part, categories by name and lunches', async () => {
      const before = await counts();
      const x = await createPoi(full);
      assert.match(x.id, /^\d+$/);
      assert.equal(x.name, 'Heimatstube Lübnitz');
      assert.equal(x.externalId, 'poi-heimatstube-1');
      assert.equal(x.description, '<p>Alte Dorfschule mit <strong>Schulbänken</strong>.</p>', 'description is sanitised HTML');
      assert.equal(x.active, true);
      assert.equal(x.visible, true);
      assert.deepEqual(x.payload, { iconName: 'school', nested: { a: [1, 2] } }, 'payload is stored as sent');
      assert.deepEqual(x.tagList, ['Museum', 'Dorf']);
      assert.match(x.createdAt, RUBY_TIMESTAMP);
      assert.equal(x.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      assert.equal(x.category.name, 'Heimatgeschichte');
      assert.deepEqual(x.categories.map((c: any) => c.name), ['Heimatgeschichte', 'Museen & Ausstellungen', 'Dorfplatz Testorte']);
      assert.deepEqual(x.addresses.map(({ id, ...a }: any) => (assert.ok(id), a)), [{ street: 'Dorfstraße 1', zip: '14806', city: 'Bad Belzig', kind: 'default', geoLocation: { latitude: 52.1651, longitude: 12.5601 } }]);
      assert.deepEqual(x.contact.webUrls, [{ url: 'https://heimatstube.example.org' }], 'blank URLs are dropped');
      assert.deepEqual(x.openingHours, [
        { weekday: 'Sonntag', dateFrom: '2025-05-01', dateTo: '2025-09-30', timeFrom: '14:00', timeTo: '17:00', open: true, sortNumber: 1, useYear: true, description: null },
        { weekday: 'nach Vereinbarung', dateFrom: '', dateTo: '', timeFrom: '', timeTo: '', open: null, sortNumber: null, useYear: null, description: 'Telefonisch anmelden' },
      ]);
      assert.deepEqual(x.priceInformations, [
        { name: 'Eintritt', amount: 2.5, groupPrice: null, ageFrom: null, ageTo: null, category: 'Museum' },
        { name: 'Gruppe', amount: 15, groupPrice: true, ageFrom: null, ageTo: null, category: null },
        { name: 'Kinder', amount: 0, groupPrice: null, ageFrom: 0, ageTo: 12, category: null },
      ]);
      assert.equal(x.operatingCompany.name, 'Heimatverein Lübnitz e. V.');
      assert.equal(x.mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/schule.jpg');
      assert.equal(x.location.name, 'Lübnitz');
      assert.equal(x.location.regionName, null, 'regionName is write-only, as in the mainserver');
      assert.deepEqual(x.certificates.map((c: any) => c.name), ['Museumssiegel']);
      assert.deepEqual(x.accessibilityInformation.urls, [{ url: 'https://barrierefrei.example.org' }]);
      assert.equal(x.lunches.length, 2);
      assert.equal(x.lunches[0].text, 'Kaffee und Kuchen');
      assert.equal(x.lunches[0].listDate, '2030-05-01');
      assert.deepEqual(x.lunches[0].dates, [{ dateStart: '2030-05-01', dateEnd: '2030-05-01', timeStart: '11:30', timeEnd: '14:00' }]);
      assert.deepEqual(x.lunches[0].lunchOffers.map((o: any) => [o.name, o.price]), [['Erbsensuppe', '4,50 €']]);
      assert.equal(x.lunches[1].pointOfInterestAttributes, 'name');
      const after = await counts();
      assert.equal(after.pois, before.pois + 1);
      assert.equal(after.lunches, before.lunches + 2);
      assert.equal(after.categories, before.categories + 1, 'only the unknown category name was created');

      // derived columns: the filters find it
      const found = await run(`{ pointsOfInterest(location: "lübnitz", onlyWithImage: true, category: "Dorfplatz Testorte") { id } }`, {}, app);
      assert.deepEqual(found.data.pointsOfInterest, [{ id: x.id }]);
      // the lunch covering 2 to 4 May is listed on the 3rd
      const third = await run(`{ lunches(dateRange: ["2030-05-03", "2030-05-03"]) { id pointOfInterest { id } } }`, {}, app);
      assert.deepEqual(third.data.lunches.map((l: any) => l.pointOfInterest.id), [x.id]);
    });

    it('touches an unchanged import only, updates a changed one in place, creates when the key differs', async () => {
      const base = { name: 'Dorfladen Upsert', addresses: [{ street: 'Weg 1', zip: '14806', city: 'Bad Belzig' }], openingHours: [{ weekday: 'Montag', timeFrom: '08:00', timeTo: '12:00' }], description: 'Erste Fassung', lunches: [lunch('2030-06-01', [['Suppe', '3 €']])] };
      const first = await createPoi(base);
      const row1 = await db.selectFrom('points_of_interest').selectAll().where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      const lunchIds = (await db.selectFrom('lunches').select('id').where('point_of_interest_id', '=', Number(first.id)).execute()).map((r: any) => r.id);
      await new Promise((r) => setTimeout(r, 1100));

      // 1. the same import again: same record, only the import timestamp moves, nested rows untouched
      const again = await createPoi(base);
      assert.equal(again.id, first.id);
      assert.equal(again.updatedAt, first.updatedAt);
      const row2 = await db.selectFrom('points_of_interest').selectAll().where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      assert.ok(row2.import_touched_at > row1.import_touched_at);
      assert.deepEqual((await db.selectFrom('lunches').select('id').where('point_of_interest_id', '=', Number(first.id)).execute()).map((r: any) => r.id), lunchIds);

      // 2. same key (name, type, first address, opening hours), other content: updated in place, nested data replaced
      const changed = await createPoi({ ...base, description: 'Zweite Fassung', lunches: [lunch('2030-06-02', [['Eintopf', '4 €']]), lunch('2030-06-03', [['Salat', '5 €']])] });
      assert.equal(changed.id, first.id);
      assert.equal(changed.description, 'Zweite Fassung');
      assert.notEqual(changed.updatedAt, first.updatedAt);
      assert.deepEqual(changed.lunches.map((l: any) => l.listDate), ['2030-06-02', '2030-06-03']);
      assert.equal(await db.selectFrom('lunches').select('id').where('id', 'in', lunchIds).executeTakeFirst(), undefined, 'old lunches were not replaced');

      // 3. a lunch-only change is a change too
      const lunchOnly = await createPoi({ ...base, description: 'Zweite Fassung', lunches: [lunch('2030-06-02', [['Eintopf', '4,50 €']])] });
      assert.equal(lunchOnly.id, first.id);
      assert.deepEqual(lunchOnly.lunches.map((l: any) => l.lunchOffers[0].price), ['4,50 €']);

      // 4. another name, other opening hours or another first address: another record
      const before = await count('points_of_interest');
      const renamed = await createPoi({ ...base, name: 'Dorfladen Upsert II' });
      const otherHours = await createPoi({ ...base, openingHours: [{ weekday: 'Dienstag', timeFrom: '08:00', timeTo: '12:00' }] });
      const otherAddress = await createPoi({ ...base, addresses: [{ street: 'Weg 2', zip: '14806', city: 'Bad Belzig' }] });
      assert.equal(new Set([first.id, renamed.id, otherHours.id, otherAddress.id]).size, 4);
      assert.equal(await count('points_of_interest'), before + 3);

      // 5. forceCreate always creates
      const forced = await createPoi({ ...base, description: 'Zweite Fassung', forceCreate: true });
      assert.notEqual(forced.id, first.id);

      // 6. the key is per data provider: the admin (no provider) gets its own record
      const byAdmin = await createPoi(base, admin);
      assert.notEqual(byAdmin.id, first.id);
      assert.equal(byAdmin.dataProvider, null);
    });

    it('updates by id as a full replacement: omitted parts disappear, lunches are replaced', async () => {
      const created = await createPoi({ ...full, name: 'Ersatz-Test', externalId: 'replace-1', forceCreate: true });
      const updated = await createPoi({ id: created.id, name: 'Ersatz-Test (neu)', categoryName: 'Kirchen', lunches: [lunch('2030-07-01', [['Neu', '1 €']])] });
      assert.equal(updated.id, created.id);
      assert.equal(updated.name, 'Ersatz-Test (neu)');
      assert.equal(updated.externalId, null);
      assert.equal(updated.contact, null);
      assert.deepEqual(updated.mediaContents, []);
      assert.deepEqual(updated.openingHours, []);
      assert.equal(updated.payload, null);
      assert.deepEqual(updated.categories.map((c: any) => c.name), ['Kirchen']);
      assert.deepEqual(updated.lunches.map((l: any) => l.listDate), ['2030-07-01']);
      assert.equal(updated.createdAt, created.createdAt);
      // no longer found by its old image or location
      assert.deepEqual((await run(`query($ids: [ID]) { pointsOfInterest(ids: $ids, onlyWithImage: true) { id } }`, { ids: [created.id] }, app)).data.pointsOfInterest, []);
      assert.deepEqual((await run(`query($ids: [ID]) { pointsOfInterest(ids: $ids, location: "Lübnitz") { id } }`, { ids: [created.id] }, app)).data.pointsOfInterest, []);
      // unknown and malformed ids
      const missing = await fails(CREATE_POI, { id: '999999', name: 'x' });
      assert.equal(missing.extensions.code, 'NOT_FOUND');
      const malformed = await fails(CREATE_POI, { id: 'abc', name: 'x' });
      assert.equal(malformed.extensions.code, 'VALIDATION');
    });
  });

  describe('createTour', () => {
    const track = [
      { latitude: 52.14, longitude: 12.59 },
      { latitude: '52.141', longitude: '12,591' },
      { latitude: 52.142 },
      { latitude: 52.143, longitude: 12.593 },
    ];
    const tour = {
      name: 'Testtour am Springbach',
      lengthKm: 7,
      meansOfTransportation: 'Bike',
      categories: [{ name: 'Radtouren' }],
      addresses: [{ street: 'Start 1', city: 'Bad Belzig', kind: 'start' }, { street: 'Ziel 2', city: 'Bad Belzig', kind: 'end' }],
      location: { name: 'Bad Belzig', regionName: 'Hoher Fläming' },
      mediaContents: [{ contentType: 'image', sourceUrl: { url: '/media/demo/radweg.jpg' } }],
      geometryTourData: track,
      payload: { difficulty: 'leicht' },
      tags: ['Rad'],
      accessibilityInformation: { description: 'eben' },
      tourStops: [
        { name: 'Brücke', description: 'Holzbrücke', payload: { ar: { scene: 'bridge.vrx' } }, categoryName: 'Kirchen', addresses: [{ geoLocation: { latitude: 52.141, longitude: 12.591 } }], mediaContents: [{ contentType: 'image', sourceUrl: { url: '/media/demo/radweg.jpg' } }], tags: ['AR'] },
        { name: 'Mühle', active: false },
      ],
    };

    it('creates a tour with its track (incomplete points dropped), stops with payload, regions', async () => {
      const before = await counts();
      const t = await createTour(tour);
      assert.equal(t.name, 'Testtour am Springbach');
      assert.equal(t.lengthKm, 7);
      assert.equal(t.meansOfTransportation, 'bike');
      assert.deepEqual(t.geometryTourData, [
        { id: null, latitude: 52.14, longitude: 12.59 },
        { id: null, latitude: 52.141, longitude: 12.591 },
        { id: null, latitude: 52.143, longitude: 12.593 },
      ]);
      assert.deepEqual(t.regions, [{ name: 'Hoher Fläming' }]);
      assert.deepEqual(t.payload, { difficulty: 'leicht' });
      assert.deepEqual(t.addresses.map((a: any) => a.kind), ['start', 'end']);
      assert.deepEqual(t.tourStops.map((s: any) => [s.name, s.active]), [['Brücke', true], ['Mühle', false]]);
      assert.deepEqual(t.tourStops[0].payload, { ar: { scene: 'bridge.vrx' } });
      assert.deepEqual(t.tourStops[0].tagList, ['AR']);
      assert.deepEqual(t.tourStops[0].categories, []);
      assert.equal(t.tourStops[0].dataProvider.name, 'Stadtverwaltung Bad Belzig', 'stops belong to the caller');
      assert.deepEqual(t.tourStops[0].addresses[0].geoLocation, { latitude: 52.141, longitude: 12.591 });
      const after = await counts();
      assert.equal(after.tours, before.tours + 1);
      assert.equal(after.stops, before.stops + 2);
    });

    it('replaces the track and the stops on update instead of appending (the mainserver appended)', async () => {
      const first = await createTour({ ...tour, name: 'Ersatztour', forceCreate: true });
      const newTrack = [{ latitude: 52.15, longitude: 12.6 }, { latitude: 52.151, longitude: 12.601 }];
      const stopIds = first.tourStops.map((s: any) => Number(s.id));
      // by import key (name, type, first address): changed content updates in place
      const second = await createTour({ ...tour, name: 'Ersatztour', geometryTourData: newTrack, tourStops: [{ name: 'Neuer Halt' }] });
      assert.equal(second.id, first.id);
      assert.deepEqual(second.geometryTourData.map(({ latitude, longitude }: any) => ({ latitude, longitude })), newTrack);
      assert.deepEqual(second.tourStops.map((s: any) => s.name), ['Neuer Halt']);
      assert.equal(await db.selectFrom('tour_stops').select('id').where('id', 'in', stopIds).executeTakeFirst(), undefined);
      // re-sending the same data does not duplicate anything
      const third = await createTour({ ...tour, name: 'Ersatztour', geometryTourData: newTrack, tourStops: [{ name: 'Neuer Halt' }] });
      assert.equal(third.id, first.id);
      assert.equal(third.geometryTourData.length, 2);
      assert.equal(third.updatedAt, second.updatedAt);
      // by id
      const fourth = await createTour({ id: first.id, name: 'Ersatztour', lengthKm: 8 });
      assert.deepEqual(fourth.geometryTourData, []);
      assert.deepEqual(fourth.tourStops, []);
      assert.equal(fourth.lengthKm, 8);
      assert.equal(fourth.meansOfTransportation, null);
      // the tour key ignores opening hours and everything but name and first address
      const other = await createTour({ ...tour, name: 'Ersatztour', addresses: [{ street: 'Anderer Start', city: 'Bad Belzig', kind: 'start' }] });
      assert.notEqual(other.id, first.id);
    });
  });

  describe('validation: clear errors, nothing written', () => {
    it('refuses bad place input', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ name: '' }, /^Invalid input: name must not be empty\.$/],
        [{ name: '   ' }, /^Invalid input: name must not be empty\.$/],
        [{ name: 'x'.repeat(1001) }, /^Invalid input: name is longer than 1000 characters\.$/],
        [{ name: 'Ort', openingHours: [{ dateFrom: '31.02.2024' }] }, /openingHours\[0\]\.dateFrom "31\.02\.2024" is not a calendar date/],
        [{ name: 'Ort', openingHours: [{}, { timeFrom: '25:00' }] }, /openingHours\[1\]\.timeFrom "25:00" is not a time/],
        [{ name: 'Ort', priceInformations: [{ amount: -1 }] }, /priceInformations\[0\]\.amount must not be negative/],
        [{ name: 'Ort', mediaContents: [{ sourceUrl: { url: '/a.jpg' } }] }, /mediaContents\[0\]\.contentType is required/],
        [{ name: 'Ort', webUrls: [{ url: 'javascript:alert(1)' }] }, /must be an http\(s\) URL/],
        [{ name: 'Ort', addresses: [{ geoLocation: { latitude: 95, longitude: 12 } }] }, /latitude must be a number between -90 and 90/],
        [{ name: 'Ort', operatingCompany: { address: { street: 'x' } } }, /operatingCompany\.name is required/],
        [{ name: 'Ort', payload: { blob: 'x'.repeat(210_000) } }, /payload is larger than 200 kB/],
        [{ name: 'Ort', lunches: [{ dates: [{ dateStart: '2024-13-01' }] }] }, /lunches\[0\]\.dates\[0\]\.dateStart "2024-13-01" is not a calendar date/],
        [{ name: 'Ort', lunches: [{ dates: [{ dateStart: '2024-05-03', dateEnd: '2024-05-01' }] }] }, /lunches\[0\]\.dates\[0\] ends \(2024-05-01\) before it starts \(2024-05-03\)/],
        [{ name: 'Ort', lunches: [{ dates: [{ timeStart: 'mittags' }] }] }, /lunches\[0\]\.dates\[0\]\.timeStart "mittags" is not a time/],
        [{ name: 'Ort', lunches: Array.from({ length: 101 }, () => ({ text: 'x' })) }, /lunches has more than 100 entries/],
        [{ name: 'Ort', lunches: [{ lunchOffers: Array.from({ length: 51 }, () => ({ name: 'x' })) }] }, /lunches\[0\]\.lunchOffers has more than 50 entries/],
        [{ name: 'Ort', tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, /tags has more than 100 entries/],
      ];
      for (const [vars, pattern] of cases) {
        const err = await fails(CREATE_POI, vars);
        assert.equal(err.extensions.code, 'VALIDATION', `${JSON.stringify(vars).slice(0, 80)}: ${err.message}`);
        assert.match(err.message, pattern);
      }
      // GraphQL-level: missing name, wrong types, unknown arguments
      for (const [query, vars] of [
        [CREATE_POI, { description: 'ohne Namen' }],
        [CREATE_POI, { name: 'Ort', lunches: [{ dates: [{ useOnlyTimeDescription: 'ja' }] }] }],
        [`mutation { createPointOfInterest(name: "x", unbekannt: 1) { id } }`, {}],
      ] as const) {
        const err = await fails(query, vars);
        assert.ok(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(err.extensions.code), err.extensions.code);
      }
    });

    it('refuses bad tour input', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ name: 'Tour', lengthKm: -3 }, /lengthKm must be a whole number of kilometres/],
        [{ name: 'Tour', lengthKm: 3, meansOfTransportation: 'car' }, /meansOfTransportation "car" must be one of bike, canoe, foot/],
        [{ name: 'Tour', lengthKm: 3, geometryTourData: [{ latitude: 52, longitude: 12 }, { latitude: 'Nord', longitude: 12 }] }, /geometryTourData\[1\]\.latitude must be a number between -90 and 90/],
        [{ name: 'Tour', lengthKm: 3, geometryTourData: [{ latitude: 52, longitude: 190 }] }, /geometryTourData\[0\]\.longitude must be a number between -180 and 180/],
        [{ name: 'Tour', lengthKm: 3, geometryTourData: Array.from({ length: 20_001 }, () => ({ latitude: 52.1, longitude: 12.5 })) }, /geometryTourData has more than 20000 entries/],
        [{ name: 'Tour', lengthKm: 3, tourStops: [{ name: 'Halt' }, { name: ' ' }] }, /^Invalid input: tourStops\[1\]\.name must not be empty\.$/],
        [{ name: 'Tour', lengthKm: 3, tourStops: Array.from({ length: 301 }, () => ({ name: 'Halt' })) }, /tourStops has more than 300 entries/],
        [{ name: 'Tour', lengthKm: 3, tourStops: [{ name: 'Halt', payload: { x: 'y'.repeat(210_000) } }] }, /tourStops\[0\]\.payload is larger than 200 kB/],
      ];
      for (const [vars, pattern] of cases) {
        const err = await fails(CREATE_TOUR, vars);
        assert.equal(err.extensions.code, 'VALIDATION', err.message);
        assert.match(err.message, pattern);
      }
      const noLength = await fails(CREATE_TOUR, { name: 'Tour' });
      assert.notEqual(noLength.extensions.code, 'VALIDATION');
    });

    it('rolls back a create that fails after its first rows were written', async () => {
      // the category name is checked when the links are written, after the place row and before the lunches
      const err = await fails(CREATE_POI, { name: 'Halb geschrieben', categories: [{ name: 'K'.repeat(201) }], lunches: [lunch('2030-01-01', [['x', '1']])] });
      assert.equal(err.extensions.code, 'VALIDATION');
      assert.match(err.message, /category name is longer than 200 characters/);
      assert.equal(await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Halb geschrieben').executeTakeFirst(), undefined);
      const tourErr = await fails(CREATE_TOUR, { name: 'Halbe Tour', lengthKm: 1, categoryName: 'T'.repeat(201), tourStops: [{ name: 'Halt' }] });
      assert.match(tourErr.message, /category name is longer than 200 characters/);
    });
  });

  describe('permissions', () => {
    it('refuses anonymous, app and read-only callers', async () => {
      const anon = await fails(CREATE_POI, { name: 'Anonym' }, null);
      assert.equal(anon.extensions.code, 'UNAUTHENTICATED');
      for (const token of [app, readOnly]) {
        const err = await fails(CREATE_POI, { name: 'Darf nicht' }, token);
        assert.equal(err.message, 'Access not permitted!');
        assert.equal(err.extensions.code, 'FORBIDDEN');
        const tourErr = await fails(CREATE_TOUR, { name: 'Darf nicht', lengthKm: 1 }, token);
        assert.equal(tourErr.extensions.code, 'FORBIDDEN');
      }
    });

    it("lets a data provider change only its own records; admins change all", async () => {
      const therme = await db.selectFrom('points_of_interest').select(['id', 'name']).where('name', '=', 'SteinTherme').executeTakeFirstOrThrow();
      const denied = await fails(CREATE_POI, { id: String(therme.id), name: 'Übernommen' });
      assert.equal(denied.extensions.code, 'FORBIDDEN');
      const tour = await db.selectFrom('tours').select('id').where('name', '=', 'Historischer Stadtrundgang').executeTakeFirstOrThrow();
      assert.equal((await fails(CREATE_TOUR, { id: String(tour.id), name: 'Übernommen', lengthKm: 1 })).extensions.code, 'FORBIDDEN');
      for (const [recordType, id] of [['PointOfInterest', therme.id], ['Tour', tour.id]] as const) {
        const vis = await run(VISIBILITY, { id: String(id), recordType, visible: false });
        assert.equal(vis.data.changeVisibility.statusCode, 403);
        const del = await run(DESTROY, { id: String(id), recordType });
        assert.equal(del.data.destroyRecord.statusCode, 403);
      }
      assert.equal((await db.selectFrom('points_of_interest').select('visible').where('id', '=', therme.id).executeTakeFirstOrThrow()).visible, true);

      // its own records: hide, show, update, destroy by externalId
      const own = await createPoi({ name: 'Eigener Ort', externalId: 'own-1', lunches: [lunch('2030-02-01', [['x', '1']])] });
      assert.equal((await run(VISIBILITY, { id: own.id, recordType: 'PointOfInterest', visible: false })).data.changeVisibility.statusCode, 200);
      assert.deepEqual((await run(`query($ids: [ID]) { pointsOfInterest(ids: $ids) { id } }`, { ids: [own.id] }, app)).data.pointsOfInterest, []);
      const updated = await createPoi({ id: own.id, name: 'Eigener Ort (geändert)', externalId: 'own-1' });
      assert.equal(updated.visible, false, 'an update keeps the visibility');
      const del = await run(DESTROY, { externalId: 'own-1', recordType: 'PointOfInterest' });
      assert.equal(del.data.destroyRecord.statusCode, 200);
      assert.equal(await db.selectFrom('lunches').select('id').where('point_of_interest_id', '=', Number(own.id)).executeTakeFirst(), undefined, 'lunches go with their place');

      // admins
      const adminUpdate = await createPoi({ id: String(therme.id), name: 'SteinTherme', description: 'Neu', lunches: [] }, admin);
      assert.equal(adminUpdate.dataProvider.name, 'Tourist-Information & Kurverwaltung Bad Belzig', 'the owner stays');
      const tourDel = await run(DESTROY, { id: String(tour.id), recordType: 'Tour' }, admin);
      assert.equal(tourDel.data.destroyRecord.statusCode, 200);
      assert.equal(await db.selectFrom('tour_stops').select('id').where('tour_id', '=', tour.id).executeTakeFirst(), undefined, 'stops go with their tour');
      assert.equal((await run(DESTROY, { id: String(tour.id), recordType: 'Tour' }, admin)).data.destroyRecord.statusCode, 404);
    });

    it('keeps municipalities apart: another tenant cannot see or change these records', async () => {
      const burg = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Burg Eisenhardt').executeTakeFirstOrThrow();
      const before = await count('points_of_interest', wbDb);
      const body = await run(CREATE_POI, { id: String(burg.id), name: 'Gekapert' }, wbAdmin, WB);
      assert.equal(body.errors[0].extensions.code, 'NOT_FOUND');
      assert.equal((await run(DESTROY, { id: String(burg.id), recordType: 'PointOfInterest' }, wbAdmin, WB)).data.destroyRecord.statusCode, 404);
      assert.equal((await db.selectFrom('points_of_interest').select('name').where('id', '=', burg.id).executeTakeFirstOrThrow()).name, 'Burg Eisenhardt');
      // a token of one municipality cannot write on the other's host
      const foreign = await run(CREATE_POI, { name: 'Fremd' }, importer, WB);
      assert.ok(foreign.errors?.length);
      assert.equal(await count('points_of_interest', wbDb), before);
      // the same import in both municipalities makes two independent records
      const wbPlace = await createPoi({ name: 'Zwilling', addresses: [{ street: 'A 1' }] }, wbAdmin, WB);
      const bbPlace = await createPoi({ name: 'Zwilling', addresses: [{ street: 'A 1' }] }, admin, BB);
      assert.notEqual(wbPlace.id, bbPlace.id);
      assert.deepEqual((await run(`{ pointsOfInterest(category: null, location: null, ids: null, order: name_DESC, limit: 1) { name } }`, {}, wbAdmin, WB)).data.pointsOfInterest, [{ name: 'Zwilling' }]);
    });
  });
});
