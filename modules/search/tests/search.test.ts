import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { registerSearchable } from '../../content-parts/searchables.ts';

const SEARCH = `query Search($query: String, $filter: [SearchRecord!], $limit: Int, $skip: Int) {
  search(query: $query, filter: $filter, limit: $limit, skip: $skip) { id recordType }
}`;
const NEWS_BY_IDS = `query($ids: [ID]) { newsItems(ids: $ids, limit: 1000) { id title } }`;
const CREATE = `mutation($title: String, $externalId: String, $contentBlocks: [ContentBlockInput!], $publishedAt: String) {
  createNewsItem(title: $title, externalId: $externalId, contentBlocks: $contentBlocks, publishedAt: $publishedAt, categoryName: "Aus dem Rathaus") { id }
}`;
const VISIBILITY = `mutation($id: ID!, $visible: Boolean!) { changeVisibility(id: $id, recordType: "NewsItem", visible: $visible) { statusCode } }`;

describe('search (German full-text search)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let wbAdmin: string;
  /** Demo news titles by id, both municipalities. */
  const titles = new Map<string, string>();

  async function search(query: unknown, extra: Record<string, unknown> = {}, host = BB, token = app): Promise<Array<{ id: string; recordType: string }>> {
    const res = await p.gql(host, SEARCH, { query, ...extra }, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.search;
  }

  async function searchFails(query: unknown, extra: Record<string, unknown> = {}): Promise<{ message: string; extensions: { code: string } }> {
    const res = await p.gql(BB, SEARCH, { query, ...extra }, app);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    return res.body.errors[0];
  }

  /** Titles of the news hits, in rank order (other record types have their own ids). */
  async function found(query: string, extra: Record<string, unknown> = {}, host = BB): Promise<string[]> {
    return (await search(query, { filter: ['news_item'], ...extra }, host)).map((h) => titles.get(h.id) ?? `?${h.id}`);
  }

  const NEWS = { filter: ['news_item'] };

  async function createNews(title: string, body: string, token = admin, host = BB): Promise<string> {
    const res = await p.gql(host, CREATE, { title, externalId: `search-test-${title}`, contentBlocks: [{ title, body: `<p>${body}</p>` }] }, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const id = res.body.data.createNewsItem.id;
    titles.set(id, title);
    return id;
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, wbAdmin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'wiesenburg-admin'].map((c) => p.token(c)));
    for (const host of [BB, WB]) {
      const res = await p.gql(host, `{ newsItems(limit: 1000) { id title } }`, {}, host === BB ? admin : wbAdmin);
      for (const n of res.body.data.newsItems) titles.set(n.id, n.title);
    }
  });
  after(() => p?.close());

  it('returns ids and the record type name; the ids load through newsItems', async () => {
    const hits = await search('Burgfest', NEWS);
    assert.ok(hits.length >= 1);
    assert.deepEqual(Object.keys(hits[0]).sort(), ['id', 'recordType']);
    assert.equal(typeof hits[0].id, 'string');
    assert.ok(hits.every((h) => h.recordType === 'NewsItem'));
    const loaded = await p.gql(BB, NEWS_BY_IDS, { ids: hits.map((h) => h.id) }, app);
    assert.equal(loaded.body.data.newsItems.length, hits.length);
    assert.equal(titles.get(hits[0].id), 'Burgfest auf Burg Eisenhardt: Das Programm steht');
  });

  it('stems German words: singular finds plural and the other way round', async () => {
    // The demo text says "Straßensperrungen"; the title says "Sperrung".
    const compound = await found('Straßensperrung');
    assert.ok(compound.length >= 1, 'Straßensperrung finds the text with Straßensperrungen');
    assert.deepEqual(await found('Straßensperrungen'), compound);
    assert.equal((await found('Sperrungen'))[0], 'Wiesenburger Straße: Sperrung wegen Kanalbau');
    assert.ok((await found('Feuerwehren')).includes('Einsatzreiche Woche für die Feuerwehr'));
  });

  it('matches the last word as a prefix while typing', async () => {
    for (const typed of ['Kunstw', 'Kunstwand', 'kunstwanderwe', 'Kunstwanderweg']) {
      assert.equal((await found(typed))[0], 'Kunstwanderweg: Drei neue Kunstwerke an der Strecke', typed);
    }
    assert.equal((await found('Burg Eisenh'))[0], 'Burgfest auf Burg Eisenhardt: Das Programm steht');
    // Only the last word is a prefix: "Eisenh Burg" needs a whole word "Eisenh".
    assert.deepEqual(await found('Eisenh Burg'), []);
    // All words must occur.
    assert.deepEqual(await found('Burgfest Kanalbau'), []);
  });

  it('finds umlauts and ß whether typed or spelled out, in any case', async () => {
    await createNews('Alte Mühle in Bergholz wird Museum', 'Die Wassermühle an der Plane öffnet nach der Sanierung ihre Türen.');
    for (const typed of ['Mühle', 'Muehle', 'MÜHLE', 'muehle', 'Muhle', 'Wassermuehle']) {
      assert.ok((await found(typed)).includes('Alte Mühle in Bergholz wird Museum'), typed);
    }
    const strasse = await found('Straße');
    assert.ok(strasse.includes('Wiesenburger Straße: Sperrung wegen Kanalbau'));
    assert.deepEqual(await found('Strasse'), strasse);
    assert.deepEqual(await found('STRASSE'), strasse);
    const buergermeister = await found('Bürgermeister');
    assert.ok(buergermeister.includes('Sprechstunde des Bürgermeisters im Ortsteil Lübnitz'));
    assert.deepEqual(await found('Buergermeister'), buergermeister);
    assert.deepEqual(await found('Flaeming'), await found('Fläming'));
    // "Burger" (as typed on a keyboard without umlauts) finds the Bürgerbüro news.
    assert.ok((await found('Burgerbüro')).includes('Bürgerbüro am Brückentag geschlossen'));
    // Vowel + e is no umlaut: "Feuer" stays "Feuer".
    assert.ok((await found('Feuerwehr')).includes('Tag der offenen Tür bei der Feuerwehr'));
  });

  it('ranks a title match above a match in the text', async () => {
    // Created in this order so that id order would put the body match first.
    await createNews('Neue Parkbänke am Rathaus', 'Im Sommer gibt es wieder ein Orgelkonzert in der Marienkirche.');
    await createNews('Orgelkonzert in der Marienkirche', 'Der Förderverein lädt zum Konzert ein.');
    assert.deepEqual(await found('Orgelkonzert'), ['Orgelkonzert in der Marienkirche', 'Neue Parkbänke am Rathaus']);
    const buero = await found('Bürgerbüro');
    assert.ok(buero.length > 2);
    assert.ok(buero.slice(0, 2).every((t) => t.includes('Bürgerbüro')), `titles first: ${buero.slice(0, 3).join(' | ')}`);
  });

  it('searches every registered record type of an enabled module, each hit loadable by its list query', async () => {
    const hits = await search('Burg Eisenhardt', { limit: 200 });
    const types = new Set(hits.map((h) => h.recordType));
    for (const t of ['NewsItem', 'EventRecord', 'PointOfInterest', 'Tour', 'GenericItem']) assert.ok(types.has(t), `${t} in ${[...types].join(', ')}`);
    const listQuery: Record<string, string> = { NewsItem: 'newsItems', EventRecord: 'eventRecords', PointOfInterest: 'pointsOfInterest', Tour: 'tours', GenericItem: 'genericItems' };
    for (const [type, query] of Object.entries(listQuery)) {
      const ids = hits.filter((h) => h.recordType === type).map((h) => h.id);
      const res = await p.gql(BB, `query($ids: [ID]) { ${query}(ids: $ids) { id } }`, { ids }, app);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      assert.deepEqual(res.body.data[query].map((r: { id: string }) => r.id).sort(), [...ids].sort(), type);
    }
  });

  it('restricts to the record types of the filter', async () => {
    const all = await search('Burg', { limit: 200 });
    assert.ok(new Set(all.map((h) => h.recordType)).size > 1);
    assert.deepEqual(await search('Burg', { filter: [], limit: 200 }), all, 'an empty filter means all types');
    const news = await search('Burg', { filter: ['news_item'], limit: 200 });
    assert.deepEqual(news, all.filter((h) => h.recordType === 'NewsItem'), 'same hits, same order');
    const places = await search('Burg', { filter: ['point_of_interest', 'tour'], limit: 200 });
    assert.ok(places.length > 0);
    assert.deepEqual(places, all.filter((h) => h.recordType === 'PointOfInterest' || h.recordType === 'Tour'));
    const bad = await p.gql(BB, SEARCH, { query: 'Burg', filter: ['NewsItem'] }, app);
    assert.ok(bad.body.errors?.length, 'filter values are the SearchRecord enum');
  });

  it('finds only published, visible news', async () => {
    // Scheduled demo news (published in two days) are not found.
    assert.ok([...titles.values()].includes('Tagesordnung der nächsten Stadtverordnetenversammlung'), 'the admin lists it');
    assert.ok(!(await found('Tagesordnung')).includes('Tagesordnung der nächsten Stadtverordnetenversammlung'));
    assert.ok(!(await found('Abstimmung Vorschläge')).includes('Bürgerhaushalt: Abstimmung über 18 Vorschläge startet'));

    const id = await createNews('Sonderausstellung Glasbläserei', 'Historische Glasbläserkunst aus dem Fläming.');
    assert.deepEqual((await search('Glasbläserei', NEWS)).map((h) => h.id), [id]);
    const hide = await p.gql(BB, VISIBILITY, { id, visible: false }, admin);
    assert.equal(hide.body.data.changeVisibility.statusCode, 200);
    assert.deepEqual(await search('Glasbläserei', NEWS), [], 'hidden news are not found by the app');
    assert.deepEqual(await search('Glasbläserei', NEWS, BB, admin), [], 'the search covers published content only, for everyone');
    await p.gql(BB, VISIBILITY, { id, visible: true }, admin);
    assert.deepEqual((await search('Glasbläserei', NEWS)).map((h) => h.id), [id]);

    // A news item scheduled for tomorrow stays hidden until it is released.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const res = await p.gql(BB, CREATE, { title: 'Vorschau Töpferei', externalId: 'search-test-scheduled', publishedAt: tomorrow, contentBlocks: [{ body: '<p>Töpferei öffnet am Sonntag</p>' }] }, admin);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(await search('Töpferei Vorschau', NEWS), []);
  });

  it('searches only the municipality of the request', async () => {
    const wb = await found('Schlosspark', {}, WB);
    assert.ok(wb.includes('Schlosspark: Sanierung der Lindenallee beginnt'));
    assert.deepEqual(await found('Schlosspark'), [], 'Bad Belzig has no Schlosspark news');
    const wbIds = new Set((await search('Bahnhof', NEWS, WB)).map((h) => h.id));
    const bbIds = (await search('Bahnhof', NEWS)).map((h) => h.id);
    assert.ok(wbIds.size > 0 && bbIds.length > 0);
    assert.ok(bbIds.every((id) => !wbIds.has(id)));
    await createNews('Mühlentag in Wiesenburg', 'Die Bockwindmühle ist geöffnet.', wbAdmin, WB);
    assert.deepEqual(await found('Bockwindmühle'), []);
    assert.equal((await found('Bockwindmühle', {}, WB))[0], 'Mühlentag in Wiesenburg');
  });

  it('search_matches (the index path) returns only the calling tenant\'s rows of searchable tables', async () => {
    const bbDb = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    const wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
    const matches = (db: typeof bbDb, words: string[], table = 'news_items') =>
      sql<{ search_match_id: number }>`SELECT search_match_id FROM search_matches(${table}::regclass, search_query(${words}::text[]))`.execute(db).then((r) => r.rows);
    assert.ok((await matches(wbDb, ['schlosspark'])).length > 0);
    assert.deepEqual(await matches(bbDb, ['schlosspark']), []);
    await assert.rejects(matches(bbDb, ['burg'], 'categories'), /not a searchable table/);
  });

  it('treats operators and quotes in the query as word separators', async () => {
    const plain = await search('Burg Eisenhardt');
    assert.ok(plain.length > 0);
    for (const q of ['Burg & Eisenhardt', 'Burg | Eisenhardt', '!Burg Eisenhardt', 'Burg:* Eisenhardt', "Burg' Eisenhardt", '"Burg Eisenhardt"', 'Burg\\ Eisenhardt', '(Burg) <-> Eisenhardt', 'Burg --Eisenhardt']) {
      assert.deepEqual(await search(q), plain, q);
    }
    for (const q of ["'", '&', '|', '!', ':*', '\\', "'; DROP TABLE news_items; --", "' OR 1=1 --", '&&&', '!!', '<->', '()']) {
      assert.deepEqual(await search(q), [], q);
    }
    assert.ok((await search('Burg')).length > 0, 'still there');
  });

  it('finds nothing for an empty or blank query', async () => {
    for (const q of ['', '   ', '\t\n', null, undefined, '.,;']) assert.deepEqual(await search(q), [], JSON.stringify(q));
  });

  it('rejects over-long queries and out-of-range paging with a clear message', async () => {
    let err = await searchFails('Burg '.repeat(50));
    assert.equal(err.extensions.code, 'VALIDATION');
    assert.match(err.message, /too long/);
    err = await searchFails(Array.from({ length: 11 }, (_, i) => `wort${i}`).join(' '));
    assert.match(err.message, /too many words/);
    err = await searchFails('Burg', { limit: 201 });
    assert.match(err.message, /limit/);
    err = await searchFails('Burg', { skip: -1 });
    assert.match(err.message, /skip/);
  });

  it('pages with limit and skip (default 50)', async () => {
    const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    await db
      .insertInto('news_items')
      .values(Array.from({ length: 60 }, (_, i) => ({ title: `Seitenprobe ${i + 1}`, content_blocks: JSON.stringify([{ id: null, title: null, intro: null, body: '<p>Inhalt</p>' }]) })))
      .execute();
    const all = await search('Seitenprobe', { limit: 200 });
    assert.equal(all.length, 60);
    assert.deepEqual(await search('Seitenprobe'), all.slice(0, 50));
    assert.deepEqual(await search('Seitenprobe', { limit: 2 }), all.slice(0, 2));
    assert.deepEqual(await search('Seitenprobe', { limit: 3, skip: 2 }), all.slice(2, 5));
    assert.deepEqual(await search('Seitenprobe', { skip: 55 }), all.slice(55));
    assert.deepEqual(await search('Seitenprobe', { limit: 0 }), []);
  });

  it('skips record types whose module is not enabled for the municipality', async () => {
    // A searchable of a module no municipality has: its (missing) table must never be queried.
    registerSearchable({ recordType: 'generic_item_test', module: 'not-installed', table: 'no_such_table', publicCondition: 'true' });
    assert.ok((await search('Burgfest')).length > 0);
  });
});
