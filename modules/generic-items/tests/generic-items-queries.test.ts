import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** The app's construction-site list (src/queries/constructionSite.js): an alias and a fixed genericType. */
const CONSTRUCTION_SITES = /* GraphQL */ `
  query GenericItems($ids: [ID]) {
    constructionSites: genericItems(ids: $ids, genericType: "ConstructionSite") {
      id
      title
      contentBlocks { id body }
      categories { id name }
      dataProvider { id name dataType }
      locations { id name geoLocation { latitude longitude } }
      mediaContents { id captionText contentType copyright sourceUrl { id url } }
      dates { id dateEnd dateStart timeDescription timeEnd timeStart }
      payload
    }
  }
`;

/** The app's generic list (src/queries/genericItem.js) with `skip: $offset`. */
const GENERIC_ITEMS = /* GraphQL */ `
  query GenericItems($ids: [ID], $limit: Int, $offset: Int, $dataProvider: String, $categoryId: ID, $genericType: String) {
    genericItems(ids: $ids, limit: $limit, skip: $offset, dataProvider: $dataProvider, categoryId: $categoryId, genericType: $genericType) {
      id createdAt genericType title externalId
      companies { id name address { id addition street zip city geoLocation { id latitude longitude } } contact { id firstName lastName phone email webUrls { id url description } } }
      contacts { id firstName lastName phone email webUrls { id url description } }
      contentBlocks { id body mediaContents { id contentType sourceUrl { id url } captionText } }
      dataProvider { id logo { id url } name dataType }
      mediaContents { id captionText contentType copyright sourceUrl { id url } }
      dates { id dateEnd }
      publicationDate
      payload
    }
  }
`;

/** The app's detail query, plus every other field of GenericItem. */
const GENERIC_ITEM = /* GraphQL */ `
  query GenericItem($id: ID!) {
    genericItem(id: $id) {
      id createdAt updatedAt publishedAt publicationDate genericType title teaser description author externalId visible
      settings { displayOnlySummary }
      companies { id name address { id street zip city geoLocation { latitude longitude } } contact { id firstName lastName phone email webUrls { url description } } }
      contacts { id firstName lastName phone email webUrls { id url description } }
      contentBlocks { id body title mediaContents { id contentType sourceUrl { id url } captionText } }
      dataProvider { id logo { id url } name dataType }
      mediaContents { id captionText contentType copyright sourceUrl { id url } }
      dates { id dateEnd dateStart timeStart timeEnd timeDescription weekday useOnlyTimeDescription }
      openingHours { id weekday dateFrom dateTo timeFrom timeTo sortNumber open useYear description }
      priceInformations { id name category amount groupPrice ageFrom ageTo minAdultCount maxAdultCount minChildrenCount maxChildrenCount description }
      addresses { id street zip city addition kind geoLocation { latitude longitude } }
      locations { id name department district regionName state geoLocation { latitude longitude } }
      webUrls { id url description }
      accessibilityInformations { id description types urls { url } }
      categories { id name }
      genericItems { id title genericType }
      discountType { id originalPrice discountedPrice discountPercentage discountAmount }
      quota { id maxQuantity frequency maxPerPerson availableQuantity visibility availableQuantityForMember(memberId: 1) }
      genericItemMessages { id message visible }
      pushNotifications { title notificationPushableId }
      pointOfInterest { id }
      memberId
      payload
    }
  }
`;

const ORDERS = ['createdAt', 'updatedAt', 'publishedAt', 'publicationDate', 'id', 'title'];

type Row = Record<string, any> & { id: number; title: string | null; generic_type: string };

describe('genericItems and genericItem (queries)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let db: Kysely<any>;
  let rows: Row[];

  const list = async (args: string, token: string | undefined = app, host = BB) => {
    const res = await p.gql(host, `{ genericItems${args ? `(${args})` : ''} { id title genericType } }`, {}, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.genericItems as Array<{ id: string; title: string; genericType: string }>;
  };
  const byTitle = (title: string) => {
    const r = rows.find((x) => x.title === title);
    assert.ok(r, `seed item "${title}" missing`);
    return r;
  };
  const publicRows = () => rows.filter((r) => r.visible && r.released);

  before(async () => {
    p = await startTestPlatform();
    [app, admin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin'].map((c) => p.token(c)));
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    rows = (await db.selectFrom('generic_items').selectAll().orderBy('id').execute()) as Row[];
  });
  after(() => p.close());

  it('seeds Bad Belzig with items of every type the app uses, some with children, one scheduled', () => {
    const types = new Set(rows.map((r) => r.generic_type));
    for (const t of ['Job', 'Offer', 'Deadline', 'ConstructionSite', 'Noticeboard', 'DefectReport', 'Voucher', 'ParticipationProject']) assert.ok(types.has(t), `no ${t}`);
    assert.ok(rows.filter((r) => r.generic_type === 'Job').length >= 3);
    assert.ok(rows.some((r) => r.parent_id !== null));
    assert.ok(rows.some((r) => !r.released));
  });

  it('lists construction sites as the app asks, with payload, locations, dates and categories', async () => {
    const res = await p.gql(BB, CONSTRUCTION_SITES, {}, app);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const sites = res.body.data.constructionSites;
    const expected = publicRows().filter((r) => r.generic_type === 'ConstructionSite');
    assert.equal(sites.length, expected.length);
    const water = sites.find((s: any) => s.title === 'Erneuerung der Trinkwasserleitung in der Brandenburger Straße');
    assert.equal(water.payload.cause, 'Erneuerung der Trinkwasserleitung und der Hausanschlüsse durch den Wasserverband');
    assert.equal(water.payload.restrictions[0].description, 'Vollsperrung für den Fahrzeugverkehr');
    assert.equal(water.locations[0].name, 'Brandenburger Straße');
    assert.deepEqual(water.locations[0].geoLocation, { latitude: 52.1413, longitude: 12.5984 });
    assert.match(water.dates[0].dateStart, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(water.dates[0].timeStart, '07:00');
    assert.equal(water.dataProvider.name, 'Stadtverwaltung Bad Belzig');
    assert.deepEqual(water.categories.map((c: any) => c.name), ['Baustellen & Sperrungen', 'Vollsperrung']);
    assert.equal(water.mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/baustelle.jpg');
    // a site without times gets empty strings, not null
    const k = sites.find((s: any) => s.title.startsWith('Deckenerneuerung'));
    assert.equal(k.dates[0].timeStart, '');
    assert.equal(k.dates[0].timeDescription, null);
  });

  it('shows a job with companies and contacts as the app\'s detail screen needs', async () => {
    const job = byTitle('Mitarbeiter/in (m/w/d) im Bauhof');
    const res = await p.gql(BB, GENERIC_ITEM, { id: String(job.id) }, app);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const g = res.body.data.genericItem;
    assert.equal(g.genericType, 'Job');
    assert.equal(g.externalId, 'bb-job-2025-bauhof');
    assert.equal(g.teaser.startsWith('Die Stadt Bad Belzig sucht'), true);
    assert.equal(g.companies[0].name, 'Stadt Bad Belzig – Bauhof');
    assert.equal(g.companies[0].address.street, 'Weitzgrunder Straße 40');
    assert.deepEqual(g.companies[0].address.geoLocation, { latitude: 52.1352, longitude: 12.6041 });
    assert.equal(g.companies[0].contact.email, 'bauhof@bad-belzig.example.org');
    assert.equal(g.contacts[0].lastName, 'Schütte');
    assert.equal(g.contacts[0].webUrls[0].url, 'https://www.bad-belzig.example.org/rathaus/stellenangebote');
    assert.equal(g.contentBlocks[0].title, 'Ihre Aufgaben');
    assert.match(g.contentBlocks[0].body, /^<ul><li>Pflege/);
    assert.equal(g.priceInformations[0].name, 'Vergütung');
    assert.equal(g.dates[0].timeDescription, 'Bewerbungsschluss');
    assert.equal(g.dates[0].useOnlyTimeDescription, 'false');
    assert.equal(g.dataProvider.logo.url, 'http://bad-belzig.localhost/media/demo/stadtverwaltung-bad-belzig.png');
    for (const f of ['createdAt', 'updatedAt', 'publishedAt', 'publicationDate']) assert.match(g[f], RUBY_TIMESTAMP, f);
    // declared but unbacked (reference §2.4, §7.4)
    assert.equal(g.settings, null);
    assert.equal(g.discountType, null);
    assert.equal(g.quota, null);
    assert.equal(g.pointOfInterest, null);
    assert.equal(g.memberId, null);
    assert.deepEqual(g.genericItemMessages, []);
    assert.deepEqual(g.pushNotifications, []);
    assert.deepEqual(g.genericItems, []);
    assert.deepEqual(g.accessibilityInformations, []);
  });

  it('shows offers with opening hours and prices, participation projects with their payload', async () => {
    const offer = (await p.gql(BB, GENERIC_ITEM, { id: String(byTitle('Feierabend-Tarif in der SteinTherme').id) }, app)).body.data.genericItem;
    assert.equal(offer.openingHours.length, 4);
    assert.deepEqual(
      { weekday: offer.openingHours[0].weekday, timeFrom: offer.openingHours[0].timeFrom, timeTo: offer.openingHours[0].timeTo, dateFrom: offer.openingHours[0].dateFrom, open: offer.openingHours[0].open, sortNumber: offer.openingHours[0].sortNumber },
      { weekday: 'Montag', timeFrom: '19:00', timeTo: '22:00', dateFrom: '', open: true, sortNumber: 1 },
    );
    assert.equal(offer.priceInformations[0].amount, 11.5);
    const family = (await p.gql(BB, GENERIC_ITEM, { id: String(byTitle('Familienführung auf Burg Eisenhardt – Kinder bis 12 Jahre frei').id) }, app)).body.data.genericItem;
    assert.deepEqual(family.priceInformations.map((x: any) => x.amount), [6.5, 0, 14]);
    assert.equal(family.priceInformations[2].groupPrice, true);
    assert.equal(family.addresses[0].kind, 'default');

    const project = (await p.gql(BB, GENERIC_ITEM, { id: String(byTitle('Zukunft Marktplatz: Wie soll die Altstadtmitte aussehen?').id) }, app)).body.data.genericItem;
    for (const key of ['type', 'theme', 'status', 'statusColor', 'tags', 'organizer', 'contact', 'email', 'phone', 'capacity', 'registrationRequired', 'startTime', 'endTime', 'itemIndex', 'instance', 'statistics', 'location']) {
      assert.ok(key in project.payload, `payload.${key}`);
    }
    assert.match(project.payload.startTime, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(project.description.startsWith('Mehr Grün'));
    assert.deepEqual(project.genericItems.map((c: any) => c.title), ['1. Bürgerwerkstatt: Ideen sammeln', '2. Bürgerwerkstatt: Entwürfe bewerten']);
    assert.equal(project.locations[0].regionName, null);
  });

  it('resolves pointOfInterest when an item is linked to a place (vouchers of a shop), hiding hidden places', async () => {
    const voucher = byTitle('Burgcafé: Stück Kuchen gratis zum Kaffee');
    const poi = (await db.selectFrom('points_of_interest').select(['id', 'name']).where('visible', '=', true).orderBy('id').executeTakeFirstOrThrow()) as { id: number; name: string };
    await db.updateTable('generic_items').set({ point_of_interest_id: poi.id }).where('id', '=', voucher.id).execute();
    const linked = await p.gql(BB, `query($id: ID!) { genericItem(id: $id) { id pointOfInterest { id name } } }`, { id: String(voucher.id) }, admin);
    assert.deepEqual(linked.body.data.genericItem.pointOfInterest, { id: String(poi.id), name: poi.name });
    await db.updateTable('points_of_interest').set({ visible: false }).where('id', '=', poi.id).execute();
    const hidden = await p.gql(BB, `query LinkedHidden($id: ID!) { genericItem(id: $id) { pointOfInterest { id } } }`, { id: String(voucher.id) }, app);
    assert.equal(hidden.body.data.genericItem.pointOfInterest, null);
    await db.updateTable('points_of_interest').set({ visible: true }).where('id', '=', poi.id).execute();
    await db.updateTable('generic_items').set({ point_of_interest_id: null }).where('id', '=', voucher.id).execute();
  });

  it('lists parents and children alike', async () => {
    const parent = byTitle('Neubau des Radwegs nach Lübnitz');
    const children = rows.filter((r) => r.parent_id === parent.id);
    assert.equal(children.length, 2);
    const ids = (await list('genericType: "ConstructionSite"')).map((g) => Number(g.id));
    assert.ok(ids.includes(parent.id));
    for (const c of children) assert.ok(ids.includes(c.id));
    const res = await p.gql(BB, `query($ids: [ID]) { genericItems(ids: $ids) { id genericItems { id title genericItems { id } } } }`, { ids: [String(parent.id)] }, app);
    assert.deepEqual(res.body.data.genericItems[0].genericItems.map((c: any) => Number(c.id)), children.map((c) => c.id));
    assert.deepEqual(res.body.data.genericItems[0].genericItems[0].genericItems, []);
  });

  it('filters by genericType (ignoring case), externalId, data provider and ids', async () => {
    const jobs = publicRows().filter((r) => r.generic_type === 'Job');
    assert.deepEqual((await list('genericType: "Job"')).map((g) => Number(g.id)).sort(), jobs.map((r) => r.id).sort());
    assert.equal((await list('genericType: "job"')).length, jobs.length);
    assert.deepEqual(await list('genericType: "Unbekannt"'), []);
    assert.ok((await list('genericType: "Job"')).every((g) => g.genericType === 'Job'));

    const ext = await list('externalId: "bb-offer-therme-abendtarif"');
    assert.deepEqual(ext.map((g) => g.title), ['Feierabend-Tarif in der SteinTherme']);
    assert.deepEqual(await list('externalId: "gibt-es-nicht"'), []);

    const provider = (await db.selectFrom('data_providers').select(['id', 'name']).where('name', '=', 'Tourist-Information & Kurverwaltung Bad Belzig').executeTakeFirstOrThrow()) as { id: number; name: string };
    const ofProvider = publicRows().filter((r) => r.data_provider_id === provider.id).map((r) => r.id).sort();
    assert.ok(ofProvider.length >= 3);
    assert.deepEqual((await list(`dataProviderId: ${provider.id}`)).map((g) => Number(g.id)).sort(), ofProvider);
    assert.deepEqual((await list('dataProvider: "tourist-information & kurverwaltung bad belzig"')).map((g) => Number(g.id)).sort(), ofProvider);
    assert.deepEqual(await list('dataProvider: "Niemand"'), []);

    const two = publicRows().slice(0, 2).map((r) => String(r.id));
    const got = await p.gql(BB, `query($ids: [ID]) { genericItems(ids: $ids) { id } }`, { ids: [...two, null, 'abc', '999999'] }, app);
    assert.deepEqual(got.body.data.genericItems.map((g: any) => g.id).sort(), [...two].sort());
    assert.deepEqual((await p.gql(BB, `{ genericItems(ids: []) { id } }`, {}, app)).body.data.genericItems, []);
  });

  it('filters by location name or address city, ignoring case', async () => {
    const byLocation = await list('location: "brandenburger straße"');
    assert.deepEqual(byLocation.map((g) => g.title), ['Erneuerung der Trinkwasserleitung in der Brandenburger Straße']);
    const inLuebnitz = await list('location: "Bad Belzig OT Lübnitz"');
    assert.deepEqual(inLuebnitz, []); // a company's address is not the item's
    const cityItems = publicRows().filter((r) => (r.addresses as any[]).some((a) => a.city === 'Bad Belzig') || (r.locations as any[]).some((l) => l.name === 'Bad Belzig'));
    assert.ok(cityItems.length >= 5);
    assert.deepEqual((await list('location: "Bad Belzig"')).map((g) => Number(g.id)).sort(), cityItems.map((r) => r.id).sort());
  });

  it('filters by category (categoryId, categoryIds) without duplicates', async () => {
    const parentCat = (await db.selectFrom('categories').select('id').where('name', '=', 'Baustellen & Sperrungen').executeTakeFirstOrThrow()).id;
    const full = (await db.selectFrom('categories').select('id').where('name', '=', 'Vollsperrung').executeTakeFirstOrThrow()).id;
    const inParent = await list(`categoryId: ${parentCat}`);
    assert.equal(inParent.length, 4);
    const both = await list(`categoryIds: [${parentCat}, ${full}]`);
    assert.equal(both.length, 4, 'an item in both categories is listed once');
    assert.equal((await list(`categoryId: ${full}`)).length, 2);
    assert.deepEqual(await list('categoryIds: []'), []);
  });

  it('accepts currentMember and memberId (no citizen members yet: nothing is theirs)', async () => {
    assert.deepEqual(await list('genericType: "Noticeboard", currentMember: true'), []);
    assert.deepEqual(await list('genericType: "Noticeboard", memberId: 5'), []);
    assert.equal((await list('genericType: "Noticeboard", currentMember: false')).length, publicRows().filter((r) => r.generic_type === 'Noticeboard').length);
  });

  const fold = (t: string) => t.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
  for (const field of ORDERS) {
    for (const dir of ['ASC', 'DESC'] as const) {
      it(`orders by ${field}_${dir}`, async () => {
        const got = await list(`order: ${field}_${dir}`);
        const sign = dir === 'ASC' ? 1 : -1;
        if (field === 'title') {
          // German order, case and umlauts folded; compared by initial letter, which every collation agrees on.
          const initials = got.map((g) => fold(g.title)[0]);
          const sorted = [...initials].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * sign);
          assert.deepEqual(initials, sorted);
          assert.equal(got.length, publicRows().length);
          assert.equal(fold(got[dir === 'ASC' ? got.length - 1 : 0].title)[0], 'z');
          return;
        }
        const key: Record<string, (r: Row) => number | null> = {
          createdAt: (r) => new Date(r.created_at).getTime(),
          updatedAt: (r) => new Date(r.updated_at).getTime(),
          publishedAt: (r) => new Date(r.published_at).getTime(),
          publicationDate: (r) => (r.publication_date ? new Date(r.publication_date).getTime() : null),
          id: (r) => r.id,
        };
        const expected = [...publicRows()].sort((a, b) => {
          const [x, y] = [key[field](a), key[field](b)];
          if (x !== y) {
            if (x === null) return -sign; // MySQL: missing values first ascending, last descending
            if (y === null) return sign;
            return (x < y ? -1 : 1) * sign;
          }
          return (a.id - b.id) * sign;
        });
        assert.deepEqual(got.map((g) => Number(g.id)), expected.map((r) => r.id));
      });
    }
  }

  it('orders newest first by default, and pages with limit and skip', async () => {
    const all = await list('');
    assert.deepEqual(all.map((g) => g.id), (await list('order: createdAt_DESC')).map((g) => g.id));
    const page = await p.gql(BB, GENERIC_ITEMS, { limit: 3, offset: 2 }, app);
    assert.deepEqual(page.body.data.genericItems.map((g: any) => g.id), all.slice(2, 5).map((g) => g.id));
    const count = await p.gql(BB, `{ genericItemsCount(genericType: "Job") }`, {}, app);
    assert.equal(count.body.data.genericItemsCount, publicRows().filter((r) => r.generic_type === 'Job').length);
    const bad = await p.gql(BB, `{ genericItems(limit: 5000) { id } }`, {}, app);
    assert.match(bad.body.errors[0].message, /limit must be between 0 and 1000/);
  });

  it('keeps a scheduled item out of lists and detail until its time (admins see it)', async () => {
    const scheduled = byTitle('Sachbearbeiter/in Bauleitplanung (m/w/d)');
    assert.equal(scheduled.released, false);
    assert.ok(!(await list('genericType: "Job"')).some((g) => Number(g.id) === scheduled.id));
    assert.equal((await p.gql(BB, GENERIC_ITEM, { id: String(scheduled.id) }, app)).body.data.genericItem, null);
    assert.ok((await list('genericType: "Job"', admin)).some((g) => Number(g.id) === scheduled.id));
  });

  it('answers unknown, malformed and other-municipality ids of genericItem with null', async () => {
    for (const id of ['999999', '0', '-3', 'abc', '1.5']) {
      const res = await p.gql(BB, GENERIC_ITEM, { id }, app);
      assert.equal(res.status, 200);
      assert.equal(res.body.errors, undefined);
      assert.equal(res.body.data.genericItem, null, id);
    }
    const bbItem = publicRows()[0];
    assert.equal((await p.gql(WB, GENERIC_ITEM, { id: String(bbItem.id) })).body.data.genericItem, null);
  });

  it('keeps municipalities apart', async () => {
    const wb = await list('', undefined, WB);
    assert.ok(wb.length >= 5);
    const bbIds = new Set(rows.map((r) => r.id));
    assert.ok(wb.every((g) => !bbIds.has(Number(g.id))));
    assert.ok(wb.some((g) => g.title === 'Pflasterarbeiten in der Schloßstraße'));
    assert.deepEqual(await list('externalId: "bb-job-2025-bauhof"', undefined, WB), []);
  });

  it('keeps a German full-text search vector of title, teaser, description and content blocks (search contract)', async () => {
    const hits = async (word: string) =>
      (
        await db
          .selectFrom('generic_items')
          .select('title')
          .where(sql<boolean>`search_vector @@ to_tsquery('german', ${word})`)
          .orderBy('id')
          .execute()
      ).map((r: { title: string }) => r.title);
    assert.ok((await hits('Trinkwasserleitungen')).includes('Erneuerung der Trinkwasserleitung in der Brandenburger Straße'), 'title, stemmed');
    assert.deepEqual(await hits('Rettungsschwimmabzeichen'), ['Rettungsschwimmer/in (m/w/d) in der SteinTherme'], 'content block body');
    assert.deepEqual(await hits('Aufenthaltsqualität'), [], 'payload is not indexed');
    assert.ok((await hits('Wochenmarkt')).includes('Zukunft Marktplatz: Wie soll die Altstadtmitte aussehen?'), 'description');
  });

  it('counts and lists published items per category in SQL, optionally by location', async () => {
    const res = await p.gql(
      BB,
      `{ categories(tagList: ["generic_item_construction_site", "generic_item_job"]) { id name tagList genericItemsCount genericItems { id title }
         here: genericItemsCount(location: "Brandenburger Straße") hereItems: genericItems(location: "brandenburger straße") { title } } }`,
      {},
      app,
    );
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const cats = res.body.data.categories as any[];
    const counts = await db
      .selectFrom('generic_item_categories as l')
      .innerJoin('generic_items as g', 'g.id', 'l.generic_item_id')
      .select(['l.category_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('g.visible', '=', true)
      .where('g.released', '=', true)
      .groupBy('l.category_id')
      .execute();
    const expected = new Map(counts.map((c: any) => [String(c.category_id), Number(c.n)]));
    assert.ok(cats.length >= 6);
    for (const c of cats) {
      assert.equal(c.genericItemsCount, expected.get(c.id) ?? 0, c.name);
      assert.equal(c.genericItems.length, c.genericItemsCount, c.name);
    }
    const sites = cats.find((c) => c.name === 'Baustellen & Sperrungen');
    assert.equal(sites.tagList, 'generic_item_construction_site,news_item');
    assert.equal(sites.here, 1);
    assert.deepEqual(sites.hereItems.map((g: any) => g.title), ['Erneuerung der Trinkwasserleitung in der Brandenburger Straße']);
    const jobs = cats.find((c) => c.name === 'Stellenanzeigen');
    // the scheduled job is not counted yet
    assert.equal(jobs.genericItemsCount, publicRows().filter((r) => r.generic_type === 'Job').length);
    assert.equal(jobs.here, 0);
  });
});
