import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

const ITEM_VARS = `
  $forceCreate: Boolean, $pushNotification: Boolean, $author: String, $title: String, $teaser: String, $description: String,
  $genericType: String, $externalId: String, $publicationDate: String, $publishedAt: String, $categoryName: String,
  $payload: JSON, $contacts: [ContactInput!], $genericItems: [GenericItemInput!], $companies: [OperatingCompanyInput!],
  $categories: [CategoryInput!], $webUrls: [WebUrlInput!], $addresses: [AddressInput!], $contentBlocks: [ContentBlockInput!],
  $openingHours: [OpeningHourInput!], $priceInformations: [PriceInput!], $mediaContents: [MediaContentInput!],
  $locations: [LocationInput!], $dates: [DateInput!], $accessibilityInformations: [AccessibilityInformationInput!]`;
const ITEM_ARGS = `
  forceCreate: $forceCreate, pushNotification: $pushNotification, author: $author, title: $title, teaser: $teaser,
  description: $description, genericType: $genericType, externalId: $externalId, publicationDate: $publicationDate,
  publishedAt: $publishedAt, categoryName: $categoryName, payload: $payload, contacts: $contacts, genericItems: $genericItems,
  companies: $companies, categories: $categories, webUrls: $webUrls, addresses: $addresses, contentBlocks: $contentBlocks,
  openingHours: $openingHours, priceInformations: $priceInformations, mediaContents: $mediaContents, locations: $locations,
  dates: $dates, accessibilityInformations: $accessibilityInformations`;
const ITEM_FIELDS = `
  id title teaser description author genericType externalId publicationDate publishedAt visible payload createdAt updatedAt
  categories { name }
  dataProvider { name }
  contacts { id firstName lastName phone fax email webUrls { url description } }
  companies { id name address { street zip city geoLocation { latitude longitude } } contact { email } }
  webUrls { id url description }
  addresses { id street zip city kind geoLocation { latitude longitude } }
  contentBlocks { id title intro body mediaContents { id contentType sourceUrl { url } } }
  openingHours { id weekday dateFrom dateTo timeFrom timeTo sortNumber open useYear description }
  priceInformations { id name category amount groupPrice ageFrom ageTo description }
  mediaContents { id contentType captionText copyright width height sourceUrl { url } }
  locations { id name department district regionName state geoLocation { latitude longitude } }
  dates { id weekday dateStart dateEnd timeStart timeEnd timeDescription useOnlyTimeDescription }
  accessibilityInformations { id description types urls { url description } }`;

/** createGenericItem as importers and the CMS send it: every argument as a variable. */
const CREATE = /* GraphQL */ `
  mutation CreateGenericItem($id: ID, ${ITEM_VARS}) {
    createGenericItem(id: $id, ${ITEM_ARGS}) {
      ${ITEM_FIELDS}
      genericItems { id title externalId genericType genericItems { id title genericItems { id } } }
    }
  }
`;

/** What the app sends for a noticeboard entry (src/queries/genericItem.js). */
const APP_CREATE = /* GraphQL */ `
  mutation createGenericItem($categoryName: String, $contacts: [ContactInput!], $contentBlocks: [ContentBlockInput!], $dates: [DateInput!], $genericType: String, $publishedAt: String, $title: String) {
    createGenericItem(categoryName: $categoryName, contacts: $contacts, contentBlocks: $contentBlocks, dates: $dates, genericType: $genericType, publishedAt: $publishedAt, title: $title) {
      contacts { firstName email } genericType id title categories { id name } contentBlocks { body title } dates { dateEnd dateStart }
    }
  }
`;

const DESTROY = `mutation($id: ID, $externalId: String) { destroyRecord(id: $id, externalId: $externalId, recordType: "GenericItem") { id status statusCode } }`;
const VISIBILITY = `mutation($id: ID!, $visible: Boolean!) { changeVisibility(id: $id, recordType: "GenericItem", visible: $visible) { id status statusCode } }`;
const LIST_IDS = `query($ids: [ID]) { genericItems(ids: $ids) { id visible } }`;

describe('createGenericItem, destroyRecord, changeVisibility (mutations)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let readOnly: string;
  let wbAdmin: string;
  let db: Kysely<any>;
  let wbDb: Kysely<any>;

  const count = async (on: Kysely<any> = db): Promise<number> =>
    Number((await on.selectFrom('generic_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rowOf = async (id: string | number) => db.selectFrom('generic_items').selectAll().where('id', '=', Number(id)).executeTakeFirstOrThrow();

  async function create(vars: Record<string, unknown>, token = importer, host = BB): Promise<any> {
    const res = await p.gql(host, CREATE, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createGenericItem;
  }

  async function createFails(vars: Record<string, unknown>, token: string | null = importer, host = BB): Promise<{ message: string; extensions: { code: string } }> {
    const res = await p.gql(host, CREATE, vars, token ?? undefined);
    assert.equal(res.status, 200);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    assert.equal(res.body.data, null);
    return res.body.errors[0];
  }

  const listedFor = async (token: string | undefined, id: string) => (await p.gql(BB, LIST_IDS, { ids: [id] }, token)).body.data.genericItems.length === 1;

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

  describe('permissions', () => {
    it('refuses anonymous, app and read-only callers and writes nothing', async () => {
      const before = await count();
      assert.equal((await createFails({ genericType: 'Job', title: 'Anonym' }, null)).extensions.code, 'UNAUTHENTICATED');
      // The app's token may file only citizens' submissions (citizen-submissions.ts), never a job.
      for (const [token, genericType] of [[app, 'Job'], [readOnly, 'Noticeboard']] as const) {
        const err = await createFails({ genericType, title: 'Darf nicht', forceCreate: true }, token);
        assert.equal(err.message, 'Access not permitted!');
        assert.equal(err.extensions.code, 'FORBIDDEN');
      }
      assert.equal(await count(), before);
    });

    it('refuses a Bad Belzig token on the Wiesenburg host', async () => {
      const before = await count(wbDb);
      const err = await createFails({ genericType: 'Job', title: 'Falscher Ort', forceCreate: true }, importer, WB);
      assert.equal(err.extensions.code, 'UNAUTHENTICATED');
      assert.equal(await count(wbDb), before);
    });

    it('lets a data provider update only its own items, and keeps its imports apart from other providers\'', async () => {
      const adminItem = await create({ genericType: 'Offer', title: 'Angebot der Redaktion', externalId: 'perm-shared-key' }, admin);
      const err = await createFails({ id: adminItem.id, genericType: 'Offer', title: 'Übernommen' }, importer);
      assert.equal(err.message, 'Access not permitted!');
      assert.equal((await rowOf(adminItem.id)).title, 'Angebot der Redaktion');
      // the same externalId from another provider is another item
      const own = await create({ genericType: 'Offer', title: 'Angebot des Importeurs', externalId: 'perm-shared-key' }, importer);
      assert.notEqual(own.id, adminItem.id);
      // admins may update anybody's
      const updated = await create({ id: own.id, genericType: 'Offer', title: 'Von der Redaktion korrigiert' }, admin);
      assert.equal(updated.id, own.id);
      assert.equal(updated.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      const del = await p.gql(BB, DESTROY, { id: adminItem.id }, importer);
      assert.deepEqual(del.body.data.destroyRecord, { id: Number(adminItem.id), status: 'Access not permitted!', statusCode: 403 });
    });
  });

  describe('create and upsert', () => {
    const full = {
      genericType: 'Job',
      externalId: 'gi-full-1',
      title: 'Hausmeister/in (m/w/d) für die Grundschule',
      teaser: 'Teilzeit, 25 Stunden',
      description: 'Die Stadt sucht eine Hausmeisterin oder einen Hausmeister.',
      author: 'Personalamt',
      publicationDate: '01.05.2024',
      publishedAt: '2024-05-01 10:00:00',
      categoryName: 'Stellenanzeigen',
      categories: [{ name: 'Öffentlicher Dienst' }, { name: 'Dorfplatz Testkategorie GI' }],
      payload: { salaryGroup: 'E5', remote: false },
      pushNotification: true,
      contacts: [{ firstName: 'Daniela', lastName: 'Schütte', phone: '033841 099-140', fax: '033841 099-141', email: 'bewerbung@bad-belzig.example.org', webUrls: [{ url: 'https://www.bad-belzig.example.org/jobs', description: 'Stellen' }] }],
      companies: [{ name: 'Fläming-Grundschule', address: { street: 'Schulstraße 2', zip: '14806', city: 'Bad Belzig', geoLocation: { latitude: '52.14', longitude: '12,59' } }, contact: { email: 'schule@bad-belzig.example.org' } }],
      webUrls: [{ url: 'https://www.bad-belzig.example.org/jobs/hausmeister', description: 'Ausschreibung' }, { url: '  ' }],
      addresses: [{ street: 'Schulstraße 2', zip: '14806', city: 'Bad Belzig', geoLocation: { latitude: 52.14, longitude: 12.59 } }],
      contentBlocks: [{ title: 'Aufgaben', intro: 'Kurz', body: '<p>Pflege <script>alert(1)</script>des Gebäudes</p>', mediaContents: [{ contentType: 'image', sourceUrl: { url: '/media/demo/schule.jpg' } }] }],
      openingHours: [{ weekday: 'Montag', dateFrom: '2024-05-01', dateTo: '31.12.2024', timeFrom: '7:30', timeTo: '12:00:00', sortNumber: 1, open: true, useYear: false, description: 'Dienstzeit' }],
      priceInformations: [{ name: 'Vergütung', category: 'Gehalt', amount: 2900.5, groupPrice: false, ageFrom: 18, description: 'brutto' }],
      mediaContents: [{ contentType: 'image', captionText: 'Schule', copyright: 'Stadt', width: '800', height: 600, sourceUrl: { url: 'https://example.org/schule.jpg' } }],
      locations: [{ name: 'Fläming-Grundschule', department: 'Schulamt', district: 'Bad Belzig', regionName: 'Hoher Fläming', state: 'Brandenburg', geoLocation: { latitude: 52.14, longitude: 12.59 } }],
      dates: [{ weekday: 'Mo', dateStart: '2024-05-01', dateEnd: '2024-05-31', timeStart: '08:00', timeEnd: '16:00', timeDescription: 'Bewerbungszeitraum', useOnlyTimeDescription: true }],
      accessibilityInformations: [{ description: 'Rollstuhlgerecht', types: 'wheelchair', urls: [{ url: 'https://example.org/barrierefrei' }] }],
    };

    it('creates an item with every kind of sub-resource, categories by name, and records pushNotification', async () => {
      const g = await create(full);
      assert.match(g.id, /^\d+$/);
      assert.equal(g.genericType, 'Job');
      assert.equal(g.teaser, 'Teilzeit, 25 Stunden');
      assert.equal(g.description, 'Die Stadt sucht eine Hausmeisterin oder einen Hausmeister.');
      assert.equal(g.publishedAt, '2024-05-01 10:00:00 +0200');
      assert.equal(g.publicationDate, '2024-05-01 00:00:00 +0200');
      assert.match(g.createdAt, RUBY_TIMESTAMP);
      assert.equal(g.visible, true);
      assert.deepEqual(g.payload, { salaryGroup: 'E5', remote: false });
      assert.equal(g.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      assert.deepEqual(g.categories.map((c: any) => c.name).sort(), ['Dorfplatz Testkategorie GI', 'Öffentlicher Dienst', 'Stellenanzeigen'].sort());
      assert.equal(g.contacts[0].fax, '033841 099-141');
      assert.equal(g.contacts[0].webUrls[0].url, 'https://www.bad-belzig.example.org/jobs');
      assert.deepEqual(g.companies[0].address.geoLocation, { latitude: 52.14, longitude: 12.59 });
      assert.equal(g.webUrls.length, 1, 'blank URLs are dropped');
      assert.equal(g.addresses[0].kind, 'default');
      assert.equal(g.contentBlocks[0].body, '<p>Pflege des Gebäudes</p>');
      assert.equal(g.contentBlocks[0].mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/schule.jpg');
      const { id: ohId, ...oh } = g.openingHours[0];
      assert.ok(ohId);
      assert.deepEqual(oh, { weekday: 'Montag', dateFrom: '2024-05-01', dateTo: '2024-12-31', timeFrom: '07:30', timeTo: '12:00', sortNumber: 1, open: true, useYear: false, description: 'Dienstzeit' });
      assert.equal(g.priceInformations[0].amount, 2900.5);
      assert.equal(g.mediaContents[0].width, 800);
      assert.equal(g.locations[0].district, 'Bad Belzig');
      assert.equal(g.locations[0].regionName, null, 'write-only as in the mainserver');
      const { id: dId, ...d } = g.dates[0];
      assert.ok(dId);
      assert.deepEqual(d, { weekday: 'Mo', dateStart: '2024-05-01', dateEnd: '2024-05-31', timeStart: '08:00', timeEnd: '16:00', timeDescription: 'Bewerbungszeitraum', useOnlyTimeDescription: 'true' });
      assert.equal(g.accessibilityInformations[0].urls[0].url, 'https://example.org/barrierefrei');
      const ids = [g.contacts[0].id, g.companies[0].id, g.webUrls[0].id, g.addresses[0].id, g.contentBlocks[0].id, g.openingHours[0].id, g.priceInformations[0].id, g.mediaContents[0].id, g.locations[0].id, g.dates[0].id, g.accessibilityInformations[0].id];
      assert.equal(new Set(ids).size, ids.length, 'sub-resources get distinct ids');
      const row = await rowOf(g.id);
      assert.equal(row.push_notification, true);
      assert.deepEqual(row.place_names, ['fläming-grundschule', 'bad belzig']);
      // the new category is listed, and the item is found through it and by location
      const cat = await p.gql(BB, `{ categories(tagList: []) { name genericItemsCount } genericItems(location: "FLÄMING-GRUNDSCHULE") { id } }`, {}, app);
      assert.equal(cat.body.data.categories.find((c: any) => c.name === 'Dorfplatz Testkategorie GI').genericItemsCount, 1);
      assert.deepEqual(cat.body.data.genericItems.map((x: any) => x.id), [g.id]);
    });

    it('re-sending an unchanged item only touches it; a changed one replaces its nested data in place', async () => {
      const first = await rowOf((await create({ ...full, externalId: 'gi-upsert-1' })).id);
      const again = await create({ ...full, externalId: 'gi-upsert-1' });
      assert.equal(Number(again.id), first.id);
      const touched = await rowOf(again.id);
      assert.equal(new Date(touched.updated_at).getTime(), new Date(first.updated_at).getTime());
      assert.ok(new Date(touched.import_touched_at).getTime() >= new Date(first.import_touched_at).getTime());
      assert.deepEqual(touched.contacts, first.contacts, 'sub-resource ids stay when nothing changed');

      const before = await count();
      const changed = await create({ externalId: 'gi-upsert-1', genericType: 'Job', title: 'Geänderter Titel', categoryName: 'Stellenanzeigen', contacts: [{ firstName: 'Neu' }] });
      assert.equal(Number(changed.id), first.id);
      assert.equal(await count(), before);
      assert.equal(changed.title, 'Geänderter Titel');
      assert.deepEqual(changed.contacts.map((c: any) => c.firstName), ['Neu']);
      assert.deepEqual(changed.companies, [], 'omitted sub-resources disappear');
      assert.deepEqual(changed.dates, []);
      assert.deepEqual(changed.categories.map((c: any) => c.name), ['Stellenanzeigen']);
      assert.equal(changed.teaser, null);
    });

    it('without externalId, finds an earlier import by title and publishedAt; forceCreate always creates', async () => {
      const vars = { genericType: 'Deadline', title: 'Frist für Schöffenbewerbungen', publishedAt: '2024-03-01 08:00' };
      const a = await create(vars);
      const b = await create({ ...vars, payload: { changed: true } });
      assert.equal(b.id, a.id);
      assert.deepEqual(b.payload, { changed: true });
      const c = await create({ ...vars, publishedAt: '2024-03-02 08:00' });
      assert.notEqual(c.id, a.id);
      const d = await create({ ...vars, forceCreate: true });
      assert.notEqual(d.id, a.id);
      assert.notEqual(d.id, c.id);
    });

    it('updates by id with full replacement', async () => {
      const a = await create({ genericType: 'Offer', title: 'Alt', externalId: 'gi-by-id', dates: [{ dateStart: '2024-01-01' }] });
      const b = await create({ id: a.id, genericType: 'Offer', title: 'Neu' });
      assert.equal(b.id, a.id);
      assert.equal(b.title, 'Neu');
      assert.deepEqual(b.dates, []);
      assert.equal(b.externalId, null);
      const missing = await createFails({ id: '999999', genericType: 'Offer', title: 'x' });
      assert.equal(missing.extensions.code, 'NOT_FOUND');
    });

    it('creates children (and grandchildren) with a parent link, and upserts each of them on re-send', async () => {
      const tree = {
        genericType: 'ConstructionSite',
        externalId: 'gi-tree',
        title: 'Sanierung Straße der Einheit',
        genericItems: [
          { genericType: 'ConstructionSite', externalId: 'gi-tree-a', title: 'Abschnitt A', locations: [{ name: 'Straße der Einheit Nord' }], genericItems: [{ genericType: 'ConstructionSite', title: 'Teil A1', publishedAt: '2024-06-01' }] },
          { genericType: 'ConstructionSite', externalId: 'gi-tree-b', title: 'Abschnitt B' },
        ],
      };
      const before = await count();
      const root = await create(tree);
      assert.equal(await count(), before + 4);
      assert.deepEqual(root.genericItems.map((c: any) => c.title), ['Abschnitt A', 'Abschnitt B']);
      assert.deepEqual(root.genericItems[0].genericItems.map((c: any) => c.title), ['Teil A1']);
      const [a, b] = root.genericItems;
      assert.equal((await rowOf(a.id)).parent_id, Number(root.id));
      assert.equal((await rowOf(a.genericItems[0].id)).parent_id, Number(a.id));
      assert.equal((await rowOf(root.id)).parent_id, null);

      // lists return parents and children alike
      const listed = await p.gql(BB, `{ genericItems(location: "straße der einheit nord") { id title } }`, {}, app);
      assert.deepEqual(listed.body.data.genericItems.map((x: any) => x.id), [a.id]);

      // unchanged re-send: same ids, nothing new
      const again = await create(tree);
      assert.equal(again.id, root.id);
      assert.deepEqual(again.genericItems.map((c: any) => c.id), [a.id, b.id]);
      assert.equal(await count(), before + 4);

      // a changed child is updated in place, a new one added; children not sent stay (items of their own)
      const changed = await create({
        ...tree,
        genericItems: [{ ...tree.genericItems[0], title: 'Abschnitt A (verlängert)' }, { genericType: 'ConstructionSite', externalId: 'gi-tree-c', title: 'Abschnitt C' }],
      });
      assert.equal(changed.id, root.id);
      assert.equal(await count(), before + 5);
      assert.deepEqual(changed.genericItems.map((c: any) => c.title), ['Abschnitt A (verlängert)', 'Abschnitt B', 'Abschnitt C']);
      assert.equal(changed.genericItems[0].id, a.id);
      assert.equal(changed.genericItems[0].genericItems.length, 1);

      // destroying the root takes the whole tree with it
      const del = await p.gql(BB, DESTROY, { id: root.id }, importer);
      assert.deepEqual(del.body.data.destroyRecord, { id: Number(root.id), status: 'Record was successfully destroyed', statusCode: 200 });
      assert.equal(await count(), before);
    });

    it('accepts what the app sends for a noticeboard entry (with a content-writer token for now)', async () => {
      const res = await p.gql(
        BB,
        APP_CREATE,
        {
          categoryName: 'Biete',
          contacts: [{ email: 'anna@mail.example.org', firstName: 'Anna' }],
          contentBlocks: [{ title: 'Rasenmäher', body: 'Funktioniert, Abholung in Lübnitz.' }],
          dates: [{ dateStart: '2024-06-01', dateEnd: '2024-06-30' }],
          genericType: 'Noticeboard',
          publishedAt: '2024-06-01',
          title: 'Rasenmäher zu verschenken',
        },
        admin,
      );
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const g = res.body.data.createGenericItem;
      assert.equal(g.genericType, 'Noticeboard');
      assert.deepEqual(g.categories.map((c: any) => c.name), ['Biete']);
      assert.deepEqual(g.dates, [{ dateStart: '2024-06-01', dateEnd: '2024-06-30' }]);
      assert.deepEqual(g.contacts, [{ firstName: 'Anna', email: 'anna@mail.example.org' }]);
    });
  });

  describe('bad input', () => {
    it('requires a genericType on every item, with the path in the message', async () => {
      const before = await count();
      assert.equal((await createFails({ title: 'Ohne Typ', forceCreate: true })).message, 'Invalid input: genericType is required (e.g. "Job", "Offer", "Deadline", "ConstructionSite", "Noticeboard").');
      assert.match((await createFails({ genericType: '  ', title: 'Leer', forceCreate: true })).message, /genericType is required/);
      const child = await createFails({ genericType: 'Job', title: 'Eltern', forceCreate: true, genericItems: [{ genericType: 'Job', title: 'ok' }, { title: 'Kind ohne Typ' }] });
      assert.match(child.message, /^Invalid input: genericItems\[1\]\.genericType is required/);
      assert.equal(child.extensions.code, 'VALIDATION');
      assert.equal(await count(), before);
    });

    it('limits nesting to three levels and the number of children', async () => {
      const before = await count();
      const deep = await createFails({
        genericType: 'Job',
        title: '1',
        genericItems: [{ genericType: 'Job', title: '2', genericItems: [{ genericType: 'Job', title: '3', genericItems: [{ genericType: 'Job', title: '4' }] }] }],
      });
      assert.match(deep.message, /^Invalid input: genericItems\[0\]\.genericItems\[0\]\.genericItems\[0\] nests generic items too deeply \(at most 3 levels/);
      const many = await createFails({ genericType: 'Job', title: 'Viele', genericItems: Array.from({ length: 101 }, (_, i) => ({ genericType: 'Job', title: `Kind ${i}` })) });
      assert.equal(many.message, 'Invalid input: genericItems has more than 100 entries.');
      assert.equal(await count(), before);
    });

    it('rejects malformed dates, URLs, coordinates and sizes with clear messages', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ publishedAt: 'morgen' }, /publishedAt "morgen" is not a date/],
        [{ dates: [{ dateStart: '2024-02-30' }] }, /dates\[0\]\.dateStart "2024-02-30" is not a calendar date/],
        [{ dates: [{ dateStart: '2024-05-02', dateEnd: '2024-05-01' }] }, /ends \(2024-05-01\) before it starts/],
        [{ openingHours: [{ timeFrom: '25:00' }] }, /openingHours\[0\]\.timeFrom "25:00" is not a time/],
        [{ webUrls: [{ url: 'javascript:alert(1)' }] }, /must be an http\(s\) URL/],
        [{ addresses: [{ geoLocation: { latitude: 'x', longitude: 12 } }] }, /latitude must be a number/],
        [{ mediaContents: [{ sourceUrl: { url: 'https://example.org/a.jpg' } }] }, /mediaContents\[0\]\.contentType is required/],
        [{ companies: [{ address: { city: 'Bad Belzig' } }] }, /companies\[0\]\.name is required/],
        [{ priceInformations: [{ amount: -1 }] }, /amount must not be negative/],
        [{ genericType: 'x'.repeat(101) }, /genericType is longer than 100 characters/],
        [{ id: 'abc' }, /id must be a positive whole number/],
      ];
      const before = await count();
      for (const [vars, message] of cases) {
        const err = await createFails({ genericType: 'Job', title: 'Fehlerhaft', forceCreate: true, ...vars });
        assert.match(err.message, message);
        assert.match(err.message, /^Invalid input: /);
      }
      assert.equal(await count(), before);
    });

    it('leaves nothing behind when a nested item fails after its parent was written', async () => {
      const before = await count();
      const categoriesBefore = Number((await db.selectFrom('categories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const err = await createFails({
        genericType: 'ParticipationProject',
        title: 'Halb geschrieben',
        externalId: 'gi-half',
        categoryName: 'Neue Kategorie aus dem Elternteil',
        genericItems: [{ genericType: 'ParticipationProject', title: 'Kind', categoryName: 'x'.repeat(201) }],
      });
      assert.match(err.message, /category name is longer than 200 characters/);
      assert.equal(await count(), before);
      assert.equal(Number((await db.selectFrom('categories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), categoriesBefore);
      assert.equal(await db.selectFrom('generic_items').select('id').where('external_id', '=', 'gi-half').executeTakeFirst(), undefined);
    });

    it('refuses an item that matches another item of the same request', async () => {
      const before = await count();
      const err = await createFails({ genericType: 'Job', title: 'Eltern', externalId: 'gi-dup', genericItems: [{ genericType: 'Job', title: 'Kind', externalId: 'gi-dup' }] });
      assert.match(err.message, /^Invalid input: genericItems\[0\] matches another item of this request/);
      assert.equal(await count(), before);
    });
  });

  describe('visibility, scheduling, destroy', () => {
    it('changeVisibility hides an item from the app (the app hides its own entries so) and shows it again', async () => {
      const g = await create({ genericType: 'Noticeboard', title: 'Sichtbarkeit', forceCreate: true });
      assert.equal(await listedFor(app, g.id), true);
      const hide = await p.gql(BB, VISIBILITY, { id: g.id, visible: false }, importer);
      assert.deepEqual(hide.body.data.changeVisibility, { id: g.id, status: 'Visibility changed to false', statusCode: 200 });
      assert.equal(await listedFor(app, g.id), false);
      assert.equal(await listedFor(undefined, g.id), false);
      assert.equal((await p.gql(BB, `query($id: ID!) { genericItem(id: $id) { id } }`, { id: g.id }, app)).body.data.genericItem, null);
      assert.equal(await listedFor(importer, g.id), true, 'its provider still sees it');
      assert.equal(await listedFor(admin, g.id), true);
      const count = await p.gql(BB, `{ genericItemsCount(genericType: "Noticeboard") }`, {}, app);
      const hidden = await p.gql(BB, `{ genericItemsCount(genericType: "Noticeboard") }`, {}, admin);
      assert.equal(hidden.body.data.genericItemsCount, count.body.data.genericItemsCount + 1);
      const readOnlyTry = await p.gql(BB, VISIBILITY, { id: g.id, visible: true }, readOnly);
      assert.equal(readOnlyTry.body.errors[0].message, 'Access not permitted!');
      await p.gql(BB, VISIBILITY, { id: g.id, visible: true }, importer);
      assert.equal(await listedFor(app, g.id), true);
    });

    it('lists an item with a future publishedAt only when the release job has run', async () => {
      const inAnHour = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000).toISOString();
      const g = await create({ genericType: 'Deadline', title: 'Später', publishedAt: inAnHour, forceCreate: true });
      assert.equal(await listedFor(app, g.id), false);
      assert.equal(await listedFor(admin, g.id), true);
      const job = await p.database.system.selectFrom('jobs').selectAll().where('dedupe_key', '=', `generic-items.release:${g.id}`).executeTakeFirstOrThrow();
      assert.equal(new Date(job.run_at).toISOString(), inAnHour);
      // early run: requeued, still hidden
      await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('id', '=', job.id).execute();
      await p.jobs.runDue();
      assert.equal(await listedFor(app, g.id), false);
      // its time comes
      await db.updateTable('generic_items').set({ published_at: new Date(Date.now() - 1000) }).where('id', '=', Number(g.id)).execute();
      await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('dedupe_key', '=', `generic-items.release:${g.id}`).where('status', '=', 'queued').execute();
      await p.jobs.runDue();
      assert.equal(await listedFor(app, g.id), true);
    });

    it('destroyRecord by externalId, scoped to the caller\'s provider; unknown records give 404', async () => {
      const g = await create({ genericType: 'Offer', title: 'Weg damit', externalId: 'gi-destroy-ext' });
      const res = await p.gql(BB, DESTROY, { externalId: 'gi-destroy-ext' }, importer);
      assert.deepEqual(res.body.data.destroyRecord, { id: Number(g.id), status: 'Record was successfully destroyed', statusCode: 200 });
      assert.equal(await db.selectFrom('generic_items').select('id').where('id', '=', Number(g.id)).executeTakeFirst(), undefined);
      const again = await p.gql(BB, DESTROY, { id: g.id }, importer);
      assert.equal(again.body.data.destroyRecord.statusCode, 404);
      // a Wiesenburg admin cannot reach Bad Belzig items
      const other = await create({ genericType: 'Offer', title: 'Bleibt', forceCreate: true });
      const wb = await p.gql(WB, DESTROY, { id: other.id }, wbAdmin);
      assert.equal(wb.body.data.destroyRecord.statusCode, 404);
      assert.ok(await db.selectFrom('generic_items').select('id').where('id', '=', Number(other.id)).executeTakeFirst());
    });
  });
});
