import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** The news list as the app asks for it (src/queries/news.js): aliases, `skip: $offset`, nested parts. */
const NEWS_ITEMS = /* GraphQL */ `
  query NewsItems(
    $ids: [ID], $limit: Int, $offset: Int, $order: NewsItemsOrder, $dataProvider: String, $dataProviderId: ID,
    $dataProviderIds: [ID], $excludeDataProviderIds: [ID], $excludeMowasRegionalKeys: [String],
    $categoryId: ID, $categoryIds: [ID], $dateRange: [String]
  ) {
    newsItems(
      ids: $ids, limit: $limit, skip: $offset, order: $order, dataProvider: $dataProvider, dataProviderId: $dataProviderId,
      dataProviderIds: $dataProviderIds, excludeDataProviderIds: $excludeDataProviderIds,
      excludeMowasRegionalKeys: $excludeMowasRegionalKeys, categoryId: $categoryId, categoryIds: $categoryIds, dateRange: $dateRange
    ) {
      id
      mainTitle: title
      publishedAt
      createdAt
      updatedAt
      payload
      categories { id name }
      dataProvider { id name }
    }
    newsItemsCount(
      ids: $ids, dataProvider: $dataProvider, dataProviderId: $dataProviderId, dataProviderIds: $dataProviderIds,
      excludeDataProviderIds: $excludeDataProviderIds, excludeMowasRegionalKeys: $excludeMowasRegionalKeys,
      categoryId: $categoryId, categoryIds: $categoryIds, dateRange: $dateRange
    )
  }
`;

/** The app's detail query. */
const NEWS_ITEM = /* GraphQL */ `
  query NewsItem($id: ID!) {
    newsItem(id: $id) {
      id
      mainTitle: title
      author
      visible
      publishedAt
      publicationDate
      createdAt
      updatedAt
      showPublishDate
      charactersToBeShown
      fullVersion
      payload
      categories { id name }
      dataProvider { id name logo { url } }
      sourceUrl { url description }
      address { id street zip city geoLocation { latitude longitude } }
      contentBlocks { id title intro body createdAt updatedAt mediaContents { id contentType captionText copyright sourceUrl { url } } }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation Create($externalId: String, $title: String, $publishedAt: String, $payload: JSON, $charactersToBeShown: Int,
                  $categories: [CategoryInput!], $contentBlocks: [ContentBlockInput!]) {
    createNewsItem(externalId: $externalId, title: $title, publishedAt: $publishedAt, payload: $payload,
                   charactersToBeShown: $charactersToBeShown, categories: $categories, contentBlocks: $contentBlocks) { id }
  }
`;

type Row = { id: number; title: string; data_provider_id: number | null; published_at: Date; created_at: Date; updated_at: Date; visible: boolean; released: boolean; payload: any; content_blocks: any[] };

const time = (v: Date | string) => new Date(v).getTime();

/** "2024-05-01 09:30:00 +0200" → the instant it denotes. */
function parseRuby(s: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(s);
  assert.ok(m, `not a Ruby timestamp: ${s}`);
  return new Date(`${m[1]}T${m[2]}${m[3]}:${m[4]}`);
}

/** The UTC offset Europe/Berlin has at that instant, as "+0100"/"+0200". */
function berlinOffset(d: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' }).formatToParts(d).find((p) => p.type === 'timeZoneName')!.value;
  return name === 'GMT+2' ? '+0200' : '+0100';
}

describe('newsItems and friends (queries)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let wbApp: string;
  let db: Kysely<any>;
  const ids: Record<string, string> = {};
  const providers = new Map<string, number>();
  const categories = new Map<string, number>();

  async function list(vars: Record<string, unknown> = {}, token = app, host = BB) {
    const res = await p.gql(host, NEWS_ITEMS, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const items = res.body.data.newsItems as any[];
    return { items, ids: items.map((n) => n.id as string), count: res.body.data.newsItemsCount as number };
  }

  /** What the app may see: visible and released (published) news. */
  async function publishedRows(): Promise<Row[]> {
    return (await db.selectFrom('news_items').selectAll().where('visible', '=', true).where('released', '=', true).execute()) as Row[];
  }

  function newest(rows: Row[]): string[] {
    return [...rows].sort((a, b) => time(b.published_at) - time(a.published_at) || b.id - a.id).map((r) => String(r.id));
  }

  async function create(vars: Record<string, unknown>): Promise<string> {
    const res = await p.gql(BB, CREATE, vars, importer);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createNewsItem.id;
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbApp] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-app'].map((c) => p.token(c)));
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    for (const r of await db.selectFrom('data_providers').select(['id', 'name']).execute()) providers.set(r.name, r.id);
    for (const r of await db.selectFrom('categories').select(['id', 'name']).execute()) categories.set(r.name, r.id);

    // Items with known dates around a Berlin midnight, a summer date and a partly muted warning.
    ids.christmasEve = await create({ externalId: 'q-christmas-eve', title: 'Heiligabend im Rathaus', publishedAt: '2012-12-24 23:30:00', charactersToBeShown: 250, categories: [{ name: 'Aus dem Rathaus' }], contentBlocks: [{ title: 'Heiligabend' }] });
    ids.christmasDay = await create({ externalId: 'q-christmas-day', title: 'Erster Weihnachtstag', publishedAt: '2012-12-25 00:30:00', contentBlocks: [{ title: 'Weihnachten' }] });
    ids.summer = await create({ externalId: 'q-summer', title: 'Sommeranfang', publishedAt: '2013-07-01 12:00:00', contentBlocks: [{ title: 'Sommer' }] });
    ids.partlyMuted = await create({
      externalId: 'q-mowas-two-regions',
      title: 'Unwetterwarnung für zwei Gemeinden',
      payload: { regionalKeys: ['120690017017', '120690665665'] },
      categories: [{ name: 'Warnungen' }],
      contentBlocks: [{ title: 'Unwetter' }],
    });

    // A provider whose name starts lower-case (sorting must ignore case) and one without news.
    const angler = await db.insertInto('data_providers').values({ name: 'anglerverein Bad Belzig', data_type: 'business_account' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('data_providers').values({ name: 'Zeitungsverlag ohne Nachrichten' }).execute();
    providers.set('anglerverein Bad Belzig', angler.id);
    const at = new Date(Date.now() - 20 * 86_400_000);
    const anglerNews = await db
      .insertInto('news_items')
      .values({ title: 'Anangeln am Hagelberg', data_provider_id: angler.id, published_at: at, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.angler = String(anglerNews.id);
    // … and one whose name starts with an umlaut (German order: with the O's, not after Z)
    const oekumene = await db.insertInto('data_providers').values({ name: 'Ökumenischer Kirchenkreis', data_type: 'business_account' }).returning('id').executeTakeFirstOrThrow();
    providers.set('Ökumenischer Kirchenkreis', oekumene.id);
    const at2 = new Date(Date.now() - 21 * 86_400_000);
    const oekumeneNews = await db
      .insertInto('news_items')
      .values({ title: 'Ökumenischer Gottesdienst im Kurpark', data_provider_id: oekumene.id, published_at: at2, created_at: at2, updated_at: at2 })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.oekumene = String(oekumeneNews.id);

    // One seeded Feuerwehr item is hidden by the editors.
    const hidden = await db.selectFrom('news_items').select('id').where('title', '=', 'Jugendfeuerwehr sucht Nachwuchs').executeTakeFirstOrThrow();
    ids.hidden = String(hidden.id);
    const res = await p.gql(BB, `mutation { changeVisibility(id: "${hidden.id}", recordType: "NewsItem", visible: false) { statusCode } }`, {}, admin);
    assert.equal(res.body.data.changeVisibility.statusCode, 200);
  });
  after(() => p.close());

  it('lists published news newest first by default, with the count agreeing', async () => {
    const rows = await publishedRows();
    const { ids: got, count, items } = await list();
    assert.deepEqual(got, newest(rows));
    assert.equal(count, rows.length);
    const scheduled = await db.selectFrom('news_items').select('id').where('released', '=', false).execute();
    // two seeded items are due in two days (a third, today's early warning, may be too when run before 06:30)
    assert.ok(scheduled.length >= 2);
    // 50 seeded − scheduled − 1 hidden + 4 created + 2 inserted
    assert.equal(count, 50 - scheduled.length - 1 + 4 + 2);
    assert.ok(!got.includes(ids.hidden), 'hidden item listed for the app');
    for (const s of scheduled) assert.ok(!got.includes(String(s.id)), 'scheduled item listed before its time');
    assert.equal(items[0].mainTitle, 'Unwetterwarnung für zwei Gemeinden');
  });

  it('orders by every NewsItemsOrder value, ties broken by id', async () => {
    const rows = await publishedRows();
    const column = { createdAt: 'created_at', updatedAt: 'updated_at', publishedAt: 'published_at', id: 'id' } as const;
    for (const [field, col] of Object.entries(column)) {
      for (const dir of ['ASC', 'DESC'] as const) {
        const key = (r: Row) => (col === 'id' ? r.id : time(r[col]));
        const expected = [...rows].sort((a, b) => (key(a) - key(b) || a.id - b.id) * (dir === 'ASC' ? 1 : -1)).map((r) => String(r.id));
        const res = await p.gql(BB, `query($order: NewsItemsOrder) { newsItems(order: $order) { id } }`, { order: `${field}_${dir}` }, app);
        assert.equal(res.body.errors, undefined);
        assert.deepEqual(res.body.data.newsItems.map((n: any) => n.id), expected, `${field}_${dir}`);
      }
    }
    const unknown = await p.gql(BB, `{ newsItems(order: title_ASC) { id } }`, {}, app);
    assert.equal(unknown.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('pages with limit and skip without gaps or repeats', async () => {
    const all = (await list()).ids;
    const pages: string[] = [];
    for (let offset = 0; offset < all.length + 10; offset += 10) {
      const page = (await list({ limit: 10, offset })).ids;
      assert.ok(page.length <= 10);
      pages.push(...page);
    }
    assert.deepEqual(pages, all);
    assert.deepEqual((await list({ limit: 3, offset: 2 })).ids, all.slice(2, 5));
    assert.deepEqual((await list({ offset: all.length - 1 })).ids, all.slice(-1));
    assert.deepEqual((await list({ offset: all.length })).ids, []);
    assert.deepEqual((await list({ limit: 0 })).ids, []);
    // limit/skip do not change the count
    assert.equal((await list({ limit: 3, offset: 2 })).count, all.length);
    for (const bad of [{ limit: -1 }, { limit: 5000 }, { offset: -1 }]) {
      const res = await p.gql(BB, NEWS_ITEMS, bad, app);
      assert.equal(res.body.errors[0].extensions.code, 'VALIDATION', JSON.stringify(bad));
    }
  });

  it('filters by ids, skipping null, junk and unknown ids', async () => {
    const got = await list({ ids: [ids.christmasEve, null, 'kein-id', '-3', '0', ids.summer, '99999999', '2147483648'] });
    // newest first, whatever order the ids came in
    assert.deepEqual(got.ids, [ids.summer, ids.christmasEve]);
    assert.equal(got.count, 2);
    assert.deepEqual((await list({ ids: [] })).ids, []);
    // a hidden item is not reachable through ids either
    assert.deepEqual((await list({ ids: [ids.hidden] })).ids, []);
    assert.deepEqual((await list({ ids: [ids.hidden] }, admin)).ids, [ids.hidden]);
  });

  it('filters by categoryId and categoryIds; an item in two of the categories appears once', async () => {
    const links = await db.selectFrom('news_item_categories').select(['news_item_id', 'category_id']).execute();
    const published = await publishedRows();
    const inCategories = (catIds: number[]) => newest(published.filter((r) => links.some((l: any) => l.news_item_id === r.id && catIds.includes(l.category_id))));

    const feuerwehr = categories.get('Feuerwehr')!;
    const one = await list({ categoryId: String(feuerwehr) });
    assert.deepEqual(one.ids, inCategories([feuerwehr]));
    assert.equal(one.count, 2); // three seeded, one hidden
    for (const n of one.items) assert.ok(n.categories.some((c: any) => c.name === 'Feuerwehr'));

    const svv = categories.get('Stadtverordnetenversammlung')!;
    const rathaus = categories.get('Aus dem Rathaus')!;
    const both = await list({ categoryIds: [String(svv), String(rathaus)] });
    assert.deepEqual(both.ids, inCategories([svv, rathaus]));
    assert.equal(new Set(both.ids).size, both.ids.length, 'an item is listed twice');
    const doppelhaushalt = both.items.filter((n) => n.mainTitle === 'Stadtverordnete beschließen Doppelhaushalt');
    assert.equal(doppelhaushalt.length, 1);
    assert.equal(both.count, both.ids.length);
    // the created Christmas item is in "Aus dem Rathaus"
    assert.ok(both.ids.includes(ids.christmasEve));

    // categoryId and categoryIds together select the union
    const union = await list({ categoryId: String(feuerwehr), categoryIds: [String(svv)] });
    assert.deepEqual(union.ids, inCategories([feuerwehr, svv]));
    // nulls and junk in categoryIds are skipped
    assert.deepEqual((await list({ categoryIds: [null, 'x', String(feuerwehr)] })).ids, one.ids);
    assert.deepEqual((await list({ categoryId: '99999' })).ids, []);
    assert.equal((await list({ categoryId: '99999' })).count, 0);
  });

  it('filters by data provider name, id, ids and excluded ids', async () => {
    const published = await publishedRows();
    const stadt = providers.get('Stadtverwaltung Bad Belzig')!;
    const feuerwehr = providers.get('Freiwillige Feuerwehr Bad Belzig')!;
    const tourist = providers.get('Tourist-Information & Kurverwaltung Bad Belzig')!;
    const of = (pids: number[]) => newest(published.filter((r) => r.data_provider_id !== null && pids.includes(r.data_provider_id)));

    const byName = await list({ dataProvider: 'Stadtverwaltung Bad Belzig' });
    assert.deepEqual(byName.ids, of([stadt]));
    assert.ok(byName.ids.length > 20);
    assert.equal(byName.count, byName.ids.length);
    for (const n of byName.items) assert.equal(n.dataProvider.name, 'Stadtverwaltung Bad Belzig');
    // names compare case-insensitively, as under the mainserver's MySQL collation
    assert.deepEqual((await list({ dataProvider: 'stadtverwaltung bad belzig' })).ids, byName.ids);
    assert.deepEqual((await list({ dataProvider: 'Stadtverwaltung' })).ids, []);

    assert.deepEqual((await list({ dataProviderId: String(feuerwehr) })).ids, of([feuerwehr]));
    const two = await list({ dataProviderIds: [String(feuerwehr), null, String(tourist)] });
    assert.deepEqual(two.ids, of([feuerwehr, tourist]));
    assert.equal(two.count, two.ids.length);

    const without = await list({ excludeDataProviderIds: [String(stadt), String(tourist)] });
    assert.deepEqual(without.ids, newest(published.filter((r) => r.data_provider_id !== stadt && r.data_provider_id !== tourist)));
    assert.equal(without.count, published.length - of([stadt, tourist]).length);
    for (const n of without.items) assert.ok(![String(stadt), String(tourist)].includes(n.dataProvider?.id));
  });

  it('drops warnings all of whose regional keys are muted (excludeMowasRegionalKeys)', async () => {
    const all = await list();
    const warnings = (await db.selectFrom('news_items').select(['id', 'title']).where('external_id', 'like', 'demo-%').execute()) as Array<{ id: number; title: string }>;
    const idOf = (prefix: string) => String(warnings.find((w) => w.title.startsWith(prefix))!.id);
    const heat = idOf('Hitzewarnung');
    const forestFire = idOf('Waldbrandgefahrenstufe');
    const storm = idOf('Sturmwarnung'); // no payload at all

    const mutedBadBelzig = await list({ excludeMowasRegionalKeys: ['120690017017'] });
    assert.deepEqual(mutedBadBelzig.ids, all.ids.filter((id) => id !== heat && id !== forestFire));
    assert.equal(mutedBadBelzig.count, all.count - [heat, forestFire].filter((id) => all.ids.includes(id)).length);
    assert.ok(all.ids.includes(forestFire));
    assert.ok(!mutedBadBelzig.ids.includes(forestFire));
    assert.ok(mutedBadBelzig.ids.includes(storm), 'news without payload must stay');
    assert.ok(mutedBadBelzig.ids.includes(ids.partlyMuted), 'a warning for a region not muted must stay');

    const mutedBoth = await list({ excludeMowasRegionalKeys: ['120690665665', null, '', '120690017017'] });
    assert.deepEqual(mutedBoth.ids, mutedBadBelzig.ids.filter((id) => id !== ids.partlyMuted));

    assert.deepEqual((await list({ excludeMowasRegionalKeys: ['000000000000'] })).ids, all.ids);
    assert.deepEqual((await list({ excludeMowasRegionalKeys: [] })).ids, all.ids);
  });

  it('filters by a dateRange of Berlin calendar days', async () => {
    const eve = await list({ dateRange: ['2012-12-24', '2012-12-24'] });
    // 23:30 Berlin on the 24th is the 24th, 00:30 on the 25th is the 25th (although 23:30 UTC on the 24th)
    assert.deepEqual(eve.ids, [ids.christmasEve]);
    assert.equal(eve.count, 1);
    assert.deepEqual((await list({ dateRange: ['2012-12-25', '2012-12-31'] })).ids, [ids.christmasDay]);
    assert.deepEqual((await list({ dateRange: ['2012-12-24', '2012-12-25'] })).ids, [ids.christmasDay, ids.christmasEve]);
    assert.deepEqual((await list({ dateRange: ['2012-12-01', '2013-12-31'], order: 'publishedAt_ASC' })).ids, [ids.christmasEve, ids.christmasDay, ids.summer]);
    assert.deepEqual((await list({ dateRange: ['2011-01-01', '2011-12-31'] })).ids, []);
  });

  it('rejects invalid date ranges with a VALIDATION error', async () => {
    const invalid: unknown[][] = [['2012-12-24'], ['2012-12-24', '2012-12-25', '2012-12-26'], ['2012-12-31', '2012-12-01'], ['2012-02-30', '2012-03-01'], ['24.12.2022', '25.12.2022'], [null, '2012-12-24'], ['gestern', 'heute'], []];
    for (const dateRange of invalid) {
      const res = await p.gql(BB, NEWS_ITEMS, { dateRange }, app);
      assert.equal(res.status, 200);
      assert.ok(res.body.errors?.length, `no error for ${JSON.stringify(dateRange)}`);
      assert.equal(res.body.errors[0].extensions.code, 'VALIDATION', JSON.stringify(dateRange));
      assert.match(res.body.errors[0].message, /^Invalid input: /);
      assert.equal(res.body.data, null);
    }
  });

  it('answers newsItem(id) with the full record, and null for unknown ids', async () => {
    const seeded = await db.selectFrom('news_items').selectAll().where('title', '=', 'Stadtverordnete beschließen Doppelhaushalt').executeTakeFirstOrThrow();
    const res = await p.gql(BB, NEWS_ITEM, { id: String(seeded.id) }, app);
    assert.equal(res.body.errors, undefined);
    const n = res.body.data.newsItem;
    assert.equal(n.id, String(seeded.id));
    assert.equal(n.mainTitle, 'Stadtverordnete beschließen Doppelhaushalt');
    assert.equal(n.author, 'Pressestelle Stadt Bad Belzig');
    assert.equal(n.visible, true);
    assert.equal(n.showPublishDate, true);
    assert.equal(n.dataProvider.name, 'Stadtverwaltung Bad Belzig');
    assert.deepEqual(n.categories.map((c: any) => c.name).sort(), ['Aus dem Rathaus', 'Stadtverordnetenversammlung']);
    assert.deepEqual(n.sourceUrl, { url: 'https://www.bad-belzig.example.org/rathaus/ratsinformation/haushalt', description: 'Beschlussvorlage im Ratsinformationssystem' });
    assert.equal(n.address.street, 'Wiesenburger Straße 6');
    assert.deepEqual(n.address.geoLocation, { latitude: 52.1416, longitude: 12.5917 });
    assert.deepEqual(n.contentBlocks.map((b: any) => b.title), ['Haushalt für zwei Jahre beschlossen', 'Wie geht es weiter?']);
    assert.equal(n.contentBlocks[0].mediaContents[0].contentType, 'image');

    for (const id of ['99999999', 'abc', '-1', '0']) {
      const missing = await p.gql(BB, NEWS_ITEM, { id }, app);
      assert.equal(missing.body.errors, undefined, id);
      assert.equal(missing.body.data.newsItem, null, id);
    }
    // admins see unpublished records in detail too
    const scheduled = await db.selectFrom('news_items').select('id').where('released', '=', false).executeTakeFirstOrThrow();
    const forAdmin = await p.gql(BB, NEWS_ITEM, { id: String(scheduled.id) }, admin);
    assert.equal(forAdmin.body.data.newsItem.id, String(scheduled.id));
  });

  it('formats timestamps as Ruby strings in Europe/Berlin', async () => {
    const rows = new Map((await publishedRows()).map((r) => [String(r.id), r]));
    const { items } = await list();
    for (const n of items) {
      const row = rows.get(n.id)!;
      for (const [field, col] of [['publishedAt', 'published_at'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at']] as const) {
        assert.match(n[field], RUBY_TIMESTAMP, `${field} of ${n.id}`);
        const instant = new Date(row[col]);
        assert.equal(parseRuby(n[field]).getTime(), Math.floor(instant.getTime() / 1000) * 1000, `${field} of ${n.id}`);
        assert.equal(n[field].slice(-5), berlinOffset(instant), `${field} of ${n.id} not in Berlin time`);
      }
    }
    // winter and summer time, wall clock as sent
    const winter = await p.gql(BB, NEWS_ITEM, { id: ids.christmasEve }, app);
    assert.equal(winter.body.data.newsItem.publishedAt, '2012-12-24 23:30:00 +0100');
    const summer = await p.gql(BB, NEWS_ITEM, { id: ids.summer }, app);
    assert.equal(summer.body.data.newsItem.publishedAt, '2013-07-01 12:00:00 +0200');
    assert.match(summer.body.data.newsItem.contentBlocks[0].createdAt, RUBY_TIMESTAMP);
    // seeded items carry their publication date as a timestamp string as well
    const seeded = await p.gql(BB, NEWS_ITEM, { id: items.find((n) => n.mainTitle.startsWith('Hitzewarnung')).id }, app);
    assert.match(seeded.body.data.newsItem.publicationDate, RUBY_TIMESTAMP);
  });

  it('returns charactersToBeShown as a String', async () => {
    const res = await p.gql(BB, NEWS_ITEM, { id: ids.christmasEve }, app);
    assert.equal(res.body.data.newsItem.charactersToBeShown, '250');
    const none = await p.gql(BB, NEWS_ITEM, { id: ids.summer }, app);
    assert.equal(none.body.data.newsItem.charactersToBeShown, null);
  });

  it('turns stored relative media paths into absolute URLs on the requesting host', async () => {
    const seeded = await db.selectFrom('news_items').selectAll().where('title', '=', 'Einsatzreiche Woche für die Feuerwehr').executeTakeFirstOrThrow();
    const stored = seeded.content_blocks[0].mediaContents[0].sourceUrl.url as string;
    assert.equal(stored, '/media/demo/feuerwehr.jpg');

    const res = await p.gql(BB, NEWS_ITEM, { id: String(seeded.id) }, app);
    const n = res.body.data.newsItem;
    assert.equal(n.contentBlocks[0].mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost/media/demo/feuerwehr.jpg');
    assert.equal(n.dataProvider.logo.url, 'http://bad-belzig.localhost/media/demo/feuerwehr-bad-belzig.png');

    // another spelling of the host (with a port) gets URLs on that host
    const withPort = await p.gql('bad-belzig.localhost:8080', NEWS_ITEM, { id: String(seeded.id) }, app);
    assert.equal(withPort.body.data.newsItem.contentBlocks[0].mediaContents[0].sourceUrl.url, 'http://bad-belzig.localhost:8080/media/demo/feuerwehr.jpg');

    // absolute URLs stay as they are
    const withSource = await p.gql(BB, NEWS_ITEM, { id: ids.christmasEve }, app);
    assert.equal(withSource.body.data.newsItem.sourceUrl, null);
    const doppelhaushalt = await db.selectFrom('news_items').select('id').where('title', '=', 'Stadtverordnete beschließen Doppelhaushalt').executeTakeFirstOrThrow();
    const abs = await p.gql(BB, NEWS_ITEM, { id: String(doppelhaushalt.id) }, app);
    assert.match(abs.body.data.newsItem.sourceUrl.url, /^https:\/\/www\.bad-belzig\.example\.org\//);

    // and the URL really serves the file
    const file = await p.http.inject({ url: new URL(n.contentBlocks[0].mediaContents[0].sourceUrl.url).pathname, headers: { host: BB } });
    assert.equal(file.statusCode, 200);
    assert.match(file.headers['content-type'] as string, /^image\/jpeg/);
  });

  it('lists the providers that publish news, sorted by name ignoring case', async () => {
    const res = await p.gql(BB, `{ newsItemsDataProviders { id name dataType logo { url } } }`, {}, app);
    assert.equal(res.body.errors, undefined);
    const names = res.body.data.newsItemsDataProviders.map((d: any) => d.name);
    assert.deepEqual(names, [
      'anglerverein Bad Belzig',
      'Freiwillige Feuerwehr Bad Belzig',
      'Kreisnachrichten Potsdam-Mittelmark (Import)',
      'Ökumenischer Kirchenkreis',
      'Stadtverwaltung Bad Belzig',
      'Tourist-Information & Kurverwaltung Bad Belzig',
      'Vereinsring Bad Belzig e. V.',
      'Warnmeldungen Bevölkerungsschutz (Import)',
    ]);
    const stadt = res.body.data.newsItemsDataProviders.find((d: any) => d.name === 'Stadtverwaltung Bad Belzig');
    assert.equal(stadt.id, String(providers.get('Stadtverwaltung Bad Belzig')));
    assert.equal(stadt.dataType, 'business_account');
    assert.equal(stadt.logo.url, 'http://bad-belzig.localhost/media/demo/stadtverwaltung-bad-belzig.png');

    const inCategory = await p.gql(BB, `query($id: ID) { newsItemsDataProviders(categoryId: $id) { name } }`, { id: String(categories.get('Feuerwehr')) }, app);
    assert.deepEqual(inCategory.body.data.newsItemsDataProviders.map((d: any) => d.name), ['Freiwillige Feuerwehr Bad Belzig']);
    const inCategories = await p.gql(
      BB,
      `query($ids: [ID]) { newsItemsDataProviders(categoryIds: $ids) { name } }`,
      { ids: [String(categories.get('Warnungen')), String(categories.get('Bürgerservice'))] },
      app,
    );
    assert.deepEqual(inCategories.body.data.newsItemsDataProviders.map((d: any) => d.name), [
      'Kreisnachrichten Potsdam-Mittelmark (Import)',
      'Stadtverwaltung Bad Belzig',
      'Warnmeldungen Bevölkerungsschutz (Import)',
    ]);
  });

  it('counts visible, released news per category (Category.newsItemsCount)', async () => {
    const res = await p.gql(BB, `{ categories { id name newsItemsCount } }`, {}, app);
    assert.equal(res.body.errors, undefined);
    const links = await db.selectFrom('news_item_categories').select(['news_item_id', 'category_id']).execute();
    const published = new Set((await publishedRows()).map((r) => r.id));
    for (const c of res.body.data.categories) {
      const expected = links.filter((l: any) => l.category_id === Number(c.id) && published.has(l.news_item_id)).length;
      assert.equal(c.newsItemsCount, expected, c.name);
      assert.equal(c.newsItemsCount, (await list({ categoryId: c.id })).count, c.name);
    }
    const byName = new Map(res.body.data.categories.map((c: any) => [c.name, c.newsItemsCount]));
    assert.equal(byName.get('Stadtverordnetenversammlung'), 2); // three seeded, one scheduled
    assert.equal(byName.get('Feuerwehr'), 2); // three seeded, one hidden
    // the count is the same for the admin, who sees hidden items in lists
    const forAdmin = await p.gql(BB, `query($ids: [ID]) { categories(ids: $ids) { newsItemsCount } }`, { ids: [String(categories.get('Feuerwehr'))] }, admin);
    assert.equal(forAdmin.body.data.categories[0].newsItemsCount, 2);
  });

  it('shows hidden and scheduled items to the admin, own unpublished items to their provider', async () => {
    const forApp = await list();
    const forAdmin = await list({}, admin);
    const all = await db.selectFrom('news_items').select('id').execute();
    const unreleased = await db.selectFrom('news_items').select('id').where('released', '=', false).execute();
    assert.equal(forAdmin.count, all.length);
    assert.equal(forAdmin.count, forApp.count + 1 + unreleased.length);
    assert.ok(forAdmin.ids.includes(ids.hidden));
    const forImporter = await list({}, importer);
    // the Stadtverwaltung's two scheduled items, not the Feuerwehr's hidden one
    assert.equal(forImporter.count, forApp.count + 2);
    assert.ok(!forImporter.ids.includes(ids.hidden));
  });

  it('keeps municipalities apart: Bad Belzig news never appear on wiesenburg.localhost', async () => {
    const bbIds = (await db.selectFrom('news_items').select('id').execute()).map((r: any) => String(r.id));
    const wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
    const wbRows = await wbDb.selectFrom('news_items').select(['id', 'visible', 'released']).execute();

    const wb = await list({}, wbApp, WB);
    assert.equal(wb.count, 7);
    assert.deepEqual([...wb.ids].sort(), wbRows.map((r: any) => String(r.id)).sort());
    for (const id of wb.ids) assert.ok(!bbIds.includes(id), `Bad Belzig item ${id} on Wiesenburg`);
    for (const n of wb.items) assert.ok(!['Stadtverwaltung Bad Belzig', 'anglerverein Bad Belzig', 'Ökumenischer Kirchenkreis'].includes(n.dataProvider.name));

    // not by id, not by category, not through the provider list
    assert.deepEqual((await list({ ids: bbIds.slice(0, 20) }, wbApp, WB)).ids, []);
    const byId = await p.gql(WB, NEWS_ITEM, { id: ids.christmasEve }, wbApp);
    assert.equal(byId.body.data.newsItem, null);
    assert.equal((await list({ categoryId: String(categories.get('Feuerwehr')) }, wbApp, WB)).count, 0);
    assert.equal((await list({ dataProviderId: String(providers.get('Stadtverwaltung Bad Belzig')) }, wbApp, WB)).count, 0);
    assert.equal((await list({ dataProvider: 'Stadtverwaltung Bad Belzig' }, wbApp, WB)).count, 0);
    const wbProviders = await p.gql(WB, `{ newsItemsDataProviders { name } }`, {}, wbApp);
    assert.deepEqual(wbProviders.body.data.newsItemsDataProviders.map((d: any) => d.name), ['Gemeindeverwaltung Wiesenburg/Mark', 'Heimat- und Parkverein Wiesenburg e. V. (Demo)']);

    // Wiesenburg's media URLs are on Wiesenburg's host
    const withMedia = await p.gql(WB, `{ newsItems(limit: 1) { contentBlocks { mediaContents { sourceUrl { url } } } } }`, {}, wbApp);
    assert.match(withMedia.body.data.newsItems[0].contentBlocks[0].mediaContents[0].sourceUrl.url, /^http:\/\/wiesenburg\.localhost\/media\//);

    // the admin of Wiesenburg does not see Bad Belzig's hidden items either
    const wbAdmin = await p.token('wiesenburg-admin');
    const asAdmin = await list({ ids: [ids.hidden] }, wbAdmin, WB);
    assert.deepEqual(asAdmin.ids, []);
  });
});
