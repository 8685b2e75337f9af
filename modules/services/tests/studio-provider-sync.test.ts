import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import type { studioClient } from '../../studio/tests/studio-client.ts';
import { readZufiSettings } from '../settings/zufi-settings.ts';
import { SYNC_JOB } from '../sync/sync-request.ts';
import { BB_KEY, startServicesStudio, type Session, type Sessions } from './studio-fixture.ts';

const SETTINGS = '/studio/verwaltungsleistungen/anbieter';
const SYNC = '/studio/verwaltungsleistungen/abgleich';
const KEY = 'geheimer-zufi-schluessel-4711';

describe('studio: ZuFi provider settings and syncs', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let s: Sessions;
  let bbId: number;
  let wbId: number;

  before(async () => {
    ({ p, c, s, bbId, wbId } = await startServicesStudio());
  });
  after(() => p?.close());

  const sys = () => p.database.system;
  const stored = () => sys().selectFrom('ozg_settings').selectAll().where('tenant_id', '=', bbId).executeTakeFirst();
  const save = (who: Session, form: Record<string, string>, host = BB) => c.post(SETTINGS, { _csrf: who.csrf, ...form }, who.cookie, {}, host);
  const valid = { enabled: 'on', baseUrl: 'https://restapi-v4-bb.infodienste.de/', areaId: BB_KEY, language: 'de_DE', syncIntervalHours: '12' };
  const syncJobs = (tenantId = bbId) => sys().selectFrom('jobs').selectAll().where('name', '=', SYNC_JOB).where('tenant_id', '=', tenantId).execute();

  it('shows the form with the municipality\'s key as area and no key stored', async () => {
    const page = await c.get(SETTINGS, s.admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Anbieter-Einstellungen \(ZuFi\)<\/h1>/);
    assert.match(page.body, new RegExp(`id="f-areaId" name="areaId"[^>]*value="${BB_KEY}"`));
    assert.match(page.body, /Stand: noch kein Schlüssel gespeichert/);
    assert.match(page.body, /Leer lassen = unverändert/);
    const keyInput = /<input id="f-apiKey"[^>]*>/.exec(page.body)![0];
    assert.match(keyInput, /type="password" autocomplete="new-password"/);
    assert.doesNotMatch(keyInput, /value="/, 'the field is always empty');
    assert.doesNotMatch(page.body, /name="removeApiKey"/, 'nothing to remove yet');
  });

  it('refuses invalid settings with messages at the fields and saves nothing', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ baseUrl: 'restapi.example' }, 'baseUrl', /vollständige http\(s\)-Adresse/],
      [{ baseUrl: 'ftp://restapi.example' }, 'baseUrl', /vollständige http\(s\)-Adresse/],
      [{ areaId: '12-069' }, 'areaId', /Amtlichen Regionalschlüssel \(ARS\)/],
      [{ syncIntervalHours: '0' }, 'syncIntervalHours', /ganze Zahl von 1 bis 720/],
      [{ syncIntervalHours: '721' }, 'syncIntervalHours', /ganze Zahl von 1 bis 720/],
      [{ syncIntervalHours: 'oft' }, 'syncIntervalHours', /ganze Zahl von 1 bis 720/],
      [{ language: 'fr_FR' }, 'language', /eine der angebotenen Sprachen/],
      [{ apiKey: 'x'.repeat(501) }, 'apiKey', /höchstens 500 Zeichen/],
      [{}, 'apiKey', /ist ein API-Schlüssel nötig/],
      [{ apiKey: KEY, baseUrl: '' }, 'baseUrl', /ist die Basis-URL nötig/],
      [{ apiKey: KEY, areaId: '' }, 'areaId', /ist das Gebiet nötig/],
    ];
    for (const [change, field, message] of cases) {
      const res = await save(s.admin, { ...valid, ...change });
      assert.equal(res.statusCode, 400, JSON.stringify(change));
      assert.match(res.body, new RegExp(`<span class="field-error" id="f-${field}-error">`), `${JSON.stringify(change)} at ${field}`);
      assert.match(res.body, message);
      assert.match(res.body, /Nichts wurde gespeichert/);
      assert.doesNotMatch(res.body, /geheimer-zufi/, 'a typed key is never shown again');
    }
    // Switched off, an incomplete setup may be kept.
    assert.equal(await stored(), undefined);
  });

  it('saves the settings with the key sealed; the page says only "gespeichert"; the key can be replaced and removed', async () => {
    const res = await save(s.admin, { ...valid, apiKey: `  ${KEY}  ` });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${SETTINGS}?gespeichert=1`);
    const row = (await stored())!;
    assert.equal(row.zufi_enabled, true);
    assert.equal(row.zufi_base_url, 'https://restapi-v4-bb.infodienste.de');
    assert.equal(row.zufi_area_id, BB_KEY);
    assert.equal(row.sync_interval_hours, 12);
    assert.ok(row.zufi_api_key_sealed, 'a key is stored');
    assert.ok(!row.zufi_api_key_sealed.includes(KEY), 'not in clear');
    assert.ok(!Buffer.from(row.zufi_api_key_sealed).toString('base64').includes(Buffer.from(KEY).toString('base64')));
    assert.equal((await readZufiSettings(p.database.forTenant(bbId))).apiKey, KEY, 'the adapter can open it');

    const page = await c.get(String(res.headers.location), s.admin.cookie);
    assert.match(page.body, /Die Einstellungen sind gespeichert\./);
    assert.match(page.body, /Stand: gespeichert/);
    assert.match(page.body, /name="removeApiKey"/);
    assert.ok(!page.body.includes(KEY) && !page.body.includes(row.zufi_api_key_sealed), 'neither the key nor its sealed form is shown');
    const audit = await sys().selectFrom('audit_log').selectAll().where('action', '=', 'studio:services.settings').executeTakeFirstOrThrow();
    assert.equal(audit.detail.apiKey, 'replaced');
    assert.ok(!JSON.stringify(audit.detail).includes(KEY));

    // An empty key field keeps the key; other changes are saved.
    assert.equal((await save(s.admin, { ...valid, syncIntervalHours: '48', language: 'en_GB' })).statusCode, 303);
    const kept = (await stored())!;
    assert.equal(kept.zufi_api_key_sealed, row.zufi_api_key_sealed);
    assert.deepEqual([kept.sync_interval_hours, kept.zufi_language], [48, 'en_GB']);
    // Both a new key and "remove" is a contradiction.
    const both = await save(s.admin, { ...valid, apiKey: 'neu', removeApiKey: 'on' });
    assert.equal(both.statusCode, 400);
    assert.match(both.body, /nicht beides/);
    // Removing it while switched on is refused; switched off it is removed.
    assert.equal((await save(s.admin, { ...valid, removeApiKey: 'on' })).statusCode, 400);
    const { enabled: _on, ...off } = valid;
    assert.equal((await save(s.admin, { ...off, removeApiKey: 'on' })).statusCode, 303);
    assert.equal((await stored())!.zufi_api_key_sealed, null);
    assert.equal((await stored())!.zufi_enabled, false);
    assert.match((await c.get(SETTINGS, s.admin.cookie)).body, /Stand: noch kein Schlüssel gespeichert/);
  });

  it('says when a stored key cannot be opened (sealed with another key) and asks for it again', async () => {
    await sys().updateTable('ozg_settings').set({ zufi_api_key_sealed: 'v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==:AAAA' }).where('tenant_id', '=', bbId).execute();
    const page = await c.get(SETTINGS, s.admin.cookie);
    assert.match(page.body, /Stand: nicht lesbar – bitte neu eingeben/);
    const res = await save(s.admin, valid);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Der gespeicherte Schlüssel ist nicht lesbar/);
  });

  it('lets only admins see and change the settings; refuses a foreign token', async () => {
    for (const who of [s.editor, s.reader, s.author]) {
      assert.equal((await c.get(SETTINGS, who.cookie)).statusCode, 403);
      assert.equal((await save(who, { ...valid, apiKey: KEY })).statusCode, 403);
    }
    const before = await stored();
    assert.equal((await save(s.admin, { ...valid, apiKey: KEY, _csrf: s.editor.csrf })).statusCode, 403);
    assert.equal((await c.post(SETTINGS, { ...valid, apiKey: KEY, _csrf: s.admin.csrf }, s.admin.cookie, { origin: 'http://evil.example' })).statusCode, 403);
    assert.deepEqual(await stored(), before);
    assert.equal((await c.get(SETTINGS)).headers.location, `/studio/anmelden?weiter=${SETTINGS}`);
  });

  it('refuses "sync now" while ZuFi is not set up, and queues one sync job when it is', async () => {
    const { enabled: _on, ...off } = valid;
    assert.equal((await save(s.admin, { ...off, apiKey: KEY })).statusCode, 303, 'saved but switched off');
    const page = await c.get(SYNC, s.editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /ZuFi ist noch nicht eingerichtet oder ausgeschaltet/);
    const refused = await c.post(SYNC, { _csrf: s.editor.csrf }, s.editor.cookie);
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Der Abgleich mit ZuFi ist nicht eingerichtet oder ausgeschaltet/);
    assert.equal((await syncJobs()).length, 0);

    assert.equal((await save(s.admin, { ...valid })).statusCode, 303);
    assert.equal((await c.post(SYNC, { _csrf: 'falsch' }, s.editor.cookie)).statusCode, 403);
    assert.equal((await c.post(SYNC, { _csrf: s.reader.csrf }, s.reader.cookie)).statusCode, 403, 'read-only accounts do not start syncs');
    assert.equal((await syncJobs()).length, 0);
    const res = await c.post(SYNC, { _csrf: s.editor.csrf }, s.editor.cookie);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `${SYNC}?angefordert=1`);
    assert.equal((await c.post(SYNC, { _csrf: s.admin.csrf }, s.admin.cookie)).statusCode, 303);
    const jobs = await syncJobs();
    assert.equal(jobs.length, 1, 'a waiting sync is not queued twice');
    assert.deepEqual(jobs[0]!.payload, { trigger: 'studio' });
    assert.equal(jobs[0]!.status, 'queued');
    assert.equal((await syncJobs(wbId)).length, 0);
    assert.equal((await sys().selectFrom('audit_log').select('id').where('action', '=', 'studio:services.sync').execute()).length, 2);
    assert.match((await c.get(String(res.headers.location), s.editor.cookie)).body, /Der Abgleich ist angefordert/);
  });

  it('shows the runs with trigger, status, duration, counts, error and log, and each source\'s state', async () => {
    const t0 = new Date(Date.now() - 3 * 86_400_000 - 3_600_000);
    const ok = {
      tenant_id: bbId,
      source: 'zufi',
      trigger: 'schedule',
      status: 'succeeded',
      started_at: t0,
      finished_at: new Date(t0.getTime() + 125_000),
      counts: JSON.stringify({ services: { added: 3, changed: 1, removed: 0, unchanged: 10 }, warnings: ['x'] }),
      log: JSON.stringify([
        { at: t0.toISOString(), message: 'Abruf beginnt …' },
        { at: t0.toISOString(), message: 'Leistungen: 3 neu <b>fett</b>' },
      ]),
    };
    await sys()
      .insertInto('ozg_sync_runs')
      .values([ok, { tenant_id: bbId, source: 'zufi', trigger: 'studio', status: 'failed', started_at: new Date(Date.now() - 60_000), finished_at: new Date(), error: 'ZuFi antwortete 401: API-Schlüssel ungültig' }])
      .execute();
    await sys()
      .insertInto('ozg_source_status')
      .values({ tenant_id: bbId, source: 'zufi', last_attempt_at: new Date(Date.now() - 60_000), last_success_at: t0, last_error: 'ZuFi antwortete 401' })
      .execute();
    const until = new Date(Date.now() + 2 * 3_600_000);
    await sys().updateTable('ozg_settings').set({ circuit_open_until: until, circuit_failures: 5 }).where('tenant_id', '=', bbId).execute();
    await sys().insertInto('ozg_sync_runs').values({ tenant_id: wbId, source: 'zufi', error: 'Nur Wiesenburg' }).execute();

    const page = await c.get(SYNC, s.reader.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Letzter erfolgreicher Abgleich<\/dt><dd>[^<]+ \(vor 3 Tagen\)<\/dd>/);
    assert.match(page.body, /Letzter Fehler<\/dt><dd>ZuFi antwortete 401<\/dd>/);
    assert.match(page.body, /ruht der Abruf bei ZuFi bis [^;]+;/);
    assert.match(page.body, /<td>Zeitplan<\/td><td>erfolgreich<\/td><td>2 min 5 s<\/td><td>Leistungen: 3 neu, 1 geändert, 0 entfernt, 10 unverändert<details><summary>Protokoll \(2 Einträge\)<\/summary>/);
    assert.match(page.body, /Leistungen: 3 neu &lt;b>fett&lt;\/b>/, 'log text is escaped');
    assert.match(page.body, /<td>Studio<\/td><td>fehlgeschlagen<\/td>/);
    assert.match(page.body, /Fehler: ZuFi antwortete 401: API-Schlüssel ungültig/);
    assert.ok(page.body.indexOf('fehlgeschlagen') < page.body.indexOf('erfolgreich</td>'), 'newest first');
    assert.doesNotMatch(page.body, /Nur Wiesenburg/);
    assert.doesNotMatch(page.body, /Jetzt abgleichen/, 'read-only accounts see no button');
    assert.match((await c.get(SETTINGS, s.admin.cookie)).body, /ruht der Abruf bei ZuFi/);
    const wb = await c.get(SYNC, s.wbAdmin.cookie, WB);
    assert.match(wb.body, /Nur Wiesenburg/);
    assert.match(wb.body, /Noch kein Abgleich und kein Import\./);
  });
});
