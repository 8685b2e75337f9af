import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { startFakeZufi, type FakeZufi } from './fake-zufi/fake-zufi-server.ts';
import { captureLog, zufiTenant } from './fake-zufi/zufi-tenant.ts';
import { scheduleSyncSweep, SWEEP_JOB, sweepDueSyncs } from '../sync/sync-schedule.ts';
import { SYNC_JOB } from '../sync/sync-request.ts';

describe('scheduled ZuFi syncs', () => {
  let p: TestPlatform;
  let fake: FakeZufi;
  let ids: Record<'due' | 'off' | 'open' | 'noModule', number>;
  before(async () => {
    p = await startTestPlatform();
    fake = await startFakeZufi({ apiKey: 'whatever-key' });
    const make = async (slug: string, enabled = true) => (await zufiTenant(p, fake, { slug, enabled })).tenant.id;
    ids = { due: await make('sched-due'), off: await make('sched-off', false), open: await make('sched-open'), noModule: await make('sched-nomodule') };
    await p.database.forTenant(ids.open).updateTable('ozg_settings').set({ circuit_failures: 3, circuit_open_until: new Date(Date.now() + 3_600_000) }).execute();
    await p.tenants.update(ids.noModule, { enabledModules: p.modules.map((m) => m.name).filter((n) => n !== 'services') });
  });
  after(async () => {
    await fake.close();
    await p.close();
  });

  const waitingSyncs = async () =>
    (await p.database.system.selectFrom('jobs').select('tenant_id').where('name', '=', SYNC_JOB).where('status', '=', 'queued').orderBy('tenant_id').execute()).map((j) => j.tenant_id);
  const lastAttempt = (tenantId: number, at: Date, error: string | null = null) =>
    sql`INSERT INTO ozg_source_status (tenant_id, source, last_attempt_at, last_success_at, last_error) VALUES (${tenantId}, 'zufi', ${at}, ${error ? null : at}, ${error})
      ON CONFLICT (tenant_id, source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error`.execute(p.database.system);

  it('queues a sync for enabled tenants never synced, skips an open breaker with a log line, and queues each once', async () => {
    const { lines, log } = captureLog();
    assert.deepEqual(await sweepDueSyncs(p.database.system, log), [ids.due]);
    assert.ok(lines.some((l) => l.includes('circuit breaker open') && l.includes(String(ids.open))));
    assert.deepEqual(await sweepDueSyncs(p.database.system, log), [], 'a waiting sync is not queued again');
    assert.deepEqual(await waitingSyncs(), [ids.due]);
    const job = await p.database.system.selectFrom('jobs').select(['payload', 'dedupe_key']).where('name', '=', SYNC_JOB).executeTakeFirstOrThrow();
    assert.deepEqual(job.payload, { trigger: 'schedule' });
    await p.database.system.deleteFrom('jobs').where('name', '=', SYNC_JOB).execute();
  });

  it('waits for the interval after an attempt, and retries a failed one sooner', async () => {
    const hour = 3_600_000;
    await lastAttempt(ids.due, new Date(Date.now() - 2 * hour));
    assert.deepEqual(await sweepDueSyncs(p.database.system, captureLog().log), [], 'synced 2 h ago, interval 24 h');
    await lastAttempt(ids.due, new Date(Date.now() - 25 * hour));
    assert.deepEqual(await sweepDueSyncs(p.database.system, captureLog().log), [ids.due]);
    await p.database.system.deleteFrom('jobs').where('name', '=', SYNC_JOB).execute();
    await lastAttempt(ids.due, new Date(Date.now() - 40 * 60_000), 'ZuFi ist nicht erreichbar');
    assert.deepEqual(await sweepDueSyncs(p.database.system, captureLog().log), [ids.due], 'a failed run is retried after 30 min');
    await p.database.system.deleteFrom('jobs').where('name', '=', SYNC_JOB).execute();
  });

  it('keeps one waiting sweep that queues itself again, run by the job queue', async () => {
    await scheduleSyncSweep(p.database.system, new Date());
    await scheduleSyncSweep(p.database.system, new Date());
    const sweeps = () => p.database.system.selectFrom('jobs').select(['run_at']).where('name', '=', SWEEP_JOB).where('status', '=', 'queued').execute();
    assert.equal((await sweeps()).length, 1);
    await lastAttempt(ids.due, new Date(Date.now() - 25 * 3_600_000));
    // The sweep queues the tenant's sync (due at once), which the same runDue then runs against the fake.
    await p.jobs.runDue();
    const next = await sweeps();
    assert.equal(next.length, 1);
    assert.ok(new Date(next[0]!.run_at).getTime() > Date.now() + 10 * 60_000, 'the next sweep in about 15 min');
    const run = await p.database.forTenant(ids.due).selectFrom('ozg_sync_runs').select(['trigger', 'status', 'error']).executeTakeFirstOrThrow();
    assert.equal(run.trigger, 'schedule');
    assert.equal(run.status, 'failed', 'the fake knows another key');
    assert.match(run.error, /API-Schlüssel wurde abgelehnt/);
  });
});
