import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { BB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { berlinToday } from '../../events/occurrences.ts';
import { addDays } from '../../events/recurrence.ts';

/**
 * The count table (category-counts-sql.ts) against the counts computed from the content itself,
 * for every category and count field, after each kind of write.
 */

const FIELDS = [
  'newsItemsCount', 'eventRecordsCount', 'upcomingEventRecordsCount', 'pointsOfInterestCount', 'pointsOfInterestTreeCount',
  'toursCount', 'toursTreeCount', 'genericItemsCount',
] as const;
type Counts = Record<string, Record<(typeof FIELDS)[number], number>>;

/** The counts as the resolvers computed them before the count table, straight from the content. */
async function countedFromContent(db: Kysely<any>, today: string): Promise<Counts> {
  const direct = async (links: string, owner: string, column: string, condition: string) =>
    (await sql.raw<{ category_id: number; n: number }>(`SELECT l.category_id, count(*)::int AS n FROM ${links} l JOIN ${owner} o ON o.id = l.${column} WHERE ${condition} GROUP BY 1`).execute(db)).rows;
  const tree = async (links: string, owner: string, column: string) =>
    (await sql.raw<{ category_id: number; n: number }>(`WITH RECURSIVE t(root_id, id) AS (SELECT id, id FROM categories UNION SELECT t.root_id, c.id FROM categories c JOIN t ON c.parent_id = t.id)
      SELECT t.root_id AS category_id, count(DISTINCT l.${column})::int AS n FROM t JOIN ${links} l ON l.category_id = t.id JOIN ${owner} o ON o.id = l.${column} WHERE o.visible GROUP BY 1`).execute(db)).rows;
  const parts: Array<[(typeof FIELDS)[number], Array<{ category_id: number; n: number }>]> = [
    ['newsItemsCount', await direct('news_item_categories', 'news_items', 'news_item_id', 'o.visible AND o.released')],
    ['eventRecordsCount', await direct('event_record_categories', 'event_records', 'event_record_id', 'o.visible')],
    ['upcomingEventRecordsCount', await direct('event_record_categories', 'event_records', 'event_record_id', `o.visible AND EXISTS (SELECT 1 FROM event_occurrences x WHERE x.event_record_id = o.id AND x.ends_on >= '${today}')`)],
    ['pointsOfInterestCount', await direct('point_of_interest_categories', 'points_of_interest', 'point_of_interest_id', 'o.visible')],
    ['pointsOfInterestTreeCount', await tree('point_of_interest_categories', 'points_of_interest', 'point_of_interest_id')],
    ['toursCount', await direct('tour_categories', 'tours', 'tour_id', 'o.visible')],
    ['toursTreeCount', await tree('tour_categories', 'tours', 'tour_id')],
    ['genericItemsCount', await direct('generic_item_categories', 'generic_items', 'generic_item_id', 'o.visible AND o.released')],
  ];
  const out: Counts = {};
  for (const { id } of await db.selectFrom('categories').select('id').execute()) out[id] = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Counts[string];
  for (const [field, rows] of parts) for (const r of rows) out[r.category_id][field] = r.n;
  return out;
}

describe('category counts follow every write', () => {
  let p: TestPlatform;
  let admin: string;
  let db: Kysely<any>;
  const today = berlinToday();

  before(async () => {
    p = await startTestPlatform();
    admin = await p.token('bad-belzig-admin');
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  });
  after(() => p.close());

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const res = await p.gql(BB, query, variables, admin);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data;
  }

  /** The API's counts (an admin's responses are not cached) for every category. */
  async function countedByApi(): Promise<Counts> {
    const { categories } = await gql(`{ categories { id ${FIELDS.join(' ')} } }`);
    return Object.fromEntries(categories.map(({ id, ...c }: { id: string }) => [id, c]));
  }

  async function categoryId(name: string): Promise<string> {
    return String((await db.selectFrom('categories').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id);
  }

  /** Asserts the API agrees with the content, and returns the counts of one category. */
  async function agreed(name: string): Promise<Counts[string]> {
    const [api, content] = [await countedByApi(), await countedFromContent(db, today)];
    assert.deepEqual(api, content);
    return api[await categoryId(name)];
  }

  it('agrees with the content after seeding', async () => {
    const c = await agreed('Aus dem Rathaus');
    assert.ok(c.newsItemsCount > 0);
  });

  it('news: create, scheduled release, hide, show, destroy', async () => {
    const before = (await agreed('Aus dem Rathaus')).newsItemsCount;
    const create = 'mutation($t: String, $at: String) { createNewsItem(title: $t, forceCreate: true, publishedAt: $at, categoryName: "Aus dem Rathaus") { id } }';
    const now = (await gql(create, { t: 'Zählt sofort' })).createNewsItem.id;
    const later = (await gql(create, { t: 'Zählt später', at: new Date(Date.now() + 3_600_000).toISOString() })).createNewsItem.id;
    assert.equal((await agreed('Aus dem Rathaus')).newsItemsCount, before + 1, 'the scheduled item does not count yet');
    await p.database.system.updateTable('news_items').set({ published_at: new Date(Date.now() - 1000) }).where('id', '=', Number(later)).execute();
    await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('dedupe_key', '=', `news.release:${later}`).execute();
    await p.jobs.runDue();
    assert.equal((await agreed('Aus dem Rathaus')).newsItemsCount, before + 2, 'released by its job');
    const visibility = 'mutation($id: ID!, $v: Boolean!, $type: String!) { changeVisibility(id: $id, recordType: $type, visible: $v) { statusCode } }';
    await gql(visibility, { id: now, v: false, type: 'NewsItem' });
    assert.equal((await agreed('Aus dem Rathaus')).newsItemsCount, before + 1);
    await gql(visibility, { id: now, v: true, type: 'NewsItem' });
    await gql('mutation($id: ID!) { destroyRecord(id: $id, recordType: "NewsItem") { statusCode } }', { id: later });
    assert.equal((await agreed('Aus dem Rathaus')).newsItemsCount, before + 1);
  });

  it('places: tree counts count a place in two categories of one tree once; updates move it', async () => {
    const parent = (await db.insertInto('categories').values({ name: 'Zähltest Eltern' }).returning('id').executeTakeFirstOrThrow()).id;
    for (const name of ['Zähltest A', 'Zähltest B']) await db.insertInto('categories').values({ name, parent_id: parent }).execute();
    const create = 'mutation($n: String!, $c: [CategoryInput!]) { createPointOfInterest(name: $n, categories: $c) { id } }';
    const both = (await gql(create, { n: 'Zählort beide', c: [{ name: 'Zähltest A' }, { name: 'Zähltest B' }] })).createPointOfInterest.id;
    await gql(create, { n: 'Zählort A', c: [{ name: 'Zähltest A' }] });
    assert.deepEqual([(await agreed('Zähltest Eltern')).pointsOfInterestTreeCount, (await agreed('Zähltest A')).pointsOfInterestCount], [2, 2]);
    // the update replaces its categories: out of A, only in B
    await gql('mutation($id: ID, $n: String!, $c: [CategoryInput!]) { createPointOfInterest(id: $id, name: $n, categories: $c) { id } }', { id: both, n: 'Zählort beide', c: [{ name: 'Zähltest B' }] });
    assert.deepEqual([(await agreed('Zähltest A')).pointsOfInterestCount, (await agreed('Zähltest B')).pointsOfInterestCount], [1, 1]);
    // a category moved under another root: the tree counts follow
    const other = (await db.insertInto('categories').values({ name: 'Zähltest Andere' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.updateTable('categories').set({ parent_id: other }).where('name', '=', 'Zähltest B').execute();
    assert.deepEqual([(await agreed('Zähltest Eltern')).pointsOfInterestTreeCount, (await agreed('Zähltest Andere')).pointsOfInterestTreeCount], [1, 1]);
    await gql('mutation($id: ID!) { destroyRecord(id: $id, recordType: "PointOfInterest") { statusCode } }', { id: both });
    assert.equal((await agreed('Zähltest Andere')).pointsOfInterestTreeCount, 0);
  });

  it('events: upcoming until their last date ends; dates replaced, events hidden and destroyed', async () => {
    const create = 'mutation($id: ID, $t: String!, $d: [DateInput!]) { createEventRecord(id: $id, title: $t, dates: $d, categoryName: "Zähltest Termine") { id } }';
    const soon = (await gql(create, { t: 'Bald', d: [{ dateStart: addDays(today, 2) }] })).createEventRecord.id;
    const past = (await gql(create, { t: 'Vorbei', d: [{ dateStart: addDays(today, -3), dateEnd: addDays(today, -1) }] })).createEventRecord.id;
    await gql(create, { t: 'Läuft', d: [{ dateStart: addDays(today, -3), dateEnd: today }] });
    const counts = async () => {
      const c = await agreed('Zähltest Termine');
      return [c.eventRecordsCount, c.upcomingEventRecordsCount];
    };
    assert.deepEqual(await counts(), [3, 2]);
    await gql(create, { id: past, t: 'Vorbei', d: [{ dateStart: addDays(today, 10) }] });
    assert.deepEqual(await counts(), [3, 3], 'a new date makes it upcoming');
    await gql('mutation($id: ID!) { changeVisibility(id: $id, recordType: "EventRecord", visible: false) { statusCode } }', { id: soon });
    assert.deepEqual(await counts(), [2, 2]);
    await gql('mutation($id: ID!) { destroyRecord(id: $id, recordType: "EventRecord") { statusCode } }', { id: past });
    assert.deepEqual(await counts(), [1, 1]);
    // tomorrow the running one has ended: the same table, read for a later day
    const tomorrow = await sql<{ n: number }>`SELECT coalesce(sum(direct_n), 0)::int AS n FROM category_counts WHERE kind = 'event_record' AND category_id = ${Number(await categoryId('Zähltest Termine'))} AND until >= ${addDays(today, 1)}::date`.execute(db);
    assert.equal(tomorrow.rows[0].n, 0);
  });

  it('generic items: create and destroy (children go with their parent)', async () => {
    const create = 'mutation($c: [GenericItemInput]) { createGenericItem(genericType: "Job", title: "Zählstelle", categoryName: "Zähltest Stellen", genericItems: $c) { id } }';
    const id = (await gql(create, { c: [{ genericType: 'Job', title: 'Teilstelle', categoryName: 'Zähltest Stellen' }] })).createGenericItem.id;
    assert.equal((await agreed('Zähltest Stellen')).genericItemsCount, 2);
    await gql('mutation($id: ID!) { destroyRecord(id: $id, recordType: "GenericItem") { statusCode } }', { id });
    assert.equal((await agreed('Zähltest Stellen')).genericItemsCount, 0);
  });
});
