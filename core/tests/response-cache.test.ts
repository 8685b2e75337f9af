import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createPlatform, type Platform } from '../app.ts';
import { loadConfig } from '../config.ts';
import { allModules } from '../../server/modules.ts';
import { BB, WB, eventually, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

const LIST = '{ newsItems(limit: 1) { id title } }';

describe('Response cache for published content', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform()));
  after(() => p.close());

  it('serves a repeated public read from the cache, per tenant', async () => {
    const first = await p.gql(BB, LIST);
    const second = await p.gql(BB, LIST);
    assert.equal(first.headers['x-cache'], 'miss');
    assert.equal(second.headers['x-cache'], 'hit');
    assert.deepEqual(second.body, first.body);
    const other = await p.gql(WB, LIST);
    assert.equal(other.headers['x-cache'], 'miss');
    assert.notDeepEqual(other.body, first.body);
  });

  it('does not cache reads of callers who see unpublished content', async () => {
    const admin = await p.token('bad-belzig-admin');
    await p.gql(BB, LIST, undefined, admin);
    const again = await p.gql(BB, LIST, undefined, admin);
    assert.equal(again.headers['x-cache'], 'miss');
  });

  it('drops the tenant\'s entries after a mutation, before the next read', async () => {
    await p.gql(BB, LIST);
    const admin = await p.token('bad-belzig-admin');
    const created = await p.gql(BB, 'mutation { createNewsItem(title: "Frisch", forceCreate: true) { id } }', undefined, admin);
    const after = await p.gql(BB, LIST);
    assert.equal(after.headers['x-cache'], 'miss');
    assert.equal(after.body.data.newsItems[0].id, created.body.data.createNewsItem.id);
  });

  it('drops entries on any write to a tenant table, through the database notification', async () => {
    // On PostgreSQL the previous test's notification may still be on its way and drop a fresh entry: wait until reads hit.
    assert.ok(await eventually(async () => (await p.gql(BB, LIST)).headers['x-cache'] === 'hit'), 'a repeated read is served from the cache');
    const tenant = p.tenants.get('bad-belzig')!;
    // A write that bypasses GraphQL (a job, a script) still invalidates via the trigger's NOTIFY.
    await sql`UPDATE news_items SET title = 'Geändert ohne GraphQL' WHERE id = (SELECT id FROM news_items WHERE visible AND released ORDER BY published_at DESC, id DESC LIMIT 1)`.execute(p.database.forTenant(tenant.id));
    assert.ok(await eventually(async () => (await p.gql(BB, LIST)).body.data.newsItems[0].title === 'Geändert ohne GraphQL'));
  });

  it('drops the tenant\'s entries when a studio session changes something, before answering it', async () => {
    assert.ok(await eventually(async () => (await p.gql(BB, LIST)).headers['x-cache'] === 'hit'));
    assert.ok(await eventually(async () => (await p.gql(WB, LIST)).headers['x-cache'] === 'hit'));
    // No write happens here (the session is unknown), so no notification: only the answer path can drop the entry.
    const res = await p.http.inject({ method: 'POST', url: '/studio/abmelden', headers: { host: BB, cookie: 'dp_session=unbekannt' }, payload: {} });
    assert.ok(res.statusCode < 500);
    assert.equal((await p.gql(BB, LIST)).headers['x-cache'], 'miss');
    assert.equal((await p.gql(WB, LIST)).headers['x-cache'], 'hit', 'other municipalities keep theirs');
  });

  // PGlite serves one process by design; CI runs this file against PostgreSQL too.
  it('invalidates across processes sharing one PostgreSQL', { skip: !process.env.TEST_DATABASE_URL && 'needs PostgreSQL (TEST_DATABASE_URL)' }, async (t) => {
    const other: Platform = await createPlatform(loadConfig({ DATA_DIR: p.dataDir, DATABASE_URL: p.databaseUrl!, JOBS: 'off', LOG_LEVEL: 'silent' }), allModules);
    t.after(() => other.close());
    await p.gql(BB, LIST);
    const res = await other.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json', authorization: `Bearer ${await p.token('bad-belzig-admin')}` }, payload: { query: 'mutation { createNewsItem(title: "Aus Prozess zwei", forceCreate: true) { id } }' } });
    const id = res.json().data.createNewsItem.id;
    assert.ok(await eventually(async () => (await p.gql(BB, LIST)).body.data.newsItems[0].id === id));
  });
});
