import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { captureLog, FAKE_KEY, startZufiTest, type ZufiTest } from './fake-zufi/zufi-tenant.ts';
import { requestSync, SYNC_JOB } from '../sync/sync-request.ts';
import { runZufiSync } from '../sync/sync-job.ts';
import { saveZufiSettings, ZufiSettingsInput, readZufiSettings } from '../settings/zufi-settings.ts';

describe('ZuFi sync against the fake upstream', () => {
  let t: ZufiTest;
  before(async () => {
    t = await startZufiTest('zufi-sync');
  });
  after(() => t.close());

  const runs = () => t.db.selectFrom('ozg_sync_runs').selectAll().orderBy('id').execute();
  const status = () => t.db.selectFrom('ozg_source_status').selectAll().where('source', '=', 'zufi').executeTakeFirst();
  const count = async (table: string) => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('fetches the whole catalogue through the job queue and records the run', async () => {
    await requestSync(t.db, t.tenantId, 'studio');
    await requestSync(t.db, t.tenantId, 'studio');
    const queued = await t.p.database.system.selectFrom('jobs').select('payload').where('name', '=', SYNC_JOB).where('status', '=', 'queued').execute();
    assert.equal(queued.length, 1, 'one waiting sync per tenant');
    assert.ok((await t.p.jobs.runDue()) >= 1);

    const [run] = await runs();
    assert.equal(run.status, 'succeeded', run.error);
    assert.equal(run.trigger, 'studio');
    assert.equal(run.counts.services.added, 40);
    assert.equal(run.counts.authorities.added, 12);
    assert.equal(run.counts.categories.added, 17);
    assert.ok(run.finished_at);
    const log = run.log.map((l: { message: string }) => l.message);
    assert.ok(log.some((m: string) => /^Leistungen: 40 von 40 geladen$/.test(m)), log.join('\n'));
    assert.ok(log.some((m: string) => /^Leistungen: 40 neu/.test(m)));

    assert.equal(await count('ozg_services'), 40);
    assert.equal(await count('ozg_responsibilities'), 40);
    const fund = await t.db.selectFrom('ozg_services').select(['texts', 'fresh_until', 'leika_key']).where('source_id', '=', '80027').executeTakeFirstOrThrow();
    assert.ok(!/<script|onclick|alert\(/.test(JSON.stringify(fund.texts)), 'upstream HTML is sanitised');
    assert.match(fund.texts.description, /Fundbüro/);
    const freshFor = new Date(fund.fresh_until).getTime() - Date.now();
    assert.ok(freshFor > 3500_000 && freshFor <= 3600_000, `fresh for max-age=3600: ${freshFor}`);

    const st = (await status())!;
    assert.equal(st.last_error, null);
    assert.ok(st.last_success_at && st.last_attempt_at);
    const settings = await readZufiSettings(t.db);
    assert.equal(settings.circuitFailures, 0);
  });

  it('writes nothing on a second sync when the upstream did not change, and only the change when it did', async () => {
    const before = await t.db.selectFrom('ozg_services').select(['id', 'updated_at']).orderBy('id').execute();
    const again = await runZufiSync(t.db, { trigger: 'schedule' }, captureLog().log);
    assert.equal(again.status, 'succeeded');
    if (again.status !== 'succeeded') return;
    assert.deepEqual(again.counts.services, { added: 0, changed: 0, removed: 0, unchanged: 40 });
    assert.deepEqual(again.counts.authorities, { added: 0, changed: 0, removed: 0, unchanged: 12 });
    assert.deepEqual(again.counts.links, { added: 0, removed: 0 });
    assert.deepEqual(await t.db.selectFrom('ozg_services').select(['id', 'updated_at']).orderBy('id').execute(), before);

    const perso = t.fake.data.services.find((s) => s.id === '80001')!;
    perso.name = 'Personalausweis beantragen oder verlängern';
    const changed = await runZufiSync(t.db, { trigger: 'schedule' }, captureLog().log);
    assert.equal(changed.status === 'succeeded' && changed.counts.services.changed, 1);
    const row = await t.db.selectFrom('ozg_services').select('name').where('source_id', '=', '80001').executeTakeFirstOrThrow();
    assert.equal(row.name, 'Personalausweis beantragen oder verlängern');
  });

  it('refuses a wrong key at once with a German message, opens the breaker and skips scheduled runs', async () => {
    await saveZufiSettings(t.db, ZufiSettingsInput.parse({ enabled: true, baseUrl: t.fake.url, apiKey: 'ganz-falscher-key-4711', areaId: '120690017017', syncIntervalHours: 24 }));
    const { lines, log } = captureLog();
    const requestsBefore = t.fake.requests.length;
    const failed = await runZufiSync(t.db, { trigger: 'schedule' }, log);
    assert.equal(failed.status, 'failed');
    assert.equal(t.fake.requests.length - requestsBefore, 1, 'no retry storm');
    const run = (await runs()).at(-1)!;
    assert.match(run.error, /^API-Schlüssel wurde abgelehnt \(401\)/);
    const settings = await readZufiSettings(t.db);
    assert.ok(settings.circuitOpenUntil!.getTime() > Date.now() + 23 * 3_600_000, 'open at once, for the longest cooldown');
    assert.equal((await status())!.last_error, run.error);

    const skipped = await runZufiSync(t.db, { trigger: 'schedule' }, log);
    assert.deepEqual(skipped, { status: 'skipped', reason: 'circuit_open' });
    assert.equal(t.fake.requests.length - requestsBefore, 1, 'the open breaker asks nobody');
    assert.ok(lines.some((l) => l.includes('circuit breaker open')));
    assert.equal((await runs()).length, 4, 'a skipped run leaves no run row');

    assert.equal(await count('ozg_services'), 40, 'the copy is untouched');
    const everything = JSON.stringify([await runs(), await status(), lines]);
    assert.ok(!everything.includes('ganz-falscher-key-4711'), 'the key appears nowhere, though the upstream echoed it');
    assert.ok(!everything.includes(FAKE_KEY));
  });

  it('runs when the studio asks, whatever the breaker says, and closes it on success', async () => {
    await saveZufiSettings(t.db, ZufiSettingsInput.parse({ enabled: true, baseUrl: t.fake.url, apiKey: FAKE_KEY, areaId: '120690017017', syncIntervalHours: 24 }));
    await t.db.updateTable('ozg_settings').set({ circuit_failures: 5, circuit_open_until: new Date(Date.now() + 3_600_000) }).execute();
    assert.equal((await runZufiSync(t.db, { trigger: 'schedule' }, captureLog().log)).status, 'skipped');
    const studio = await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log);
    assert.equal(studio.status, 'succeeded');
    const settings = await readZufiSettings(t.db);
    assert.equal(settings.circuitFailures, 0);
    assert.equal(settings.circuitOpenUntil, null);
  });

  it('skips scheduled runs of a tenant that switched ZuFi off, and a run while another one is going on', async () => {
    await t.db.updateTable('ozg_settings').set({ zufi_enabled: false }).execute();
    assert.deepEqual(await runZufiSync(t.db, { trigger: 'schedule' }, captureLog().log), { status: 'skipped', reason: 'disabled' });
    await t.db.updateTable('ozg_settings').set({ zufi_enabled: true }).execute();
    const running = await t.db.insertInto('ozg_sync_runs').values({ source: 'zufi', trigger: 'studio' }).returning('id').executeTakeFirstOrThrow();
    assert.deepEqual(await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log), { status: 'skipped', reason: 'busy' });
    // A run cut off long ago (its process died) no longer blocks.
    await t.db.updateTable('ozg_sync_runs').set({ started_at: new Date(Date.now() - 2 * 3_600_000) }).where('id', '=', running.id).execute();
    assert.equal((await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log)).status, 'succeeded');
    const cut = await t.db.selectFrom('ozg_sync_runs').select(['status', 'error']).where('id', '=', running.id).executeTakeFirstOrThrow();
    assert.equal(cut.status, 'failed');
    assert.match(cut.error, /abgebrochen/);
  });
});
