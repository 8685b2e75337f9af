import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Database } from '../db/database.ts';
import { JobQueue, enqueueJob, retryDelayMs } from '../jobs/job-queue.ts';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as any;

describe('Job queue in PostgreSQL', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform({ seed: false })));
  after(() => p.close());

  const jobsNamed = (name: string) => p.database.system.selectFrom('jobs').selectAll().where('name', '=', name).orderBy('id').execute();

  it('runs due jobs once, not future ones', async () => {
    const queue = new JobQueue(p.database, silent);
    const seen: number[] = [];
    queue.register('t.record', async ({ payload }) => void seen.push(payload.n));
    await enqueueJob(p.database.system, { name: 't.record', payload: { n: 1 }, tenantId: null });
    await enqueueJob(p.database.system, { name: 't.record', payload: { n: 2 }, tenantId: null, runAt: new Date(Date.now() + 3_600_000) });
    assert.equal(await queue.runDue(), 1);
    assert.equal(await queue.runDue(), 0);
    assert.deepEqual(seen, [1]);
    const rows = await jobsNamed('t.record');
    assert.deepEqual(rows.map((r) => r.status), ['done', 'queued']);
  });

  it('retries failures with back-off and keeps dead jobs with their error', async () => {
    const queue = new JobQueue(p.database, silent);
    let calls = 0;
    queue.register('t.fail', async () => {
      calls++;
      throw new Error('upstream down');
    });
    await enqueueJob(p.database.system, { name: 't.fail', tenantId: null, maxAttempts: 2 });
    await queue.runDue();
    let [job] = await jobsNamed('t.fail');
    assert.equal(job.status, 'queued');
    assert.equal(job.attempts, 1);
    assert.equal(job.last_error, 'upstream down');
    assert.ok(new Date(job.run_at).getTime() > Date.now() + 500, 'retry is scheduled later');
    await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('id', '=', job.id).execute();
    await queue.runDue();
    [job] = await jobsNamed('t.fail');
    assert.equal(job.status, 'dead');
    assert.equal(job.attempts, 2);
    assert.equal(calls, 2);
  });

  it('grows the back-off exponentially and caps it', () => {
    assert.ok(retryDelayMs(1) >= 1500 && retryDelayMs(1) <= 2500);
    assert.ok(retryDelayMs(5) >= 24_000 && retryDelayMs(5) <= 40_000);
    assert.ok(retryDelayMs(30) <= 3_600_000 * 1.25);
  });

  it('keeps one pending job per dedupe key and moves its run time', async () => {
    const later = new Date(Date.now() + 7_200_000);
    await enqueueJob(p.database.system, { name: 't.dedupe', tenantId: null, dedupeKey: 'k1', runAt: new Date(Date.now() + 3_600_000) });
    await enqueueJob(p.database.system, { name: 't.dedupe', tenantId: null, dedupeKey: 'k1', runAt: later });
    const rows = await jobsNamed('t.dedupe');
    assert.equal(rows.length, 1);
    assert.equal(new Date(rows[0].run_at).getTime(), later.getTime());
  });

  it('hands a job to exactly one of several workers (FOR UPDATE SKIP LOCKED)', async (t) => {
    // Two processes are two pools on one PostgreSQL; on PGlite (one process by design) two queues share the database.
    const second = p.databaseUrl ? await Database.open({ databaseUrl: p.databaseUrl, poolSize: 4 }) : p.database;
    t.after(() => (second !== p.database ? second.close() : undefined));
    const runs = new Map<number, number>();
    const handler = async ({ payload }: { payload: { n: number } }) => {
      runs.set(payload.n, (runs.get(payload.n) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    const a = new JobQueue(p.database, silent, { batchSize: 5 });
    const b = new JobQueue(second, silent, { batchSize: 5 });
    a.register('t.parallel', handler);
    b.register('t.parallel', handler);
    for (let n = 0; n < 60; n++) await enqueueJob(p.database.system, { name: 't.parallel', tenantId: null, payload: { n } });
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    assert.equal(ra + rb, 60);
    assert.equal(runs.size, 60);
    assert.ok([...runs.values()].every((c) => c === 1));
  });

  it('puts jobs of a crashed worker back after the stale timeout', async () => {
    await enqueueJob(p.database.system, { name: 't.stale', tenantId: null });
    await p.database.system.updateTable('jobs').set({ status: 'running', locked_at: new Date(Date.now() - 3_600_000), locked_by: 'dead-process' }).where('name', '=', 't.stale').execute();
    const queue = new JobQueue(p.database, silent, { staleAfterMs: 60_000 });
    let ran = 0;
    queue.register('t.stale', async () => void ran++);
    await queue.runDue();
    assert.equal(ran, 1);
    const [job] = await jobsNamed('t.stale');
    assert.equal(job.status, 'done');
  });

  it('counts the queue depth for /metrics', async () => {
    const depth = await new JobQueue(p.database, silent).depth();
    assert.ok(depth.queued >= 2 && depth.dead >= 1);
  });
});
