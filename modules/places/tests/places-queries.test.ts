import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';
import { germanSortKey } from '../../../lib/german-sort.ts';
import { execute, parse } from 'graphql';
import { assembleSchema } from '../../../core/graphql/assemble.ts';

/** The app's POI list (Orte und Touren): aliases, `skip: $offset`, nested parts. */
const POINTS_OF_INTEREST = /* GraphQL */ `
  query PointsOfInterest(
    $ids: [ID], $limit: Int, $offset: Int, $order: PointsOfInterestOrder, $category: String, $categoryId: ID,
    $categoryIds: [ID], $dataProvider: String, $dataProviderId: ID, $location: String, $onlyWithImage: Boolean
  ) {
    pointsOfInterest(
      ids: $ids, limit: $limit, skip: $offset, order: $order, category: $category, categoryId: $categoryId,
      categoryIds: $categoryIds, dataProvider: $dataProvider, dataProviderId: $dataProviderId, location: $location,
      onlyWithImage: $onlyWithImage
    ) {
      id
      title: name
      category { id name }
      categories { id name }
      mediaContents { id contentType captionText copyright sourceUrl { id url } }
      addresses { id city street zip kind geoLocation { latitude longitude } }
      location { name }
      dataProvider { id name }
    }
    pointsOfInterestCount(
      ids: $ids, category: $category, categoryId: $categoryId, categoryIds: $categoryIds, dataProvider: $dataProvider,
      dataProviderId: $dataProviderId, location: $location, onlyWithImage: $onlyWithImage
    )
  }
`;

/** The app's POI detail query. */
const POINT_OF_INTEREST = /* GraphQL */ `
  query PointOfInterest($id: ID!) {
    pointOfInterest(id: $id) {
      id
      title: name
      visible
      active
      externalId
      description
      mobileDescription
      createdAt
      updatedAt
      payload
      tagList
      settings { displayOnlySummary }
      category { id name }
      categories { id name }
      addresses { id addition city street zip kind geoLocation { latitude longitude } }
      contact { id firstName lastName phone fax email webUrls { id url description } }
      webUrls { id url description }
      mediaContents { id contentType captionText copyright sourceUrl { url } }
      openingHours { id weekday dateFrom dateTo timeFrom timeTo sortNumber open useYear description }
      priceInformations { id name category amount groupPrice ageFrom ageTo minAdultCount maxAdultCount minChildrenCount maxChildrenCount description }
      operatingCompany { id name address { street zip city } contact { phone email } }
      certificates { id name }
      accessibilityInformation { id description types urls { url description } }
      location { id name district state regionName geoLocation { latitude longitude } }
      dataProvider { id name logo { url } }
      lunches { id text listDate lunchOffers { name price } }
      travelTimes(date: "2024-05-01T10:00") { arrivalTime departureTime route { routeShortName } trip { tripHeadsign } }
      hasTravelTimes
      vouchers { id }
    }
  }
`;

const TOURS = /* GraphQL */ `
  query Tours($ids: [ID], $limit: Int, $offset: Int, $order: ToursOrder, $category: String, $categoryId: ID, $location: String, $onlyWithImage: Boolean) {
    tours(ids: $ids, limit: $limit, skip: $offset, order: $order, category: $category, categoryId: $categoryId, location: $location, onlyWithImage: $onlyWithImage) {
      id
      name
      lengthKm
      meansOfTransportation
      category { id name }
      mediaContents { contentType sourceUrl { url } }
      addresses { city street zip kind }
    }
    toursCount(ids: $ids, category: $category, categoryId: $categoryId, location: $location, onlyWithImage: $onlyWithImage)
  }
`;

const TOUR = /* GraphQL */ `
  query Tour($id: ID!) {
    tour(id: $id) {
      id
      title: name
      lengthKm
      meansOfTransportation
      createdAt
      categories { id name }
      regions { id name }
      addresses { kind street city geoLocation { latitude longitude } }
      geometryTourData { latitude longitude }
      dataProvider { name dataType }
      tourStops {
        id name description payload visible active createdAt
        settings { displayOnlySummary }
        category { id }
        categories { id }
        addresses { geoLocation { latitude longitude } }
        mediaContents { contentType sourceUrl { url } }
        dataProvider { name }
      }
    }
  }
`;

/** The app's lunch widget query. */
const LUNCHES = /* GraphQL */ `
  query Lunches($ids: [ID], $limit: Int, $offset: Int, $order: LunchesOrder, $dateRange: [String]) {
    lunches(ids: $ids, limit: $limit, skip: $offset, order: $order, dateRange: $dateRange) {
      id
      text
      listDate
      dates { dateStart dateEnd timeStart timeEnd timeDescription useOnlyTimeDescription }
      lunchOffers { id name price createdAt }
      pointOfInterest { id name addresses { street city } contact { phone } }
      pointOfInterestAttributes
      createdAt
      updatedAt
    }
  }
`;

/** The app's category tree with counts (src/queries/categories.js), plus lists and location. */
const CATEGORIES = /* GraphQL */ `
  query Categories($ids: [ID], $location: String) {
    categories(ids: $ids) {
      id
      name
      pointsOfInterestCount
      pointsOfInterestTreeCount
      toursCount
      toursTreeCount
      inPlace: pointsOfInterestCount(location: $location)
      treeInPlace: pointsOfInterestTreeCount(location: $location)
      toursInPlace: toursCount(location: $location)
      toursTreeInPlace: toursTreeCount(location: $location)
      pointsOfInterest(location: $location) { id name }
      tours { id name }
      children { id name pointsOfInterestCount pointsOfInterestTreeCount }
    }
  }
`;

type Poi = { id: number; name: string; visible: boolean; data_provider_id: number | null; created_at: Date; updated_at: Date; media_contents: any[]; location: any; addresses: any[] };

const day = (offset: number) => berlinDate(new Date(Date.now() + offset * 86_400_000));

describe('pointsOfInterest, tours, lunches and category counts (queries)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let wbApp: string;
  let db: Kysely<any>;
  const providers = new Map<string, number>();
  const categories = new Map<string, number>();
  let hiddenId: string;

  async function gql(query: string, vars: Record<string, unknown> = {}, token = app, host = BB) {
    const res = await p.gql(host, query, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data;
  }

  async function pois(vars: Record<string, unknown> = {}, token = app) {
    const data = await gql(POINTS_OF_INTEREST, vars, token);
    return { items: data.pointsOfInterest as any[], ids: (data.pointsOfInterest as any[]).map((x) => x.id as string), count: data.pointsOfInterestCount as number };
  }

  async function errorOf(query: string, vars: Record<string, unknown>, token = app) {
    const res = await p.gql(BB, query, vars, token);
    assert.equal(res.status, 200);
    assert.ok(res.body.errors?.length, `expected an error for ${JSON.stringify(vars)}`);
    return res.body.errors[0];
  }

  /** Visible POIs as the app may see them, straight from the table. */
  async function visiblePois(): Promise<Poi[]> {
    return (await db.selectFrom('points_of_interest').selectAll().where('visible', '=', true).execute()) as Poi[];
  }

  const createdDesc = (rows: Poi[]) => [...rows].sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || b.id - a.id).map((r) => String(r.id));

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbApp] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-app'].map((c) => p.token(c)));
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    for (const r of await db.selectFrom('data_providers').select(['id', 'name']).execute()) providers.set(r.name, r.id);
    for (const r of await db.selectFrom('categories').select(['id', 'name']).execute()) categories.set(r.name, r.id);
    // The editors hide one place of the town's own provider.
    const hidden = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Skatepark am Jugendclub').executeTakeFirstOrThrow();
    hiddenId = String(hidden.id);
    const res = await p.gql(BB, `mutation { changeVisibility(id: "${hiddenId}", recordType: "PointOfInterest", visible: false) { statusCode } }`, {}, admin);
    assert.equal(res.body.data.changeVisibility.statusCode, 200);
  });
  after(() => p.close());

  describe('pointsOfInterest', () => {
    it('lists the visible places newest first by default, with the count agreeing', async () => {
      const rows = await visiblePois();
      const { ids, count, items } = await pois();
      assert.ok(rows.length >= 40, 'the demo town has at least 40 places');
      assert.deepEqual(ids, createdDesc(rows));
      assert.equal(count, rows.length);
      assert.ok(!ids.includes(hiddenId), 'hidden place listed for the app');
      const burg = items.find((x) => x.title === 'Burg Eisenhardt');
      assert.equal(burg.category.name, 'Burgen & Schlösser', 'category is the first category sent');
      assert.deepEqual(burg.categories.map((c: any) => c.name), ['Burgen & Schlösser', 'Sehenswürdigkeiten']);
      assert.equal(burg.mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/burg-eisenhardt.jpg');
      assert.deepEqual(burg.addresses[0].geoLocation, { latitude: 52.1399, longitude: 12.5862 });
      assert.equal(burg.dataProvider.name, 'Tourist-Information & Kurverwaltung Bad Belzig');
    });

    it('orders by every PointsOfInterestOrder value, names the German way, ties by id', async () => {
      const rows = await visiblePois();
      const sorted = async (order: string) => (await pois({ order })).ids;
      const by = (key: (r: Poi) => number, dir: 1 | -1) => [...rows].sort((a, b) => (key(a) - key(b) || a.id - b.id) * dir).map((r) => String(r.id));
      assert.deepEqual(await sorted('createdAt_ASC'), by((r) => r.created_at.getTime(), 1));
      assert.deepEqual(await sorted('updatedAt_DESC'), by((r) => r.updated_at.getTime(), -1));
      assert.deepEqual(await sorted('updatedAt_ASC'), by((r) => r.updated_at.getTime(), 1));
      assert.deepEqual(await sorted('id_ASC'), by((r) => r.id, 1));
      assert.deepEqual(await sorted('id_DESC'), by((r) => r.id, -1));
      const byName = (await db.selectFrom('points_of_interest').select('id').where('visible', '=', true).orderBy(germanSortKey('name')).orderBy('id').execute()).map((r: any) => String(r.id));
      assert.deepEqual(await sorted('name_ASC'), byName);
      const names = (await pois({ order: 'name_ASC' })).items.map((x) => x.title);
      // umlauts sort with their base letter: "Ärztehaus" between "Abenteuer…" and "Aussichtsturm…"
      assert.ok(names.indexOf('Ärztehaus am Bahnhof') < names.indexOf('Aussichtsturm auf dem Hagelberg'));
      assert.ok(names.indexOf('Abenteuerspielplatz im Kurpark') < names.indexOf('Ärztehaus am Bahnhof'));
      assert.deepEqual((await pois({ order: 'name_DESC' })).items.map((x) => x.title)[0], names.at(-1));
      const unknown = await errorOf(`{ pointsOfInterest(order: title_ASC) { id } }`, {});
      assert.equal(unknown.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('draws RAND samples: the asked number, distinct, from the filtered set, differing between draws', async () => {
      const rows = await visiblePois();
      const visible = new Set(rows.map((r) => String(r.id)));
      const seen = new Set<string>();
      const orders = new Set<string>();
      // admin responses are not cached, so every call is a new draw
      for (let i = 0; i < 12; i++) {
        const { ids } = await pois({ order: 'RAND', limit: 5 }, admin);
        assert.equal(ids.length, 5);
        assert.equal(new Set(ids).size, 5, 'a place drawn twice');
        ids.forEach((id) => seen.add(id));
        orders.add(ids.join(','));
      }
      assert.ok(orders.size > 1, 'RAND returned the same sample every time');
      assert.ok(seen.size > 10, `RAND drew only ${seen.size} different places in 12 draws`);

      // with filters (the home screen's image strip) and for the app (hidden places never drawn)
      const withImage = new Set(rows.filter((r) => r.media_contents.some((m) => m.contentType === 'image')).map((r) => String(r.id)));
      for (let i = 0; i < 5; i++) {
        const { ids } = await pois({ order: 'RAND', limit: 4, onlyWithImage: true, offset: i }, app);
        assert.equal(ids.length, 4);
        for (const id of ids) assert.ok(withImage.has(id) && visible.has(id), `RAND drew ${id}`);
      }
      // fewer matches than the limit: all of them, in some order
      const spiel = categories.get('Spielplätze')!;
      const inCategory = (await pois({ categoryId: String(spiel) })).ids;
      assert.deepEqual((await pois({ order: 'RAND', limit: 50, categoryId: String(spiel) })).ids.sort(), [...inCategory].sort());
      // without a limit: everything, shuffled
      assert.deepEqual((await pois({ order: 'RAND' }, admin)).ids.length, (await pois({}, admin)).ids.length);
      assert.deepEqual((await pois({ order: 'RAND', limit: 0 })).ids, []);
    });

    it('pages with limit and skip without gaps or repeats; rejects bad limits', async () => {
      const all = (await pois({ order: 'name_ASC' })).ids;
      const pages: string[] = [];
      for (let offset = 0; offset < all.length + 10; offset += 10) pages.push(...(await pois({ order: 'name_ASC', limit: 10, offset })).ids);
      assert.deepEqual(pages, all);
      assert.deepEqual((await pois({ limit: 0 })).ids, []);
      assert.equal((await pois({ limit: 3, offset: 2 })).count, all.length);
      for (const bad of [{ limit: -1 }, { limit: 5000 }, { offset: -1 }]) {
        const err = await errorOf(`query($limit: Int, $offset: Int) { pointsOfInterest(limit: $limit, skip: $offset) { id } }`, bad);
        assert.equal(err.extensions.code, 'VALIDATION', JSON.stringify(bad));
        assert.match(err.message, /^Invalid input: /);
      }
    });

    it('one category by name (the places screen) follows renames and visibility changes', async () => {
      const inCategory = async (categoryId: number) =>
        (await db.selectFrom('points_of_interest as p').innerJoin('point_of_interest_categories as l', 'l.point_of_interest_id', 'p.id')
          .select('p.id').where('l.category_id', '=', categoryId).where('p.visible', '=', true)
          .orderBy(germanSortKey('p.name')).orderBy('p.id').execute()).map((r: any) => String(r.id));
      let categoryId = 0;
      for (const id of categories.values()) if ((await inCategory(id)).length > (await inCategory(categoryId)).length) categoryId = id;
      const expected = await inCategory(categoryId);
      assert.ok(expected.length >= 3, 'a category with three places');
      // distinct limits keep the response cache out of it
      const page = async (order: string, limit: number, offset = 0) => (await pois({ categoryId: String(categoryId), order, limit, offset })).ids;
      assert.deepEqual(await page('name_ASC', 101), expected);
      assert.deepEqual(await page('name_DESC', 102), [...expected].reverse());
      assert.deepEqual(await page('name_ASC', 2, 1), expected.slice(1, 3));
      // the first place renamed to sort last, the second hidden
      const [first, second] = expected;
      const { name } = await db.selectFrom('points_of_interest').select('name').where('id', '=', Number(first)).executeTakeFirstOrThrow();
      await db.updateTable('points_of_interest').set({ name: 'Zzz Umbenannt' }).where('id', '=', Number(first)).execute();
      const hide = (visible: boolean) => gql(`mutation($id: ID!, $v: Boolean!) { changeVisibility(id: $id, recordType: "PointOfInterest", visible: $v) { statusCode } }`, { id: second, v: visible }, admin);
      await hide(false);
      assert.deepEqual(await page('name_ASC', 103), [...expected.slice(2), first]);
      await db.updateTable('points_of_interest').set({ name }).where('id', '=', Number(first)).execute();
      await hide(true);
      assert.deepEqual(await page('name_ASC', 104), expected);
    });

    it('filters by ids, skipping null, junk and unknown ids', async () => {
      const rows = await visiblePois();
      const [a, b] = [String(rows[0].id), String(rows[5].id)];
      const got = await pois({ ids: [a, null, 'kein-id', '-3', '0', b, '99999999', '2147483648'], order: 'id_ASC' });
      assert.deepEqual(got.ids, [a, b].sort((x, y) => Number(x) - Number(y)));
      assert.equal(got.count, 2);
      assert.deepEqual((await pois({ ids: [] })).ids, []);
      assert.deepEqual((await pois({ ids: [hiddenId] })).ids, []);
      assert.deepEqual((await pois({ ids: [hiddenId] }, admin)).ids, [hiddenId]);
      // the town's importer sees its own hidden place
      assert.deepEqual((await pois({ ids: [hiddenId] }, importer)).ids, [hiddenId]);
    });

    it('filters by category name, categoryId and categoryIds (a place in two of them once)', async () => {
      const links = await db.selectFrom('point_of_interest_categories').select(['point_of_interest_id', 'category_id']).execute();
      const rows = await visiblePois();
      const inCategories = (catIds: number[]) => createdDesc(rows.filter((r) => links.some((l: any) => l.point_of_interest_id === r.id && catIds.includes(l.category_id))));

      const restaurants = categories.get('Restaurants')!;
      const mittag = categories.get('Imbiss & Mittagstisch')!;
      const one = await pois({ categoryId: String(restaurants) });
      assert.deepEqual(one.ids, inCategories([restaurants]));
      assert.equal(one.count, 3);
      assert.deepEqual((await pois({ category: 'Restaurants' })).ids, one.ids);
      assert.deepEqual((await pois({ category: 'restaurants' })).ids, one.ids, 'category names compare case-insensitively');
      assert.deepEqual((await pois({ category: 'Gibt es nicht' })).ids, []);

      const both = await pois({ categoryIds: [String(restaurants), null, 'x', String(mittag)] });
      assert.deepEqual(both.ids, inCategories([restaurants, mittag]));
      assert.equal(new Set(both.ids).size, both.ids.length, 'a place listed twice');
      assert.equal(both.items.filter((x) => x.title === 'Ratskeller am Markt').length, 1);
      assert.deepEqual((await pois({ categoryId: String(restaurants), categoryIds: [String(mittag)] })).ids, both.ids);
      // a parent category lists only places assigned to it directly (the tree counts include children)
      assert.deepEqual((await pois({ categoryId: String(categories.get('Gastronomie')) })).ids, []);
      assert.deepEqual((await pois({ categoryId: '99999' })).ids, []);
    });

    it('filters by data provider name and id', async () => {
      const rows = await visiblePois();
      const stadt = providers.get('Stadtverwaltung Bad Belzig')!;
      const byName = await pois({ dataProvider: 'stadtverwaltung bad belzig' });
      assert.deepEqual(byName.ids, createdDesc(rows.filter((r) => r.data_provider_id === stadt)));
      assert.ok(byName.ids.length >= 10);
      for (const x of byName.items) assert.equal(x.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      assert.deepEqual((await pois({ dataProviderId: String(stadt) })).ids, byName.ids);
      assert.deepEqual((await pois({ dataProvider: 'Stadtverwaltung' })).ids, []);
      assert.deepEqual((await pois({ dataProviderId: 'abc' })).ids, []);
    });

    it('filters by location: a Location name or an address city, case-insensitively', async () => {
      const hagelberg = await pois({ location: 'Hagelberg', order: 'name_ASC' });
      assert.deepEqual(hagelberg.items.map((x) => x.title), ['Aussichtsturm auf dem Hagelberg', 'Denkmal an die Schlacht am Hagelberg', 'Gasthaus Zum Hagelberg']);
      assert.equal(hagelberg.count, 3);
      assert.deepEqual((await pois({ location: 'hagelberg ', order: 'name_ASC' })).ids, hagelberg.ids);
      // "Bad Belzig" is every place's address city
      assert.equal((await pois({ location: 'Bad Belzig' })).count, (await visiblePois()).length);
      assert.deepEqual((await pois({ location: 'Lütte' })).items.map((x) => x.title), ['Hofladen Lütte']);
      assert.deepEqual((await pois({ location: 'Potsdam' })).ids, []);
    });

    it('filters onlyWithImage: places with an image media content', async () => {
      const rows = await visiblePois();
      const expected = createdDesc(rows.filter((r) => r.media_contents.some((m) => m.contentType === 'image' && m.sourceUrl?.url)));
      const got = await pois({ onlyWithImage: true });
      assert.deepEqual(got.ids, expected);
      assert.ok(got.ids.length >= 10 && got.ids.length < rows.length);
      for (const x of got.items) assert.ok(x.mediaContents.some((m: any) => m.contentType === 'image'));
      assert.equal((await pois({ onlyWithImage: false })).count, rows.length);
      // combined with other filters
      const gastro = await pois({ onlyWithImage: true, categoryIds: [String(categories.get('Restaurants'))] });
      assert.deepEqual(gastro.items.map((x) => x.title).sort(), ['Burgschänke Eisenhardt', 'Ratskeller am Markt']);
    });

    it('answers pointOfInterest(id) with every part in the mainserver formats', async () => {
      const row = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Burg Eisenhardt').executeTakeFirstOrThrow();
      const x = (await gql(POINT_OF_INTEREST, { id: String(row.id) })).pointOfInterest;
      assert.equal(x.title, 'Burg Eisenhardt');
      assert.equal(x.visible, true);
      assert.equal(x.active, true);
      assert.equal(x.settings, null);
      assert.match(x.createdAt, RUBY_TIMESTAMP);
      assert.match(x.updatedAt, RUBY_TIMESTAMP);
      assert.match(x.description, /^<p>Die Burg Eisenhardt/);
      assert.deepEqual(x.payload, { iconName: 'castle', activeIconName: 'castle-filled' });
      assert.deepEqual(x.tagList, ['Burg', 'Museum', 'Aussicht']);
      assert.deepEqual(x.addresses[0], { id: x.addresses[0].id, addition: null, city: 'Bad Belzig', street: 'Wittenberger Straße 14', zip: '14806', kind: 'default', geoLocation: { latitude: 52.1399, longitude: 12.5862 } });
      assert.equal(x.contact.phone, '033841 099-320');
      assert.deepEqual(x.webUrls.map((w: any) => w.url), ['https://www.burg-eisenhardt.example.org']);
      // opening hours: dates YYYY-MM-DD, times HH:MM, empty strings when missing
      assert.deepEqual(
        x.openingHours.map(({ id: _id, ...o }: any) => o),
        [
          { weekday: 'Dienstag – Sonntag', dateFrom: '2025-04-01', dateTo: '2025-10-31', timeFrom: '10:00', timeTo: '17:00', sortNumber: 1, open: true, useYear: false, description: 'Sommersaison' },
          { weekday: 'Mittwoch – Sonntag', dateFrom: '2025-11-01', dateTo: '2026-03-31', timeFrom: '11:00', timeTo: '16:00', sortNumber: 2, open: true, useYear: false, description: 'Wintersaison' },
          { weekday: 'Montag', dateFrom: '', dateTo: '', timeFrom: '', timeTo: '', sortNumber: 3, open: false, useYear: null, description: 'Ruhetag' },
        ],
      );
      for (const o of x.openingHours) assert.match(o.id, /^\d+$/);
      // prices: Float amounts (5.5, 0), integers where given
      assert.deepEqual(
        x.priceInformations.map((pr: any) => [pr.name, pr.amount, pr.ageTo, pr.groupPrice, pr.maxChildrenCount]),
        [['Erwachsene', 5.5, null, null, null], ['Ermäßigt', 3.5, null, null, null], ['Kinder', 0, 6, null, null], ['Familienkarte', 12, null, true, 3]],
      );
      assert.deepEqual(x.certificates.map((c: any) => c.name), ['Qualitätsgastgeber Wanderbares Deutschland']);
      assert.equal(x.accessibilityInformation.types, 'teilweise barrierefrei');
      assert.equal(x.location.name, 'Bad Belzig');
      assert.equal(x.location.regionName, null);
      assert.equal(x.location.state, 'Brandenburg');
      assert.equal(x.dataProvider.name, 'Tourist-Information & Kurverwaltung Bad Belzig');
      assert.deepEqual(x.lunches, []);
      assert.deepEqual(x.travelTimes, []);
      assert.equal(x.hasTravelTimes, false);
      assert.deepEqual(x.vouchers, []);

      const therme = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'SteinTherme').executeTakeFirstOrThrow();
      const t = (await gql(POINT_OF_INTEREST, { id: String(therme.id) })).pointOfInterest;
      assert.equal(t.operatingCompany.name, 'Kur- und Thermengesellschaft Bad Belzig mbH (Demo)');
      assert.equal(t.operatingCompany.address.street, 'Am Kurpark 15');
      assert.deepEqual(t.priceInformations.map((pr: any) => pr.amount), [14.9, 24.5, 31, 8.75]);
      assert.equal(t.openingHours[2].dateFrom, '2025-12-24');
      assert.equal(t.openingHours[2].timeFrom, '');

      const restaurant = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Ratskeller am Markt').executeTakeFirstOrThrow();
      const r = (await gql(POINT_OF_INTEREST, { id: String(restaurant.id) })).pointOfInterest;
      assert.equal(r.lunches.length, 7, 'a week of lunches');
      assert.deepEqual(r.lunches.map((l: any) => l.listDate), [0, 1, 2, 3, 4, 5, 6].map(day));
      assert.equal(r.lunches[0].lunchOffers[0].name, 'Kartoffelsuppe mit Bockwurst');
    });

    it('answers null for unknown, malformed and hidden ids (admins and the owner see hidden ones)', async () => {
      for (const id of ['99999999', 'abc', '-1', '0']) {
        const data = await gql(POINT_OF_INTEREST, { id });
        assert.equal(data.pointOfInterest, null, id);
      }
      assert.equal((await gql(POINT_OF_INTEREST, { id: hiddenId })).pointOfInterest, null);
      assert.equal((await gql(POINT_OF_INTEREST, { id: hiddenId }, admin)).pointOfInterest.visible, false);
      assert.equal((await gql(POINT_OF_INTEREST, { id: hiddenId }, importer)).pointOfInterest.id, hiddenId);
    });
  });

  describe('tours', () => {
    it('lists tours with filters, counts, orders and RAND', async () => {
      const all = await gql(TOURS, { order: 'name_ASC' });
      assert.deepEqual(all.tours.map((t: any) => t.name), [
        'Burgenradweg nach Rabenstein',
        'Historischer Stadtrundgang',
        'Kunstwanderweg Hoher Fläming',
        'Naturerlebnispfad Belziger Landschaftswiesen',
        'Radrunde um den Hagelberg',
      ]);
      assert.equal(all.toursCount, 5);
      const rad = await gql(TOURS, { category: 'Radtouren', order: 'name_ASC' });
      assert.deepEqual(rad.tours.map((t: any) => [t.name, t.meansOfTransportation, t.lengthKm]), [['Burgenradweg nach Rabenstein', 'bike', 12], ['Radrunde um den Hagelberg', 'bike', 24]]);
      assert.equal(rad.toursCount, 2);
      assert.equal((await gql(TOURS, { onlyWithImage: true })).toursCount, 4);
      // the end address of the Kunstwanderweg is in Wiesenburg/Mark
      assert.deepEqual((await gql(TOURS, { location: 'Wiesenburg/Mark' })).tours.map((t: any) => t.name), ['Kunstwanderweg Hoher Fläming']);
      const random = await gql(TOURS, { order: 'RAND', limit: 3 }, admin);
      assert.equal(random.tours.length, 3);
      assert.equal(new Set(random.tours.map((t: any) => t.id)).size, 3);
      const ordered = (await gql(TOURS, { order: 'id_ASC' })).tours.map((t: any) => Number(t.id));
      assert.deepEqual(ordered, [...ordered].sort((a, b) => a - b));
    });

    it('answers tour(id) with the track, regions and stops in order; TourStop has no categories or settings', async () => {
      const row = await db.selectFrom('tours').select(['id', 'geometry_tour_data']).where('name', '=', 'Historischer Stadtrundgang').executeTakeFirstOrThrow();
      const t = (await gql(TOUR, { id: String(row.id) })).tour;
      assert.equal(t.title, 'Historischer Stadtrundgang');
      assert.equal(t.meansOfTransportation, 'foot');
      assert.equal(t.lengthKm, 3);
      assert.deepEqual(t.categories.map((c: any) => c.name), ['Stadtrundgänge']);
      assert.deepEqual(t.addresses.map((a: any) => a.kind), ['start', 'end']);
      assert.ok(t.geometryTourData.length >= 20 && t.geometryTourData.length <= 200, `track of ${t.geometryTourData.length} points`);
      assert.deepEqual(t.geometryTourData, row.geometry_tour_data);
      for (const pt of t.geometryTourData) {
        assert.ok(Math.abs(pt.latitude - 52.14) < 0.05 && Math.abs(pt.longitude - 12.59) < 0.05, JSON.stringify(pt));
      }
      assert.deepEqual(t.tourStops.map((s: any) => s.name), ['Marktplatz und Rathaus', 'St. Marienkirche', 'Burg Eisenhardt', 'Reißigerhaus']);
      const first = t.tourStops[0];
      assert.deepEqual(first.payload, { station: 1, audio: null });
      assert.equal(first.settings, null);
      assert.equal(first.category, null);
      assert.deepEqual(first.categories, []);
      assert.equal(first.visible, true);
      assert.equal(first.active, true);
      assert.match(first.createdAt, RUBY_TIMESTAMP);
      assert.deepEqual(first.addresses[0].geoLocation, { latitude: 52.1416, longitude: 12.5917 });
      assert.equal(first.mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/rathaus.jpg');
      assert.equal(first.dataProvider.name, 'Tourist-Information & Kurverwaltung Bad Belzig');
      assert.deepEqual(t.regions, []);

      const kunst = await db.selectFrom('tours').select('id').where('name', '=', 'Kunstwanderweg Hoher Fläming').executeTakeFirstOrThrow();
      const k = (await gql(TOUR, { id: String(kunst.id) })).tour;
      assert.deepEqual(k.regions.map((r: any) => r.name), ['Hoher Fläming']);
      assert.deepEqual(k.tourStops.map((s: any) => s.payload.artwork), ['Weitblick', 'Klanghölzer', 'Steinkreis']);

      // every demo tour has a plausible track and stops
      for (const r of await db.selectFrom('tours').select('id').execute()) {
        const demo = (await gql(TOUR, { id: String(r.id) })).tour;
        assert.ok(demo.geometryTourData.length >= 20 && demo.geometryTourData.length <= 200, `${demo.title}: ${demo.geometryTourData.length} points`);
        assert.ok(demo.tourStops.length >= 2, `${demo.title} has no stops`);
      }

      assert.equal((await gql(TOUR, { id: '424242' })).tour, null);
      assert.equal((await gql(TOUR, { id: 'x' })).tour, null);
    });
  });

  describe('lunches', () => {
    it('lists the lunches of a day with their restaurant, offers and Mainserver date formats', async () => {
      const today = day(0);
      const lunches = (await gql(LUNCHES, { dateRange: [today, today], order: 'id_ASC' })).lunches;
      assert.deepEqual(lunches.map((l: any) => l.pointOfInterest.name).sort(), ['Fleischerei Krüger – Mittagstisch', 'Gasthaus Zum Hagelberg', 'Ratskeller am Markt']);
      for (const l of lunches) {
        assert.equal(l.listDate, today);
        assert.deepEqual(l.dates, [{ dateStart: today, dateEnd: today, timeStart: '11:30', timeEnd: '14:00', timeDescription: null, useOnlyTimeDescription: 'false' }]);
        assert.ok(l.lunchOffers.length >= 1);
        for (const o of l.lunchOffers) {
          assert.match(o.price, /€$/);
          assert.match(o.createdAt, RUBY_TIMESTAMP);
        }
        assert.match(l.createdAt, RUBY_TIMESTAMP);
      }
      const ratskeller = lunches.find((l: any) => l.pointOfInterest.name === 'Ratskeller am Markt');
      assert.equal(ratskeller.pointOfInterestAttributes, 'name,address,contact,openingHours');
      assert.equal(ratskeller.pointOfInterest.addresses[0].street, 'Marktplatz 1');
      assert.deepEqual(ratskeller.lunchOffers.map((o: any) => o.name), ['Kartoffelsuppe mit Bockwurst', 'Schnitzel mit Bratkartoffeln und Gurkensalat']);

      // day 5: the Gasthaus (5 days) is done, Ratskeller (7) and Fleischerei (6) still serve
      const day5 = (await gql(LUNCHES, { dateRange: [day(5), day(5)] })).lunches;
      assert.deepEqual(day5.map((l: any) => l.pointOfInterest.name).sort(), ['Fleischerei Krüger – Mittagstisch', 'Ratskeller am Markt']);
      // a range covers every day in it; an empty range returns nothing
      assert.equal((await gql(LUNCHES, { dateRange: [day(0), day(6)] })).lunches.length, 7 + 5 + 6);
      assert.deepEqual((await gql(LUNCHES, { dateRange: [day(30), day(40)] })).lunches, []);
      // the day before: nothing seeded (the mainserver's "upcoming" rule would have hidden it anyway)
      assert.deepEqual((await gql(LUNCHES, { dateRange: [day(-1), day(-1)] })).lunches, []);
    });

    it('lists upcoming lunches without a dateRange; pages, orders and looks up by id', async () => {
      const all = (await gql(LUNCHES, { order: 'id_ASC' })).lunches;
      assert.equal(all.length, 18);
      const ids = all.map((l: any) => Number(l.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      const desc = (await gql(LUNCHES, { order: 'id_DESC', limit: 3, offset: 1 })).lunches.map((l: any) => Number(l.id));
      assert.deepEqual(desc, [...ids].reverse().slice(1, 4));
      assert.deepEqual((await gql(LUNCHES, { ids: [String(ids[2]), 'junk', null, '999999'] })).lunches.map((l: any) => Number(l.id)), [ids[2]]);
      const one = await gql(`query($id: ID!) { lunch(id: $id) { id text pointOfInterest { name } } }`, { id: String(ids[0]) });
      assert.equal(one.lunch.id, String(ids[0]));
      assert.equal((await gql(`query($id: ID!) { lunch(id: $id) { id } }`, { id: '999999' })).lunch, null);

      // a lunch of the past is not upcoming, but its day can still be asked for
      const past = await db.selectFrom('lunches').select(['id']).orderBy('id').executeTakeFirstOrThrow();
      const yesterday = day(-1);
      await db
        .updateTable('lunches')
        .set({ dates: JSON.stringify([{ id: 1, weekday: null, dateStart: yesterday, dateEnd: '', timeStart: '', timeEnd: '', timeDescription: null, useOnlyTimeDescription: 'false' }]), date_span: `{[${yesterday},${yesterday}]}`, last_day: yesterday })
        .where('id', '=', past.id)
        .execute();
      const upcoming = (await gql(LUNCHES, { order: 'id_ASC' }, admin)).lunches.map((l: any) => l.id);
      assert.ok(!upcoming.includes(String(past.id)));
      const asked = (await gql(LUNCHES, { dateRange: [yesterday, yesterday] }, admin)).lunches;
      assert.deepEqual(asked.map((l: any) => [l.id, l.listDate]), [[String(past.id), yesterday]]);
    });

    it('hides lunches of hidden restaurants and rejects invalid date ranges', async () => {
      const fleischerei = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Fleischerei Krüger – Mittagstisch').executeTakeFirstOrThrow();
      await db.updateTable('points_of_interest').set({ visible: false }).where('id', '=', fleischerei.id).execute();
      try {
        const names = (await gql(LUNCHES, { dateRange: [day(0), day(0)] }, admin)).lunches.map((l: any) => l.pointOfInterest.name);
        assert.ok(names.includes('Fleischerei Krüger – Mittagstisch'), 'admins see them');
        const forApp = (await gql(`query($r: [String]) { lunches(dateRange: $r, limit: 100) { pointOfInterest { name } } }`, { r: [day(0), day(0)] })).lunches;
        assert.ok(!forApp.some((l: any) => l.pointOfInterest.name === 'Fleischerei Krüger – Mittagstisch'));
      } finally {
        await db.updateTable('points_of_interest').set({ visible: true }).where('id', '=', fleischerei.id).execute();
      }
      for (const dateRange of [['2024-05-01'], ['2024-05-01', '2024-05-02', '2024-05-03'], ['2024-05-10', '2024-05-01'], ['2024-02-30', '2024-03-01'], [null, '2024-05-01'], ['gestern', 'heute'], []]) {
        const err = await errorOf(LUNCHES, { dateRange });
        assert.equal(err.extensions.code, 'VALIDATION', JSON.stringify(dateRange));
        assert.match(err.message, /^Invalid input: /);
      }
      const unknownOrder = await errorOf(`{ lunches(order: name_ASC) { id } }`, {});
      assert.equal(unknownOrder.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('category fields', () => {
    it('counts visible places and tours per category, trees including descendants, optionally in a location', async () => {
      const ids = ['Kultur & Freizeit', 'Sehenswürdigkeiten', 'Aussichtspunkte & Denkmäler', 'Gastronomie', 'Restaurants', 'Touren', 'Wandertouren', 'Stadtrundgänge', 'Sportanlagen'].map((n) => String(categories.get(n)));
      const rows = (await gql(CATEGORIES, { ids, location: 'Hagelberg' })).categories;
      const c = (name: string) => rows.find((r: any) => r.name === name);

      // computed independently: distinct visible places in the category and its descendants
      const index = await db.selectFrom('categories').select(['id', 'parent_id']).execute();
      const subtree = (id: number): number[] => [id, ...index.filter((r: any) => r.parent_id === id).flatMap((r: any) => subtree(r.id))];
      const links = await db.selectFrom('point_of_interest_categories as l').innerJoin('points_of_interest as p', 'p.id', 'l.point_of_interest_id').select(['l.category_id', 'p.id', 'p.location_keys']).where('p.visible', '=', true).execute();
      const count = (catIds: number[], location?: string) => new Set(links.filter((l: any) => catIds.includes(l.category_id) && (!location || l.location_keys.includes(location))).map((l: any) => l.id)).size;

      for (const r of rows) {
        const id = Number(r.id);
        assert.equal(r.pointsOfInterestCount, count([id]), `${r.name} count`);
        assert.equal(r.pointsOfInterestTreeCount, count(subtree(id)), `${r.name} tree count`);
        assert.equal(r.inPlace, count([id], 'hagelberg'), `${r.name} count in Hagelberg`);
        assert.equal(r.treeInPlace, count(subtree(id), 'hagelberg'), `${r.name} tree count in Hagelberg`);
      }
      // spot checks that make the semantics visible
      assert.equal(c('Restaurants').pointsOfInterestCount, 3);
      assert.equal(c('Gastronomie').pointsOfInterestCount, 0);
      // Restaurants 3 + Cafés 3 + Imbiss 2, the Ratskeller (in Restaurants and Imbiss) counted once
      assert.equal(c('Gastronomie').pointsOfInterestTreeCount, 7);
      assert.equal(c('Kultur & Freizeit').treeInPlace, 2);
      assert.equal(c('Sportanlagen').pointsOfInterestCount, 2, 'the hidden skatepark is not counted');
      assert.equal(c('Restaurants').inPlace, 1);
      assert.deepEqual(c('Aussichtspunkte & Denkmäler').pointsOfInterest.map((x: any) => x.name), ['Aussichtsturm auf dem Hagelberg', 'Denkmal an die Schlacht am Hagelberg']);
      assert.deepEqual(c('Restaurants').pointsOfInterest.map((x: any) => x.name), ['Gasthaus Zum Hagelberg']);
      // tours
      assert.equal(c('Touren').toursCount, 0);
      assert.equal(c('Touren').toursTreeCount, 5);
      assert.equal(c('Wandertouren').toursCount, 2);
      assert.equal(c('Wandertouren').toursTreeCount, 3);
      assert.equal(c('Stadtrundgänge').toursTreeCount, 1);
      assert.equal(c('Touren').toursTreeInPlace, 0);
      assert.deepEqual(c('Wandertouren').tours.map((t: any) => t.name), ['Kunstwanderweg Hoher Fläming', 'Naturerlebnispfad Belziger Landschaftswiesen']);
      assert.equal(c('Gastronomie').children.find((x: any) => x.name === 'Restaurants').pointsOfInterestCount, 3);
    });

    it('computes the counts and lists of all categories in one SQL statement per field, not one per category', async () => {
      // The platform's schema, executed with a database handle that counts the statements.
      const schema = assembleSchema(p.modules, () => {});
      let statements = 0;
      const counting = db.withPlugin({ transformQuery: (a) => (statements++, a.node), transformResult: async (a) => a.result });
      const run = async (ids: unknown) => {
        statements = 0;
        const result = await execute({
          schema,
          document: parse(`query($ids: [ID]) { categories(ids: $ids) { id pointsOfInterestCount pointsOfInterestTreeCount toursCount toursTreeCount
            a: pointsOfInterestCount(location: "Hagelberg") pointsOfInterest { id } tours { id } } }`),
          variableValues: { ids },
          contextValue: { tenant: p.tenants.get('bad-belzig')!, principal: { kind: 'anonymous' }, db: counting, origin: 'http://bad-belzig.localhost', memo: new Map(), enqueue: async () => {} },
        });
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        return { statements, rows: (result.data as any).categories as any[] };
      };
      const all = await run(null);
      assert.ok(all.rows.length > 40);
      assert.ok(all.rows.some((r) => r.pointsOfInterestTreeCount > 0) && all.rows.some((r) => r.pointsOfInterest.length > 0));
      // 1 for the categories + 1 per count/list field (7)
      assert.ok(all.statements <= 8, `${all.statements} statements for ${all.rows.length} categories`);
      const two = await run([all.rows[0].id, all.rows[1].id]);
      assert.equal(two.rows.length, 2);
      assert.equal(all.statements, two.statements, 'the number of statements grows with the number of categories');
    });
  });

  describe('tenant isolation', () => {
    it('shows each municipality only its own places, tours and lunches', async () => {
      const wb = await gql(`{ pointsOfInterest(order: name_ASC) { id name } tours { id name } lunches { id pointOfInterest { name } } }`, {}, wbApp, WB);
      assert.deepEqual(wb.pointsOfInterest.map((x: any) => x.name), ['Bahnhof Wiesenburg', 'Gaststätte am Schlosspark', 'Gemeindeverwaltung Wiesenburg/Mark', 'Schloss Wiesenburg', 'Schlosspark Wiesenburg']);
      assert.deepEqual(wb.tours.map((x: any) => x.name), ['Rundweg durch den Schlosspark']);
      assert.ok(wb.lunches.every((l: any) => l.pointOfInterest.name === 'Gaststätte am Schlosspark'));
      // a Bad Belzig id asked on the Wiesenburg host is unknown there
      const burg = await db.selectFrom('points_of_interest').select('id').where('name', '=', 'Burg Eisenhardt').executeTakeFirstOrThrow();
      assert.equal((await gql(POINT_OF_INTEREST, { id: String(burg.id) }, wbApp, WB)).pointOfInterest, null);
      assert.deepEqual((await gql(`query($ids: [ID]) { pointsOfInterest(ids: $ids) { id } }`, { ids: [String(burg.id)] }, wbApp, WB)).pointsOfInterest, []);
      const wbIds = new Set(wb.pointsOfInterest.map((x: any) => x.id));
      assert.ok(!(await pois()).ids.some((id) => wbIds.has(id)));
    });
  });
});
