import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { DB_MAINTENANCE_JOB, KEEP_DONE_JOBS_DAYS } from '../db/maintenance.ts';
import { enqueueJob } from '../jobs/job-queue.ts';
import { tomorrowInBerlinAt } from '../../lib/berlin-time.ts';

describe('nightly database maintenance', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform({ seed: true })));
  after(() => p?.close());

  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

  it('prunes old finished jobs, keeps recent and waiting ones, and queues its next run', async () => {
    const db = p.database.system;
    const rows = [
      { name: 'test.old-done', status: 'done', finished_at: daysAgo(KEEP_DONE_JOBS_DAYS + 1) },
      { name: 'test.recent-done', status: 'done', finished_at: daysAgo(1) },
      { name: 'test.old-dead', status: 'dead', finished_at: daysAgo(31) },
      { name: 'test.recent-dead', status: 'dead', finished_at: daysAgo(KEEP_DONE_JOBS_DAYS + 1) },
      { name: 'test.waiting', status: 'queued', finished_at: null, run_at: daysAgo(-1) },
    ];
    for (const r of rows) await db.insertInto('jobs').values({ tenant_id: null, payload: JSON.stringify({}), ...r }).execute();
    await enqueueJob(db, { name: DB_MAINTENANCE_JOB, tenantId: null });
    await p.jobs.runDue();
    const left = (await db.selectFrom('jobs').select('name').where('name', 'like', 'test.%').execute()).map((r) => r.name).sort();
    assert.deepEqual(left, ['test.recent-dead', 'test.recent-done', 'test.waiting']);
    const next = await db.selectFrom('jobs').select('run_at').where('name', '=', DB_MAINTENANCE_JOB).where('status', '=', 'queued').execute();
    assert.equal(next.length, 1, 'one next run queued');
    assert.equal(new Date(next[0].run_at).toISOString(), tomorrowInBerlinAt(4, 0).toISOString());
  });

  it('vacuums on PGlite, which has no autovacuum: the visibility map of a table gets set', async (t) => {
    if (p.database.kind !== 'pglite') return t.skip('PostgreSQL vacuums by itself; the job only prunes there');
    const db = p.database.system;
    await sql`CREATE TABLE maintenance_probe (id int)`.execute(db);
    await sql`INSERT INTO maintenance_probe SELECT generate_series(1, 5000)`.execute(db);
    const allVisible = async () => Number((await sql<{ n: number }>`SELECT relallvisible AS n FROM pg_class WHERE relname = 'maintenance_probe'`.execute(db)).rows[0].n);
    assert.equal(await allVisible(), 0, 'nothing vacuumed yet');
    await enqueueJob(db, { name: DB_MAINTENANCE_JOB, tenantId: null, dedupeKey: 'probe' });
    await p.jobs.runDue();
    assert.ok((await allVisible()) > 0, 'VACUUM set the visibility map');
  });
});

describe('tomorrowInBerlinAt', () => {
  it('counts calendar days, also across the 25-hour night when summer time ends', () => {
    assert.equal(tomorrowInBerlinAt(4, 0, new Date('2026-10-24T22:30:00Z')).toISOString(), '2026-10-26T03:00:00.000Z', '00:30 on the 25th (summer time) → 04:00 on the 26th (winter time)');
    assert.equal(tomorrowInBerlinAt(3, 15, new Date('2025-03-29T12:00:00Z')).toISOString(), '2025-03-30T01:15:00.000Z');
  });
});
