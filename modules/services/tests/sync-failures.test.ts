import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FakeMode } from './fake-zufi/fake-zufi-server.ts';
import { captureLog, startZufiTest, type ZufiTest } from './fake-zufi/zufi-tenant.ts';
import { runZufiSync } from '../sync/sync-job.ts';
import type { SyncPayload } from '../sync/sync-request.ts';
import { readZufiSettings } from '../settings/zufi-settings.ts';
import { loadFixtureUpstream } from '../seed/zufi-fixture.ts';

/** Short waits: the failure paths are the same, the test stays fast. */
const FAST = { timeoutMs: 300, retries: 1, backoffMs: 5, maxRetryAfterMs: 50 };

describe('ZuFi sync when the upstream fails', () => {
  let t: ZufiTest;
  before(async () => {
    t = await startZufiTest('zufi-failures');
    const first = await runZufiSync(t.db, { trigger: 'studio' }, captureLog().log, { ...FAST, pageSize: 7 });
    assert.equal(first.status, 'succeeded');
  });
  after(() => t.close());

  const snapshot = async () => ({
    services: await t.db.selectFrom('ozg_services').select(['source_id', 'name', 'updated_at']).orderBy('source_id').execute(),
    authorities: await t.db.selectFrom('ozg_authorities').select(['source_id', 'updated_at']).orderBy('source_id').execute(),
    links: await t.db.selectFrom('ozg_responsibilities').select(['service_id', 'authority_id', 'area']).orderBy(['service_id', 'authority_id']).execute(),
  });
  const status = () => t.db.selectFrom('ozg_source_status').selectAll().where('source', '=', 'zufi').executeTakeFirstOrThrow();
  const sync = (payload: SyncPayload = { trigger: 'studio' }) => runZufiSync(t.db, payload, captureLog().log, FAST);

  const failures: [FakeMode | 'down', RegExp][] = [
    ['down', /^ZuFi ist nicht erreichbar \(ECONNREFUSED\)/],
    ['slow', /^ZuFi antwortete nicht innerhalb von 0,3 s/],
    ['error500', /^ZuFi meldete einen Serverfehler \(500/],
    ['rate-limited', /^ZuFi begrenzt die Abrufe \(429/],
    ['malformed', /^ZuFi lieferte keine gültige JSON-Antwort/],
    ['wrong-shape', /^ZuFi lieferte eine Liste in unerwarteter Form/],
    ['empty', /^ZuFi lieferte keine Leistungen für das Gebiet 120690017017/],
    ['partial', /^ZuFi lieferte unvollständige Daten: 16 von 17 Lebenslagen angekündigt/],
  ];
  for (const [mode, message] of failures) {
    it(`keeps the last good copy when the upstream is ${mode}, and says when it last succeeded`, async () => {
      const copy = await snapshot();
      const lastSuccess = (await status()).last_success_at;
      if (mode === 'down') await t.fake.down();
      else t.fake.set({ mode, retryAfter: 120, slowMs: 1500 });
      try {
        const out = await sync();
        assert.equal(out.status, 'failed');
        assert.match(out.status === 'failed' ? out.error : '', message);
      } finally {
        if (mode === 'down') await t.fake.up();
        t.fake.set({ mode: 'ok' });
      }
      assert.deepEqual(await snapshot(), copy);
      const st = await status();
      assert.deepEqual(st.last_success_at, lastSuccess);
      assert.ok(new Date(st.last_attempt_at) > new Date(st.last_success_at));
      assert.match(st.last_error, message);
      const run = await t.db.selectFrom('ozg_sync_runs').select(['status', 'error', 'finished_at']).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(run.status, 'failed');
      assert.match(run.error, message);
      assert.ok(run.finished_at);
    });
  }

  it('opens the breaker after three failed runs in a row, for a growing cooldown', async () => {
    assert.equal((await sync()).status, 'succeeded');
    assert.equal((await readZufiSettings(t.db)).circuitFailures, 0, 'a successful run closes it');
    t.fake.set({ mode: 'error500' });
    for (let i = 0; i < 3; i++) assert.equal((await sync({ trigger: 'schedule' })).status, 'failed');
    let settings = await readZufiSettings(t.db);
    assert.equal(settings.circuitFailures, 3);
    const hours = (d: Date | null) => Math.round(((d?.getTime() ?? 0) - Date.now()) / 3_600_000);
    assert.equal(hours(settings.circuitOpenUntil), 1);
    assert.deepEqual(await sync({ trigger: 'schedule' }), { status: 'skipped', reason: 'circuit_open' });
    await t.db.updateTable('ozg_settings').set({ circuit_open_until: new Date(Date.now() - 1000) }).execute();
    assert.equal((await sync({ trigger: 'schedule' })).status, 'failed');
    settings = await readZufiSettings(t.db);
    assert.equal(hours(settings.circuitOpenUntil), 2, 'the fourth failure doubles the cooldown');
    t.fake.set({ mode: 'ok' });
    assert.equal((await sync({ trigger: 'studio' })).status, 'succeeded');
    assert.equal((await readZufiSettings(t.db)).circuitFailures, 0);
  });

  it('refuses a catalogue that shrank to less than half, unless a person confirms it', async () => {
    const copy = await snapshot();
    t.fake.data.competences = t.fake.data.competences.filter((c) => Number(c.pstId) <= 80010);
    const out = await sync();
    assert.equal(out.status, 'failed');
    assert.match(out.status === 'failed' ? out.error : '', /^ZuFi lieferte nur 10 Leistungen, der Bestand hat 40 \(weniger als die Hälfte\)/);
    assert.deepEqual(await snapshot(), copy);
    const confirmed = await sync({ trigger: 'studio', allowShrink: true });
    assert.equal(confirmed.status === 'succeeded' && confirmed.counts.services.removed, 30);
    t.fake.data = loadFixtureUpstream();
  });
});
