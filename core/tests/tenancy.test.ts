import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('Tenancy: resolution by host and strict isolation', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform()));
  after(() => p.close());

  const titles = async (host: string) => (await p.gql(host, '{ newsItems(limit: 1000) { title } }')).body.data.newsItems.map((n: { title: string }) => n.title);

  it('resolves the tenant from the Host header, ignoring port and case', async () => {
    const bb = await p.gql('Bad-Belzig.localhost:3000', '{ publicHtmlFile(name: "impressum") { content } }');
    assert.match(bb.body.data.publicHtmlFile.content, /Bad Belzig/);
    const wb = await p.gql(WB, '{ publicHtmlFile(name: "impressum") { content } }');
    assert.match(wb.body.data.publicHtmlFile.content, /Wiesenburg/);
  });

  it('sends unknown hosts to the default tenant, never to another', async () => {
    const unknown = await titles('somewhere-else.example');
    assert.deepEqual(unknown, await titles(BB));
    assert.notDeepEqual(unknown, await titles(WB));
  });

  it('keeps each municipality\'s content apart', async () => {
    const bb = new Set(await titles(BB));
    const wb = await titles(WB);
    assert.ok(bb.size >= 40 && wb.length >= 5);
    assert.ok(wb.every((t: string) => !bb.has(t)));
  });

  it('confines a tenant-bound database to its rows, even for hand-written SQL', async () => {
    const bb = p.tenants.get('bad-belzig')!;
    const wb = p.tenants.get('wiesenburg')!;
    const db = p.database.forTenant(wb.id);
    const seen = await sql<{ tenant_id: number }>`SELECT DISTINCT tenant_id FROM news_items`.execute(db);
    assert.deepEqual(seen.rows.map((r) => r.tenant_id), [wb.id]);
    // Writing into another tenant is refused by the row-level security policy.
    await assert.rejects(sql`INSERT INTO news_items (tenant_id, title) VALUES (${bb.id}, 'smuggled')`.execute(db), /row-level security/);
    // Updating or deleting another tenant's rows finds nothing to touch.
    const upd = await sql`UPDATE news_items SET title = 'hijacked' WHERE tenant_id = ${bb.id}`.execute(db);
    assert.equal(Number(upd.numAffectedRows ?? 0), 0);
    // Core tables (accounts, OAuth) are out of reach of tenant sessions.
    await assert.rejects(sql`SELECT * FROM oauth_applications`.execute(db), /permission denied/);
    // A new row gets the session's tenant without the module naming it.
    const row = await sql<{ tenant_id: number }>`INSERT INTO categories (name) VALUES ('Isolation test') RETURNING tenant_id`.execute(db);
    assert.equal(row.rows[0].tenant_id, wb.id);
  });

  it('switches a pooled connection between tenants correctly', async () => {
    const bb = p.tenants.get('bad-belzig')!;
    const wb = p.tenants.get('wiesenburg')!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const t = i % 2 ? bb : wb;
        return sql<{ t: number }>`SELECT DISTINCT tenant_id AS t FROM categories`.execute(p.database.forTenant(t.id)).then((r) => [t.id, r.rows.map((x) => x.t)] as const);
      }),
    );
    for (const [expected, seen] of results) assert.deepEqual(seen, [expected]);
  });
});
