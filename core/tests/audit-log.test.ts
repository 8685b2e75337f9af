import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../test/harness.ts';
import { listAudit, recordAudit } from '../audit/audit-log.ts';
import { AUDIT_RETENTION_JOB, nextRetentionRun } from '../audit/audit-retention.ts';
import { enqueueJob } from '../jobs/job-queue.ts';

describe('audit log of GraphQL mutations', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform({ seed: true })));
  after(() => p?.close());

  const tenantDb = (slug: string) => p.database.forTenant(p.tenants.get(slug)!.id);
  const mutate = async (host: string, query: string, token: string, remoteAddress = '203.0.113.7') => {
    const res = await p.http.inject({ method: 'POST', url: '/graphql', remoteAddress, headers: { host, 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify({ query }) });
    return res.json();
  };

  it('records a mutation in its transaction with actor, target and address', async () => {
    const token = await p.token('bad-belzig-admin');
    const body = await mutate(BB, 'mutation { createNewsItem(title: "Audit", externalId: "audit-1", categoryName: "Aus dem Rathaus", forceCreate: true) { id } }', token);
    const id = body.data.createNewsItem.id;
    const [entry] = await listAudit(tenantDb('bad-belzig'), { action: 'createNewsItem' });
    assert.ok(entry, 'entry written');
    assert.equal(entry.action, 'graphql:createNewsItem');
    assert.equal(entry.actor, 'Redaktion Bad Belzig (Demo)', 'the application names the actor');
    assert.equal(entry.accountId, null);
    assert.equal(entry.targetType, 'NewsItem');
    assert.equal(entry.targetId, String(id));
    assert.equal(entry.ip, '203.0.113.7');
    assert.deepEqual(entry.detail, { forceCreate: true }, 'only IDs and flags, not the title');
  });

  it('writes nothing for a failed mutation, and keeps the record-level target of one that works', async () => {
    const token = await p.token('bad-belzig-admin');
    const before = (await listAudit(tenantDb('bad-belzig'), {})).length;
    const failed = await mutate(BB, 'mutation { createNewsItem(title: "x", externalId: "audit-x", publishedAt: "kein Datum") { id } }', token);
    assert.ok(failed.errors?.length, 'the mutation failed');
    const refused = await mutate(BB, 'mutation { createNewsItem(title: "Nein", externalId: "audit-2") { id } }', await p.tokenWithRole('bad-belzig', 'read_only'));
    assert.ok(refused.errors?.length, 'read-only may not write');
    assert.equal((await listAudit(tenantDb('bad-belzig'), {})).length, before);

    const created = await mutate(BB, 'mutation { createNewsItem(title: "Weg", externalId: "audit-3", categoryName: "Aus dem Rathaus") { id } }', token);
    const id = created.data.createNewsItem.id;
    const hidden = await mutate(BB, `mutation { changeVisibility(recordType: "NewsItem", id: "${id}", visible: false) { status } }`, token);
    assert.ok(!hidden.errors, JSON.stringify(hidden.errors));
    const [entry] = await listAudit(tenantDb('bad-belzig'), { action: 'changeVisibility' });
    assert.equal(entry.targetType, 'NewsItem');
    assert.equal(entry.targetId, String(id));
    assert.deepEqual(entry.detail, { id: String(id), visible: false });
  });

  it('is confined to the tenant by row-level security', async () => {
    const wbToken = await p.token('wiesenburg-admin');
    await mutate(WB, 'mutation { createNewsItem(title: "Wiesenburg", externalId: "audit-wb", categoryName: "Aus dem Rathaus") { id } }', wbToken);
    const wb = await listAudit(tenantDb('wiesenburg'), {});
    assert.equal(wb.length, 1);
    assert.equal(wb[0].actor, 'Redaktion Wiesenburg (Demo)');
    assert.ok((await listAudit(tenantDb('bad-belzig'), {})).every((e) => e.actor !== 'Redaktion Wiesenburg (Demo)'));
    // A tenant-bound database cannot write an entry for another tenant either.
    await assert.rejects(recordAudit(tenantDb('wiesenburg'), { tenantId: p.tenants.get('bad-belzig')!.id, accountId: null, actor: 'x', action: 'test:forged', ip: '' }));
  });

  it('filters by actor, action and time, newest first, with paging', async () => {
    const db = tenantDb('bad-belzig');
    const all = await listAudit(db, {});
    assert.ok(all.length >= 3);
    assert.ok(all.every((e, i) => i === 0 || e.at <= all[i - 1].at), 'newest first');
    assert.equal((await listAudit(db, { actor: 'REDAKTION bad' })).length, all.length);
    assert.equal((await listAudit(db, { actor: 'niemand' })).length, 0);
    assert.equal((await listAudit(db, { to: new Date(Date.now() - 3_600_000) })).length, 0);
    const page2 = await listAudit(db, { limit: 1, offset: 1 });
    assert.equal(page2[0].id, all[1].id);
  });

  it('deletes entries older than twelve months in the nightly job, and queues the next run', async () => {
    const bb = p.tenants.get('bad-belzig')!.id;
    const old = (monthsAgo: number) => new Date(Date.now() - monthsAgo * 31 * 24 * 3600 * 1000);
    for (const [action, at] of [['test:old', old(13)], ['test:recent', old(11)]] as const) {
      await p.database.system.insertInto('audit_log').values({ tenant_id: bb, actor: 'x', action, at }).execute();
    }
    await enqueueJob(p.database.system, { name: AUDIT_RETENTION_JOB, tenantId: null });
    await p.jobs.runDue();
    const db = tenantDb('bad-belzig');
    assert.equal((await listAudit(db, { action: 'test:old' })).length, 0);
    assert.equal((await listAudit(db, { action: 'test:recent' })).length, 1);
    assert.ok((await listAudit(db, { action: 'createNewsItem' })).length > 0, 'new entries stay');
    const next = await p.database.system.selectFrom('jobs').select('run_at').where('name', '=', AUDIT_RETENTION_JOB).where('status', '=', 'queued').execute();
    assert.equal(next.length, 1);
    assert.ok(new Date(next[0].run_at) > new Date(), 'next run is in the future');
  });

  it('runs at 03:15 Berlin time on the next day', () => {
    assert.equal(nextRetentionRun(new Date('2025-03-29T12:00:00Z')).toISOString(), '2025-03-30T01:15:00.000Z', 'summer time starts that night');
    assert.equal(nextRetentionRun(new Date('2025-01-10T23:30:00Z')).toISOString(), '2025-01-12T02:15:00.000Z', 'after midnight in Berlin');
  });
});
