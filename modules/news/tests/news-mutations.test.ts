import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** createNewsItem as importers send it: every argument as a variable. */
const CREATE = /* GraphQL */ `
  mutation CreateNewsItem(
    $id: ID, $forceCreate: Boolean, $pushNotification: Boolean, $author: String, $title: String, $externalId: String,
    $fullVersion: Boolean, $charactersToBeShown: Int, $newsType: String, $publicationDate: String, $publishedAt: String,
    $showPublishDate: Boolean, $categoryName: String, $payload: JSON, $categories: [CategoryInput!],
    $sourceUrl: WebUrlInput, $address: AddressInput, $contentBlocks: [ContentBlockInput!]
  ) {
    createNewsItem(
      id: $id, forceCreate: $forceCreate, pushNotification: $pushNotification, author: $author, title: $title,
      externalId: $externalId, fullVersion: $fullVersion, charactersToBeShown: $charactersToBeShown, newsType: $newsType,
      publicationDate: $publicationDate, publishedAt: $publishedAt, showPublishDate: $showPublishDate,
      categoryName: $categoryName, payload: $payload, categories: $categories, sourceUrl: $sourceUrl, address: $address,
      contentBlocks: $contentBlocks
    ) {
      id title externalId author fullVersion charactersToBeShown newsType publicationDate publishedAt showPublishDate
      visible payload createdAt updatedAt
      categories { id name }
      dataProvider { id name }
      sourceUrl { url description }
      address { id addition street zip city kind geoLocation { latitude longitude } }
      contentBlocks { id title intro body mediaContents { id contentType captionText copyright width height sourceUrl { url description } } }
    }
  }
`;

const DESTROY = `mutation($id: ID, $externalId: String, $recordType: String!) { destroyRecord(id: $id, externalId: $externalId, recordType: $recordType) { id status statusCode } }`;
const VISIBILITY = `mutation($id: ID!, $visible: Boolean!) { changeVisibility(id: $id, recordType: "NewsItem", visible: $visible) { id status statusCode } }`;
const LIST_IDS = `query($ids: [ID]) { newsItems(ids: $ids) { id visible } }`;
const COUNT = `{ newsItemsCount }`;
const DETAIL = `query($id: ID!) { newsItem(id: $id) { id title visible } }`;

describe('createNewsItem, destroyRecord, changeVisibility (mutations)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let readOnly: string;
  let wbAdmin: string;
  let db: Kysely<any>;
  let wbDb: Kysely<any>;
  let touristItemId: string;

  const count = async (on: Kysely<any> = db): Promise<number> =>
    Number((await on.selectFrom('news_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** createNewsItem that must succeed; returns the item. */
  async function create(vars: Record<string, unknown>, token = importer, host = BB): Promise<any> {
    const res = await p.gql(host, CREATE, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createNewsItem;
  }

  /** createNewsItem that must fail (token null: anonymous); returns the first error. */
  async function createFails(vars: Record<string, unknown>, token: string | null = importer, host = BB): Promise<{ message: string; extensions: { code: string } }> {
    const res = await p.gql(host, CREATE, vars, token ?? undefined);
    assert.equal(res.status, 200);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    assert.equal(res.body.data, null);
    return res.body.errors[0];
  }

  const listedFor = async (token: string, id: string) => (await p.gql(BB, LIST_IDS, { ids: [id] }, token)).body.data.newsItems.length === 1;

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbAdmin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-admin'].map((c) => p.token(c)));
    const bb = p.tenants.get('bad-belzig')!;
    db = p.database.forTenant(bb.id);
    wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);

    // A read-only account (mainserver role read_only): may read, never write.
    readOnly = await p.tokenWithRole('bad-belzig', 'read_only');

    const tourist = await db.selectFrom('news_items').select('id').where('title', '=', 'Sommerkonzerte im Burghof').executeTakeFirstOrThrow();
    touristItemId = String(tourist.id);
  });
  after(() => p.close());

  describe('permissions', () => {
    it('refuses anonymous callers with UNAUTHENTICATED', async () => {
      const before = await count();
      const err = await createFails({ externalId: 'anon-1', title: 'Anonym' }, null);
      assert.equal(err.extensions.code, 'UNAUTHENTICATED');
      assert.equal(await count(), before);
    });

    it('refuses app and read-only tokens with "Access not permitted!"', async () => {
      const before = await count();
      for (const token of [app, readOnly]) {
        const err = await createFails({ externalId: 'forbidden-1', title: 'Darf nicht' }, token);
        assert.equal(err.message, 'Access not permitted!');
        assert.equal(err.extensions.code, 'FORBIDDEN');
      }
      assert.equal(await count(), before);
      // the read-only account can read, though
      const read = await p.gql(BB, COUNT, {}, readOnly);
      assert.equal(read.body.data.newsItemsCount, (await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount);
    });

    it('refuses an invalid bearer token with UNAUTHENTICATED', async () => {
      const err = await createFails({ externalId: 'bad-token', title: 'x' }, 'not-a-token');
      assert.equal(err.extensions.code, 'UNAUTHENTICATED');
    });
  });

  describe('create and upsert', () => {
    const full = {
      externalId: 'm-full-1',
      title: 'Kinderfest auf dem Marktplatz',
      author: 'Pressestelle',
      fullVersion: true,
      charactersToBeShown: 300,
      newsType: 'news',
      publicationDate: '2024-05-01 10:00:00',
      publishedAt: '2024-05-01 10:00:00',
      showPublishDate: true,
      categoryName: 'feuerwehr',
      categories: [{ name: 'Feste & Veranstaltungen' }, { name: 'Dorfplatz Testkategorie' }],
      payload: { source: 'rss', tags: ['kinder'] },
      sourceUrl: { url: 'https://www.bad-belzig.example.org/kinderfest', description: 'Programm' },
      address: { addition: 'Vor dem Rathaus', street: 'Marktplatz 1', zip: '14806', city: 'Bad Belzig', geoLocation: { latitude: '52.1421', longitude: '12,5903' } },
      contentBlocks: [
        {
          title: 'Spiel und Spaß',
          intro: 'Für alle Kinder',
          body: '<p>Hüpfburg und <strong>Kinderschminken</strong>.</p>',
          mediaContents: [{ contentType: 'image', captionText: 'Marktplatz', copyright: 'Stadt Bad Belzig', width: '800', height: 600, sourceUrl: { url: '/media/demo/marktplatz.jpg', description: 'Foto' } }],
        },
        { title: 'Anfahrt', body: '<p>Mit dem Bus</p>' },
      ],
    };

    it('creates a news item with nested content, media, source URL, address and categories by name', async () => {
      const categoriesBefore = await db.selectFrom('categories').select(['id', 'name']).execute();
      const n = await create(full);
      assert.match(n.id, /^\d+$/);
      assert.equal(n.title, 'Kinderfest auf dem Marktplatz');
      assert.equal(n.externalId, 'm-full-1');
      assert.equal(n.author, 'Pressestelle');
      assert.equal(n.fullVersion, true);
      assert.equal(n.charactersToBeShown, '300');
      assert.equal(n.newsType, 'news');
      assert.equal(n.publishedAt, '2024-05-01 10:00:00 +0200');
      assert.equal(n.publicationDate, '2024-05-01 10:00:00 +0200');
      assert.equal(n.showPublishDate, true);
      assert.equal(n.visible, true);
      assert.deepEqual(n.payload, { source: 'rss', tags: ['kinder'] });
      assert.match(n.createdAt, RUBY_TIMESTAMP);
      assert.equal(n.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      assert.deepEqual(n.sourceUrl, { url: 'https://www.bad-belzig.example.org/kinderfest', description: 'Programm' });
      assert.equal(n.address.street, 'Marktplatz 1');
      assert.equal(n.address.addition, 'Vor dem Rathaus');
      assert.equal(n.address.kind, 'default');
      assert.deepEqual(n.address.geoLocation, { latitude: 52.1421, longitude: 12.5903 });
      assert.ok(n.address.id);
      assert.equal(n.contentBlocks.length, 2);
      const [b1, b2] = n.contentBlocks;
      assert.equal(b1.title, 'Spiel und Spaß');
      assert.equal(b1.intro, 'Für alle Kinder');
      assert.equal(b1.body, '<p>Hüpfburg und <strong>Kinderschminken</strong>.</p>');
      assert.deepEqual(b1.mediaContents.map(({ id, ...m }: any) => (assert.ok(id), m)), [
        { contentType: 'image', captionText: 'Marktplatz', copyright: 'Stadt Bad Belzig', width: 800, height: 600, sourceUrl: { url: 'http://bad-belzig.localhost/media/demo/marktplatz.jpg', description: 'Foto' } },
      ]);
      assert.equal(b2.title, 'Anfahrt');
      assert.deepEqual(b2.mediaContents, []);
      assert.notEqual(b1.id, b2.id);

      // existing categories are found by name ignoring case, unknown names are created
      const byName = new Map(categoriesBefore.map((c: any) => [c.name, String(c.id)]));
      assert.deepEqual(
        [...n.categories].sort((a: any, b: any) => a.name.localeCompare(b.name)),
        [
          { id: n.categories.find((c: any) => c.name === 'Dorfplatz Testkategorie').id, name: 'Dorfplatz Testkategorie' },
          { id: byName.get('Feste & Veranstaltungen'), name: 'Feste & Veranstaltungen' },
          { id: byName.get('Feuerwehr'), name: 'Feuerwehr' },
        ],
      );
      assert.ok(!byName.has('Dorfplatz Testkategorie'));
      const categoriesAfter = await p.gql(BB, `{ categories { id name } }`, {}, app);
      assert.equal(categoriesAfter.body.data.categories.length, categoriesBefore.length + 1);
      assert.ok(categoriesAfter.body.data.categories.some((c: any) => c.name === 'Dorfplatz Testkategorie'));

      // the app sees it, in its categories
      const listed = await p.gql(BB, `query($c: ID) { newsItems(categoryId: $c) { id } }`, { c: byName.get('Feuerwehr') }, app);
      assert.ok(listed.body.data.newsItems.some((x: any) => x.id === n.id));
    });

    it('upserts by externalId: unchanged input returns the same record untouched', async () => {
      const input = { ...full, externalId: 'm-upsert-ext' };
      const first = await create(input);
      const rowBefore = await db.selectFrom('news_items').selectAll().where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      const total = await count();
      await new Promise((r) => setTimeout(r, 20));
      const again = await create(input);
      assert.deepEqual(again, first);
      assert.equal(await count(), total);
      const rowAfter = await db.selectFrom('news_items').selectAll().where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      assert.equal(new Date(rowAfter.updated_at).getTime(), new Date(rowBefore.updated_at).getTime());
      assert.deepEqual(rowAfter.content_blocks, rowBefore.content_blocks);
    });

    it('upserts by externalId: changed input updates in place and replaces nested data', async () => {
      const input = { ...full, externalId: 'm-upsert-change' };
      const first = await create(input);
      const total = await count();
      const changed = await create({
        externalId: 'm-upsert-change',
        title: 'Kinderfest verschoben',
        publishedAt: '2024-05-02 10:00:00',
        categories: [{ name: 'Sport' }],
        contentBlocks: [{ title: 'Neuer Termin', body: '<p>Eine Woche später</p>' }],
      });
      assert.equal(changed.id, first.id);
      assert.equal(await count(), total);
      assert.equal(changed.title, 'Kinderfest verschoben');
      assert.equal(changed.publishedAt, '2024-05-02 10:00:00 +0200');
      assert.deepEqual(changed.categories.map((c: any) => c.name), ['Sport']);
      assert.deepEqual(changed.contentBlocks.map((b: any) => b.title), ['Neuer Termin']);
      assert.ok(!first.contentBlocks.some((b: any) => b.id === changed.contentBlocks[0].id), 'nested records are re-created');
      assert.equal(changed.address, null);
      assert.equal(changed.sourceUrl, null);
      assert.equal(changed.author, null);
      assert.equal(changed.payload, null);
      const links = await db.selectFrom('news_item_categories').select('category_id').where('news_item_id', '=', Number(first.id)).execute();
      assert.equal(links.length, 1);
    });

    it('upserts by checksum of the first block title and publishedAt when there is no externalId', async () => {
      const input = { title: 'Prüfsumme', publishedAt: '2024-03-01 10:00:00', contentBlocks: [{ title: 'Prüfsummen-Block', body: '<p>eins</p>' }, { title: 'Zweiter' }] };
      const first = await create(input);
      const total = await count();
      assert.equal((await create(input)).id, first.id);
      // same first block title and date, new text: the same record, updated
      const changed = await create({ ...input, title: 'Prüfsumme (korrigiert)', contentBlocks: [{ title: 'Prüfsummen-Block', body: '<p>zwei</p>' }] });
      assert.equal(changed.id, first.id);
      assert.equal(changed.title, 'Prüfsumme (korrigiert)');
      assert.equal(changed.contentBlocks.length, 1);
      assert.equal(changed.contentBlocks[0].body, '<p>zwei</p>');
      assert.equal(await count(), total);
      // another date or another first block title is another item
      const otherDate = await create({ ...input, publishedAt: '2024-03-02 10:00:00' });
      assert.notEqual(otherDate.id, first.id);
      const otherBlock = await create({ ...input, contentBlocks: [{ title: 'Anderer Block' }] });
      assert.notEqual(otherBlock.id, first.id);
      assert.notEqual(otherBlock.id, otherDate.id);
      assert.equal(await count(), total + 2);
      // the same input from another provider is that provider's own item
      const byAdmin = await create(input, admin);
      assert.notEqual(byAdmin.id, first.id);
      assert.equal(byAdmin.dataProvider, null);
      const original = await db.selectFrom('news_items').select('title').where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      assert.equal(original.title, 'Prüfsumme (korrigiert)');
    });

    it('creates a new record with forceCreate even when the externalId is known', async () => {
      const first = await create({ externalId: 'm-force', title: 'Erstmeldung', contentBlocks: [{ title: 'Eins' }] });
      const total = await count();
      const forced = await create({ externalId: 'm-force', title: 'Erstmeldung', contentBlocks: [{ title: 'Eins' }], forceCreate: true });
      assert.notEqual(forced.id, first.id);
      assert.equal(await count(), total + 1);
      const rows = await db.selectFrom('news_items').select('id').where('external_id', '=', 'm-force').execute();
      assert.equal(rows.length, 2);
    });

    it('updates by id, replacing every attribute and all nested data', async () => {
      const first = await create({ ...full, externalId: 'm-by-id' });
      const total = await count();
      const replaced = await create({ id: first.id, title: 'Ersetzt', contentBlocks: [{ title: 'Nur noch das' }] });
      assert.equal(replaced.id, first.id);
      assert.equal(await count(), total);
      assert.equal(replaced.title, 'Ersetzt');
      assert.equal(replaced.externalId, null);
      assert.equal(replaced.author, null);
      assert.equal(replaced.fullVersion, null);
      assert.equal(replaced.charactersToBeShown, null);
      assert.equal(replaced.address, null);
      assert.equal(replaced.sourceUrl, null);
      assert.equal(replaced.payload, null);
      assert.deepEqual(replaced.categories, []);
      assert.deepEqual(replaced.contentBlocks.map((b: any) => b.title), ['Nur noch das']);
      assert.equal(replaced.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      assert.match(replaced.publishedAt, RUBY_TIMESTAMP);

      const unknown = await createFails({ id: '99999999', title: 'Gibt es nicht' });
      assert.equal(unknown.extensions.code, 'NOT_FOUND');
      const junk = await createFails({ id: 'abc', title: 'Kaputt' });
      assert.equal(junk.extensions.code, 'VALIDATION');
      assert.equal(await count(), total);
    });

    it("does not let a data provider update another provider's item by id", async () => {
      const before = await db.selectFrom('news_items').selectAll().where('id', '=', Number(touristItemId)).executeTakeFirstOrThrow();
      const err = await createFails({ id: touristItemId, title: 'Übernommen!' });
      assert.equal(err.message, 'Access not permitted!');
      assert.equal(err.extensions.code, 'FORBIDDEN');
      const after = await db.selectFrom('news_items').selectAll().where('id', '=', Number(touristItemId)).executeTakeFirstOrThrow();
      assert.equal(after.title, before.title);
      assert.deepEqual(after.content_blocks, before.content_blocks);
      // an admin may, and the item stays the Tourist-Information's
      const byAdmin = await create({ id: touristItemId, title: 'Sommerkonzerte im Burghof (neue Termine)', contentBlocks: [{ title: 'Neue Termine' }] }, admin);
      assert.equal(byAdmin.title, 'Sommerkonzerte im Burghof (neue Termine)');
      assert.equal(byAdmin.dataProvider.name, 'Tourist-Information & Kurverwaltung Bad Belzig');
    });

    it('accepts the date formats importers send (Berlin wall clock)', async () => {
      const cases: Array<[string, string]> = [
        ['05.03.2017', '2017-03-05 00:00:00 +0100'],
        ['5.3.2017 14:30', '2017-03-05 14:30:00 +0100'],
        ['2022-12-24 12:00:00', '2022-12-24 12:00:00 +0100'],
        ['2017-07-07', '2017-07-07 00:00:00 +0200'],
        ['2024-05-01T10:00:00Z', '2024-05-01 12:00:00 +0200'],
        ['2024-05-01T10:00:00+02:00', '2024-05-01 10:00:00 +0200'],
      ];
      for (const [i, [sent, shown]] of cases.entries()) {
        const n = await create({ externalId: `m-date-${i}`, title: `Datum ${sent}`, publishedAt: sent, publicationDate: sent });
        assert.equal(n.publishedAt, shown, sent);
        assert.equal(n.publicationDate, shown, sent);
      }
    });

    it('rejects an invalid date with a VALIDATION error and writes nothing', async () => {
      const total = await count();
      for (const [field, value] of [['publishedAt', '31.02.2017'], ['publishedAt', 'morgen früh'], ['publishedAt', '2017-13-01'], ['publicationDate', '2024-05-01 25:00:00']]) {
        const err = await createFails({ externalId: `m-bad-date-${value}`, title: 'Falsches Datum', [field]: value, categories: [{ name: 'Nie angelegt (Datum)' }] });
        assert.equal(err.extensions.code, 'VALIDATION', value);
        assert.match(err.message, new RegExp(`${field} "${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is not a date`));
      }
      assert.equal(await count(), total);
      assert.equal((await db.selectFrom('categories').select('id').where('name', '=', 'Nie angelegt (Datum)').execute()).length, 0);
    });

    it('sanitises HTML in block bodies and keeps titles as plain text', async () => {
      const title = 'Fest & "Spiele" <Anmeldung> <b>jetzt</b>';
      const n = await create({
        externalId: 'm-html',
        title,
        contentBlocks: [
          {
            title: 'Block <i>kursiv</i>',
            body: '<p onclick="steal()">Hallo <strong>Welt</strong></p><script>alert("x")</script><img src="https://example.org/a.jpg" onerror="alert(2)"><a href="javascript:alert(3)">Link</a><iframe src="https://evil.example"></iframe><a href="https://example.org">ok</a>',
          },
        ],
      });
      assert.equal(n.title, title);
      assert.equal(n.contentBlocks[0].title, 'Block <i>kursiv</i>');
      const body: string = n.contentBlocks[0].body;
      for (const bad of ['<script', 'alert("x")', 'onerror', 'onclick', 'javascript:', '<iframe']) assert.ok(!body.includes(bad), `${bad} survived: ${body}`);
      assert.ok(body.includes('<p>Hallo <strong>Welt</strong></p>'), body);
      assert.ok(body.includes('<img src="https://example.org/a.jpg" />'), body);
      assert.ok(body.includes('<a href="https://example.org">ok</a>'), body);
      const row = await db.selectFrom('news_items').select(['title', 'content_blocks']).where('id', '=', Number(n.id)).executeTakeFirstOrThrow();
      assert.equal(row.title, title);
      assert.ok(!JSON.stringify(row.content_blocks).includes('<script'));
    });

    it('stores the pushNotification flag', async () => {
      const withPush = await create({ externalId: 'm-push', title: 'Eilmeldung', pushNotification: true });
      const withoutPush = await create({ externalId: 'm-no-push', title: 'Keine Eilmeldung' });
      const rows = await db.selectFrom('news_items').select(['id', 'push_notification']).where('id', 'in', [Number(withPush.id), Number(withoutPush.id)]).execute();
      const flag = new Map(rows.map((r: any) => [String(r.id), r.push_notification]));
      assert.equal(flag.get(withPush.id), true);
      assert.equal(flag.get(withoutPush.id), false);
    });
  });

  describe('scheduled publication', () => {
    it('keeps an item with a future publishedAt from the app until the release job has run', async () => {
      const publishAt = new Date(Math.ceil((Date.now() + 2500) / 1000) * 1000);
      const n = await create({ externalId: 'm-scheduled', title: 'Vorab geplant', publishedAt: publishAt.toISOString(), contentBlocks: [{ title: 'Geplant' }] });
      assert.equal(n.visible, true);

      // not listed, not counted, not shown for the app; the admin and the provider see it
      const appCount = (await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount;
      assert.equal(await listedFor(app, n.id), false);
      assert.equal((await p.gql(BB, DETAIL, { id: n.id }, app)).body.data.newsItem, null);
      assert.equal(await listedFor(admin, n.id), true);
      assert.equal(await listedFor(importer, n.id), true);

      const jobs = await p.database.system.selectFrom('jobs').selectAll().where('name', '=', 'news.release').where('dedupe_key', '=', `news.release:${n.id}`).execute();
      assert.equal(jobs.length, 1);
      assert.equal(jobs[0].status, 'queued');
      assert.equal(new Date(jobs[0].run_at).getTime(), publishAt.getTime());
      assert.equal(Number(jobs[0].payload.newsItemId), Number(n.id));

      // the job's time comes (and the item's)
      await p.database.system.updateTable('jobs').set({ run_at: new Date(Date.now() - 60_000) }).where('id', '=', jobs[0].id).execute();
      await new Promise((r) => setTimeout(r, Math.max(0, publishAt.getTime() - Date.now() + 50)));
      assert.ok((await p.jobs.runDue()) >= 1);
      const job = await p.database.system.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', jobs[0].id).executeTakeFirstOrThrow();
      assert.equal(job.status, 'done', job.last_error ?? undefined);

      // listed now (cached responses are dropped by the write; allow the notification a moment)
      let listed = false;
      for (let i = 0; i < 30 && !listed; i++) {
        listed = await listedFor(app, n.id);
        if (!listed) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(listed, 'released item not listed for the app');
      assert.equal((await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount, appCount + 1);
      assert.equal((await p.gql(BB, DETAIL, { id: n.id }, app)).body.data.newsItem.title, 'Vorab geplant');
    });
  });

  describe('destroyRecord', () => {
    it('destroys own items by id and by externalId', async () => {
      const byId = await create({ externalId: 'm-destroy-id', title: 'Wird gelöscht' });
      const res = await p.gql(BB, DESTROY, { id: byId.id, recordType: 'NewsItem' }, importer);
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data.destroyRecord, { id: Number(byId.id), status: 'Record was successfully destroyed', statusCode: 200 });
      assert.equal((await db.selectFrom('news_items').select('id').where('id', '=', Number(byId.id)).execute()).length, 0);
      assert.equal((await p.gql(BB, DETAIL, { id: byId.id }, admin)).body.data.newsItem, null);

      const byExt = await create({ externalId: 'm-destroy-ext', title: 'Wird per externalId gelöscht', categories: [{ name: 'Sport' }] });
      const res2 = await p.gql(BB, DESTROY, { externalId: 'm-destroy-ext', recordType: 'NewsItem' }, importer);
      assert.equal(res2.body.data.destroyRecord.statusCode, 200);
      assert.equal(res2.body.data.destroyRecord.id, Number(byExt.id));
      assert.equal((await db.selectFrom('news_items').select('id').where('external_id', '=', 'm-destroy-ext').execute()).length, 0);
      assert.equal((await db.selectFrom('news_item_categories').select('category_id').where('news_item_id', '=', Number(byExt.id)).execute()).length, 0);
    });

    it('answers statusCode 404 for unknown records', async () => {
      const total = await count();
      for (const vars of [{ id: '99999999' }, { externalId: 'gibt-es-nicht' }]) {
        const res = await p.gql(BB, DESTROY, { ...vars, recordType: 'NewsItem' }, importer);
        assert.equal(res.body.errors, undefined);
        assert.equal(res.body.data.destroyRecord.statusCode, 404, JSON.stringify(vars));
      }
      // another provider's externalId is not found for the importer either
      const res = await p.gql(BB, DESTROY, { externalId: 'kreis-pm-pressemitteilung-4412', recordType: 'NewsItem' }, importer);
      assert.equal(res.body.data.destroyRecord.statusCode, 404);
      assert.equal(await count(), total);
    });

    it("answers statusCode 403 for another provider's record and keeps it", async () => {
      const res = await p.gql(BB, DESTROY, { id: touristItemId, recordType: 'NewsItem' }, importer);
      assert.equal(res.body.errors, undefined);
      assert.equal(res.body.data.destroyRecord.statusCode, 403);
      assert.equal(res.body.data.destroyRecord.status, 'Access not permitted!');
      assert.equal((await db.selectFrom('news_items').select('id').where('id', '=', Number(touristItemId)).execute()).length, 1);
    });

    it('refuses app, read-only and anonymous callers', async () => {
      const victim = await create({ externalId: 'm-destroy-refused', title: 'Bleibt' });
      for (const [token, code] of [[app, 'FORBIDDEN'], [readOnly, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
        const res = await p.gql(BB, DESTROY, { id: victim.id, recordType: 'NewsItem' }, token);
        assert.equal(res.body.errors?.[0]?.extensions.code, code);
      }
      assert.equal((await db.selectFrom('news_items').select('id').where('id', '=', Number(victim.id)).execute()).length, 1);
      const unknownType = await p.gql(BB, DESTROY, { id: victim.id, recordType: 'Gemeinderat' }, admin);
      assert.equal(unknownType.body.errors[0].extensions.code, 'VALIDATION');
    });

    it("lets an admin destroy any provider's item", async () => {
      const seeded = await db.selectFrom('news_items').select('id').where('title', '=', 'Stadtlauf rund um die Burg').executeTakeFirstOrThrow();
      const res = await p.gql(BB, DESTROY, { id: String(seeded.id), recordType: 'NewsItem' }, admin);
      assert.equal(res.body.data.destroyRecord.statusCode, 200);
      assert.equal(await listedFor(app, String(seeded.id)), false);
    });
  });

  describe('changeVisibility', () => {
    it('hides an item from the app while the admin still sees it, and shows it again', async () => {
      const seeded = await db.selectFrom('news_items').select('id').where('title', '=', 'Bürgerbüro am Brückentag geschlossen').executeTakeFirstOrThrow();
      const id = String(seeded.id);
      // the app's list is cached before the change
      assert.equal(await listedFor(app, id), true);
      const before = (await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount;
      assert.equal((await p.gql(BB, COUNT, {}, app)).headers['x-cache'], 'hit');

      const res = await p.gql(BB, VISIBILITY, { id, visible: false }, admin);
      assert.equal(res.body.errors, undefined);
      assert.deepEqual(res.body.data.changeVisibility, { id, status: 'Visibility changed to false', statusCode: 200 });

      assert.equal(await listedFor(app, id), false);
      assert.equal((await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount, before - 1);
      assert.equal((await p.gql(BB, DETAIL, { id }, app)).body.data.newsItem, null);
      const forAdmin = await p.gql(BB, LIST_IDS, { ids: [id] }, admin);
      assert.deepEqual(forAdmin.body.data.newsItems, [{ id, visible: false }]);
      // the owning provider still sees its hidden item
      assert.equal(await listedFor(importer, id), true);

      const shown = await p.gql(BB, VISIBILITY, { id, visible: true }, importer);
      assert.equal(shown.body.data.changeVisibility.statusCode, 200);
      assert.equal(await listedFor(app, id), true);
      assert.equal((await p.gql(BB, COUNT, {}, app)).body.data.newsItemsCount, before);
    });

    it("refuses other providers' items (403), unknown ids (404) and read-only callers", async () => {
      const other = await p.gql(BB, VISIBILITY, { id: touristItemId, visible: false }, importer);
      assert.equal(other.body.data.changeVisibility.statusCode, 403);
      assert.equal(await listedFor(app, touristItemId), true);
      const unknown = await p.gql(BB, VISIBILITY, { id: '99999999', visible: false }, admin);
      assert.equal(unknown.body.data.changeVisibility.statusCode, 404);
      for (const token of [app, readOnly]) {
        const res = await p.gql(BB, VISIBILITY, { id: touristItemId, visible: false }, token);
        assert.equal(res.body.errors[0].extensions.code, 'FORBIDDEN');
      }
      assert.equal(await listedFor(app, touristItemId), true);
    });
  });

  describe('failed mutations leave nothing behind', () => {
    it('rejects media without contentType', async () => {
      const total = await count();
      const categories = await db.selectFrom('categories').select('id').execute();
      const err = await createFails({
        externalId: 'm-invalid-media',
        title: 'Ungültige Medien',
        categories: [{ name: 'Nie angelegt (Medien)' }],
        contentBlocks: [{ title: 'Bild', mediaContents: [{ captionText: 'ohne Typ', sourceUrl: { url: 'https://example.org/x.jpg' } }] }],
      });
      assert.equal(err.extensions.code, 'VALIDATION');
      assert.match(err.message, /contentBlocks\[0\]\.mediaContents\[0\]\.contentType is required/);
      assert.equal(await count(), total);
      assert.equal((await db.selectFrom('categories').select('id').execute()).length, categories.length);
    });

    it('rolls the item back when a later step fails', async () => {
      const total = await count();
      const err = await createFails({ externalId: 'm-rollback', title: 'Zu lange Kategorie', contentBlocks: [{ title: 'x' }], categories: [{ name: 'Sport' }, { name: 'K'.repeat(201) }] });
      assert.equal(err.extensions.code, 'VALIDATION');
      assert.equal(await count(), total);
      assert.equal((await db.selectFrom('news_items').select('id').where('external_id', '=', 'm-rollback').execute()).length, 0);
      const jobs = await p.database.system.selectFrom('jobs').select('id').where('name', '=', 'news.release').execute();
      const err2 = await createFails({ externalId: 'm-rollback-2', title: 'Geplant, aber kaputt', publishedAt: '2099-01-01 10:00:00', categories: [{ name: 'K'.repeat(201) }] });
      assert.equal(err2.extensions.code, 'VALIDATION');
      assert.equal((await p.database.system.selectFrom('jobs').select('id').where('name', '=', 'news.release').execute()).length, jobs.length);
    });

    it('rejects unsafe URLs', async () => {
      const total = await count();
      const err = await createFails({ externalId: 'm-js-url', title: 'Link', sourceUrl: { url: 'javascript:alert(1)' } });
      assert.equal(err.extensions.code, 'VALIDATION');
      assert.equal(await count(), total);
    });
  });

  describe('municipalities stay apart', () => {
    it('a Bad Belzig token cannot write on wiesenburg.localhost', async () => {
      const wbItem = await wbDb.selectFrom('news_items').select(['id', 'title', 'visible']).orderBy('id').executeTakeFirstOrThrow();
      const bbTotal = await count();
      const wbTotal = await count(wbDb);
      for (const token of [admin, importer]) {
        const err = await createFails({ externalId: 'm-cross', title: 'Falsche Gemeinde' }, token, WB);
        assert.equal(err.extensions.code, 'UNAUTHENTICATED');
        assert.match(err.message, /another municipality/);
        const destroy = await p.gql(WB, DESTROY, { id: String(wbItem.id), recordType: 'NewsItem' }, token);
        assert.equal(destroy.body.errors[0].extensions.code, 'UNAUTHENTICATED');
        const hide = await p.gql(WB, VISIBILITY, { id: String(wbItem.id), visible: false }, token);
        assert.equal(hide.body.errors[0].extensions.code, 'UNAUTHENTICATED');
      }
      assert.equal(await count(), bbTotal);
      assert.equal(await count(wbDb), wbTotal);
      const after = await wbDb.selectFrom('news_items').select(['id', 'title', 'visible']).where('id', '=', wbItem.id).executeTakeFirstOrThrow();
      assert.deepEqual(after, wbItem);
    });

    it("Bad Belzig's admin cannot reach Wiesenburg's records through its own host", async () => {
      const wbItem = await wbDb.selectFrom('news_items').select(['id', 'title', 'visible']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      const destroy = await p.gql(BB, DESTROY, { id: String(wbItem.id), recordType: 'NewsItem' }, admin);
      assert.equal(destroy.body.data.destroyRecord.statusCode, 404);
      const hide = await p.gql(BB, VISIBILITY, { id: String(wbItem.id), visible: false }, admin);
      assert.equal(hide.body.data.changeVisibility.statusCode, 404);
      const update = await createFails({ id: String(wbItem.id), title: 'Gekapert' }, admin);
      assert.equal(update.extensions.code, 'NOT_FOUND');
      const after = await wbDb.selectFrom('news_items').select(['id', 'title', 'visible']).where('id', '=', wbItem.id).executeTakeFirstOrThrow();
      assert.deepEqual(after, wbItem);

      // and Wiesenburg's own admin can write there, with categories of Wiesenburg
      const own = await create({ externalId: 'wb-1', title: 'Neues aus Wiesenburg', categories: [{ name: 'Feuerwehr' }] }, wbAdmin, WB);
      const wbCategory = await wbDb.selectFrom('categories').select('id').where('name', '=', 'Feuerwehr').executeTakeFirstOrThrow();
      assert.deepEqual(own.categories, [{ id: String(wbCategory.id), name: 'Feuerwehr' }]);
      const bbCategory = await db.selectFrom('categories').select('id').where('name', '=', 'Feuerwehr').executeTakeFirstOrThrow();
      assert.notEqual(wbCategory.id, bbCategory.id);
      assert.equal((await db.selectFrom('news_items').select('id').where('external_id', '=', 'wb-1').execute()).length, 0);
    });
  });
});
