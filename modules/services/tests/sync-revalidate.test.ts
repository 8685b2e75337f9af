import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { captureLog, FAKE_KEY, startZufiTest, type ZufiTest } from './fake-zufi/zufi-tenant.ts';
import { runZufiSync } from '../sync/sync-job.ts';
import { REFRESH_JOB, revalidateWhenStale } from '../sync/revalidate.ts';
import { refreshZufiService } from '../sync/refresh-service.ts';
import { MIN_REVALIDATE_MS } from '../sync/freshness.ts';

const FAST = { timeoutMs: 300, retries: 0, backoffMs: 5 };

describe('stale-while-revalidate of one service', () => {
  let t: ZufiTest;
  before(async () => {
    t = await startZufiTest('zufi-swr', { cacheControl: 'max-age=600' });
    assert.equal((await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log)).status, 'succeeded');
  });
  after(() => t.close());

  const row = (sourceId: string) => t.db.selectFrom('ozg_services').select(['id', 'source', 'name', 'fresh_until', 'updated_at', 'online_services']).where('source_id', '=', sourceId).executeTakeFirstOrThrow();
  const refreshJobs = () => t.p.database.system.selectFrom('jobs').select(['payload', 'dedupe_key']).where('name', '=', REFRESH_JOB).where('status', '=', 'queued').execute();
  const inSeconds = (d: Date | string) => Math.round((new Date(d).getTime() - Date.now()) / 1000);

  it('queues one refresh per service once its copy is stale, never for fresh, seeded or other sources’ rows', async () => {
    const perso = await row('80001');
    assert.ok(Math.abs(inSeconds(perso.fresh_until) - 600) < 30, 'the sync honoured max-age=600');
    assert.equal(await revalidateWhenStale(t.db, t.tenantId, perso), false, 'fresh');
    assert.equal(await revalidateWhenStale(t.db, t.tenantId, { ...perso, fresh_until: null }), false, 'no freshness known (seeded)');
    assert.equal(await revalidateWhenStale(t.db, t.tenantId, { ...perso, source: 'manual', fresh_until: new Date(0) }), false);
    const stale = { ...perso, fresh_until: new Date(Date.now() - 1000).toISOString() };
    assert.equal(await revalidateWhenStale(t.db, t.tenantId, stale), true);
    assert.equal(await revalidateWhenStale(t.db, t.tenantId, stale), true);
    assert.deepEqual(await refreshJobs(), [{ payload: { serviceId: perso.id }, dedupe_key: `${REFRESH_JOB}:${t.tenantId}:${perso.id}` }]);
  });

  it('refreshes the service from the upstream through the job, with its authorities and responsibilities', async () => {
    const perso = await row('80001');
    t.fake.data.services.find((s) => s.id === '80001')!.name = 'Personalausweis beantragen (neu)';
    t.fake.data.authorities.find((a) => a.id === '7001')!.name = 'Bürgerbüro Bad Belzig';
    t.fake.data.competences.push({ id: 'x', pstId: '80001', ouId: '7003', areaId: '120690017017' });
    t.fake.set({ cacheControl: 'max-age=7200' });
    const before = t.fake.requests.length;
    await t.p.jobs.runDue();
    const paths = t.fake.requests.slice(before).map((r) => r.path);
    assert.deepEqual(paths.sort(), ['/form/find', '/os/find', '/ou/findByCompetence', '/ouCompetence/find', '/pst/80001'].sort());
    const after = await row('80001');
    assert.equal(after.name, 'Personalausweis beantragen (neu)');
    assert.ok(Math.abs(inSeconds(after.fresh_until) - 7200) < 30, 'fresh_until follows the new max-age');
    assert.deepEqual(after.online_services, perso.online_services);
    const authority = await t.db.selectFrom('ozg_authorities').select('name').where('source_id', '=', '7001').executeTakeFirstOrThrow();
    assert.equal(authority.name, 'Bürgerbüro Bad Belzig');
    const responsible = await t.db.selectFrom('ozg_responsibilities as r').innerJoin('ozg_authorities as a', 'a.id', 'r.authority_id').select('a.source_id').where('r.service_id', '=', perso.id).orderBy('a.source_id').execute();
    assert.deepEqual(responsible.map((r) => r.source_id), ['7001', '7003']);
    const categories = await t.db.selectFrom('ozg_service_categories').select('category_id').where('service_id', '=', perso.id).execute();
    assert.equal(categories.length, 1, 'life situations stay');
  });

  it('hashes like the full sync: after a refresh, the next sync sees nothing new', async () => {
    assert.equal(await refreshZufiService(t.db, (await row('80002')).id, captureLog().log, FAST), 'unchanged');
    const sync = await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log);
    assert.equal(sync.status === 'succeeded' && sync.counts.services.changed, 0);
    assert.equal(sync.status === 'succeeded' && sync.counts.links.added + sync.counts.links.removed, 0);
  });

  it('treats no-store as always stale, but asks at most every few minutes', async () => {
    t.fake.set({ cacheControl: 'no-store' });
    const id = (await row('80004')).id;
    assert.equal(await refreshZufiService(t.db, id, captureLog().log, FAST), 'unchanged');
    assert.ok(Math.abs(inSeconds((await row('80004')).fresh_until) - MIN_REVALIDATE_MS / 1000) < 30);
    t.fake.set({ cacheControl: 'max-age=600' });
  });

  it('deletes nothing when the upstream fails or no longer has the service, and asks again later', async () => {
    const id = (await row('80005')).id;
    const links = () => t.db.selectFrom('ozg_responsibilities').select(['authority_id', 'area']).where('service_id', '=', id).execute();
    const kept = { row: await row('80005'), links: await links() };
    await t.fake.down();
    try {
      const { lines, log } = captureLog();
      assert.equal(await refreshZufiService(t.db, id, log, FAST), 'failed');
      assert.ok(!lines.join('').includes(FAKE_KEY));
    } finally {
      await t.fake.up();
    }
    const afterFailure = await row('80005');
    assert.equal(afterFailure.name, kept.row.name);
    assert.deepEqual(await links(), kept.links);
    assert.ok(Math.abs(inSeconds(afterFailure.fresh_until) - MIN_REVALIDATE_MS / 1000) < 30, 'postponed, not asked on every view');

    t.fake.data.services = t.fake.data.services.filter((s) => s.id !== '80005');
    assert.equal(await refreshZufiService(t.db, id, captureLog().log, FAST), 'gone');
    assert.equal((await row('80005')).name, kept.row.name, 'removal is left to the full sync');
    assert.deepEqual(await links(), kept.links);
  });

  it('is asked for by the API: reading a stale service answers from the copy and queues its refresh', async () => {
    const id = (await row('80002')).id;
    // Each read asks something new: a cached answer (on PostgreSQL the cache learns of the test's write a moment later) would not reach the resolver.
    let reads = 0;
    const read = async () => (await t.p.gql('zufi-swr.localhost', `query($id: ID) { administrativeService(id: $id) { id name } } # read ${reads++}`, { id: String(id) })).body;
    const queuedFor = async () => (await refreshJobs()).filter((j) => (j.payload as { serviceId: number }).serviceId === id).length;
    assert.equal((await read()).data.administrativeService.id, String(id));
    assert.equal(await queuedFor(), 0, 'fresh: nothing queued');
    await t.db.updateTable('ozg_services').set({ fresh_until: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    const stale = await read();
    assert.equal(stale.data.administrativeService.name, (await row('80002')).name, 'answered from the copy');
    assert.equal(await queuedFor(), 1);
  });
});
