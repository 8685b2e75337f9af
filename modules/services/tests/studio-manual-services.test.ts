import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import type { studioClient } from '../../studio/tests/studio-client.ts';
import { BB_KEY, startServicesStudio, type Session, type Sessions } from './studio-fixture.ts';

const BASE = '/studio/verwaltungsleistungen';

describe('studio: local (manual) services', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let s: Sessions;
  let bbId: number;
  let wbId: number;
  let familie: number;
  let geburt: number;
  let buergerbuero: number;

  before(async () => {
    ({ p, c, s, bbId, wbId } = await startServicesStudio());
    const byName = async (table: string, name: string) => (await db().selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow()).id as number;
    familie = await byName('ozg_categories', 'Familie und Kinder');
    geburt = await byName('ozg_categories', 'Geburt');
    buergerbuero = await byName('ozg_authorities', 'Bürgerbüro Bad Belzig');
  });
  after(() => p?.close());

  const db = () => p.database.forTenant(bbId);
  const manualCount = async () => (await db().selectFrom('ozg_services').select('id').where('source', '=', 'manual').execute()).length;
  const create = (who: Session, form: Record<string, string | string[]>, host = BB) => c.post(`${BASE}/neu`, { _csrf: who.csrf, ...form }, who.cookie, {}, host);
  const idFrom = (location: unknown) => Number(new RegExp(`^${BASE}/(\\d+)\\?gespeichert=1$`).exec(String(location))![1]);
  const full = {
    name: 'Sperrmüll anmelden',
    leikaKey: '99 1040 0100 1000',
    synonyms: 'Sperrmüll\r\nMöbel entsorgen\r\n\r\nSperrmüll',
    summary: 'Abholung von Sperrmüll bis zu zweimal im Jahr.',
    description: '<p>Bis zu <strong>5 m³</strong> je Abholung.<script>alert(1)</script></p>',
    fees: '<p>Kostenlos</p>',
    validFrom: '2026-01-01',
    validUntil: '31.12.2026',
    categories: [] as string[],
    authorityId: '',
    area: '',
    'onlineServices.0.name': 'Sperrmüll online anmelden',
    'onlineServices.0.url': 'https://service.bad-belzig.de/sperrmuell',
    'onlineServices.0.trustLevel': 'substantial',
    'forms.1.name': 'Antrag (PDF)',
    'forms.1.url': 'https://www.bad-belzig.de/sperrmuell.pdf',
  };

  it('offers a form with the life situations as a tree, the authorities, the municipality\'s key and three empty rows', async () => {
    const page = await c.get(`${BASE}/neu`, s.editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Neue Leistung<\/h1>/);
    assert.match(page.body, new RegExp(`<label for="f-categories-${familie}">Familie und Kinder</label>.*<label for="f-categories-${geburt}">— Geburt</label>.*>Wohnen</label>`, 's'));
    assert.match(page.body, new RegExp(`<option value="${buergerbuero}">Bürgerbüro Bad Belzig</option>`));
    assert.match(page.body, new RegExp(`id="f-area" name="area"[^>]*value="${BB_KEY}"`));
    assert.match(page.body, /name="onlineServices\.2\.url"/);
    assert.doesNotMatch(page.body, /name="onlineServices\.3\.url"/);
    assert.match(page.body, /<select id="f-onlineServices\.0\.trustLevel"[^>]*><option value>–<\/option><option value="low">niedrig<\/option>/);
    assert.match(page.body, /<textarea id="f-description" name="description"[^>]*data-richtext/);
  });

  it('refuses invalid input with messages at the fields, keeps it, and writes nothing', async () => {
    const before = await manualCount();
    const foreign = await p.database.system.insertInto('ozg_categories').values({ tenant_id: wbId, source: 'manual', source_id: 'wb', name: 'Nur Wiesenburg', content_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    const foreignAuthority = await p.database.system.insertInto('ozg_authorities').values({ tenant_id: wbId, source: 'manual', source_id: 'wb', name: 'Amt Wiesenburg', content_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    const cases: [Record<string, string | string[]>, string, RegExp][] = [
      [{ name: '  ' }, 'name', /Bitte füllen Sie „Name der Leistung“ aus/],
      [{ name: 'x'.repeat(501) }, 'name', /500/],
      [{ leikaKey: '9901000400' }, 'leikaKey', /genau 14 Ziffern/],
      [{ leikaKey: '9901000400100A' }, 'leikaKey', /genau 14 Ziffern/],
      [{ synonyms: 'y'.repeat(201) }, 'synonyms', /höchstens 200 Zeichen/],
      [{ validFrom: '2026-12-31', validUntil: '2026-01-01' }, 'validUntil', /liegt vor „Gültig ab“/],
      [{ validFrom: '31.02.2026' }, 'validFrom', /kein gültiges Datum/],
      [{ categories: [String(foreign.id)] }, 'categories', /einen der angebotenen Werte/],
      [{ authorityId: String(foreignAuthority.id) }, 'authorityId', /einen der angebotenen Werte/],
      [{ authorityId: String(buergerbuero), area: '12-069' }, 'area', /2 bis 12 Ziffern/],
      [{ 'onlineServices.0.url': 'javascript:alert(1)' }, 'onlineServices.0.url', /mit https:\/\/ oder http:\/\/ beginnt/],
      [{ 'onlineServices.0.url': '' }, 'onlineServices.0.url', /Bitte füllen Sie „Online-Dienste, Zeile 1: Adresse \(URL\)“ aus/],
      [{ 'onlineServices.0.trustLevel': 'maximal' }, 'onlineServices.0.trustLevel', /einen der angebotenen Werte/],
      [{ 'forms.1.name': '' }, 'forms.0.name', /Bitte füllen Sie „Formulare, Zeile 1: Name“ aus/],
    ];
    for (const [change, field, message] of cases) {
      const res = await create(s.editor, { ...full, ...change });
      assert.equal(res.statusCode, 400, `${JSON.stringify(change).slice(0, 80)}: ${res.statusCode}`);
      const error = new RegExp(`<span class="field-error" id="f-${field.replace(/\./g, '\\.')}-error">([^<]*)<`).exec(res.body);
      assert.ok(error, `${JSON.stringify(change).slice(0, 80)}: the message stands at ${field}`);
      assert.match(error[1]!, message);
      assert.match(res.body, /Nichts wurde gespeichert/);
      assert.match(res.body, new RegExp(`<a href="#f-${field.replace(/\./g, '\\.')}">`), 'the summary links to the field');
    }
    const kept = await create(s.editor, { ...full, leikaKey: '123' });
    assert.match(kept.body, /value="Sperrmüll anmelden"/);
    assert.match(kept.body, /value="https:\/\/service\.bad-belzig\.de\/sperrmuell"/);
    assert.equal(await manualCount(), before, 'nothing written');
    assert.equal((await db().selectFrom('ozg_service_categories').selectAll().execute()).length, 3, 'only the ZuFi links');
  });

  it('creates a service with sanitised texts, search terms, rows, life situations and responsibility; audited', async () => {
    const res = await create(s.editor, { ...full, categories: [String(familie), String(geburt)], authorityId: String(buergerbuero), area: '' });
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res.headers.location);
    const row = await db().selectFrom('ozg_services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.source, 'manual');
    assert.match(row.source_id, /^manual-[0-9a-f-]{36}$/);
    assert.equal(row.tenant_id, bbId);
    assert.equal(row.leika_key, '99104001001000');
    assert.deepEqual(row.synonyms, ['Sperrmüll', 'Möbel entsorgen']);
    assert.equal(row.summary, 'Abholung von Sperrmüll bis zu zweimal im Jahr.');
    assert.deepEqual(row.texts, { description: '<p>Bis zu <strong>5 m³</strong> je Abholung.</p>', fees: '<p>Kostenlos</p>' });
    assert.deepEqual([row.valid_from, row.valid_until], ['2026-01-01', '2026-12-31']);
    assert.deepEqual(row.online_services, [{ name: 'Sperrmüll online anmelden', url: 'https://service.bad-belzig.de/sperrmuell', trustLevel: 'substantial', description: null, areas: [] }]);
    assert.deepEqual(row.forms, [{ name: 'Antrag (PDF)', url: 'https://www.bad-belzig.de/sperrmuell.pdf' }]);
    assert.match(row.content_hash, /^[0-9a-f]{64}$/);
    const links = await db().selectFrom('ozg_service_categories').select('category_id').where('service_id', '=', id).orderBy('category_id').execute();
    assert.deepEqual(links.map((l) => l.category_id), [familie, geburt].sort((a, b) => a - b));
    assert.deepEqual(await db().selectFrom('ozg_responsibilities').select(['authority_id', 'area']).where('service_id', '=', id).execute(), [{ authority_id: buergerbuero, area: BB_KEY }]);
    const audit = await p.database.system.selectFrom('audit_log').selectAll().where('action', '=', 'studio:services.create').executeTakeFirstOrThrow();
    assert.deepEqual([audit.target_id, audit.detail.name], [String(id), 'Sperrmüll anmelden']);

    const page = await c.get(String(res.headers.location), s.editor.cookie);
    assert.match(page.body, /Die Leistung ist gespeichert\./);
    assert.match(page.body, /<h1>Sperrmüll anmelden<\/h1>/);
    assert.match(page.body, />Sperrmüll\nMöbel entsorgen<\/textarea>/);
    assert.match(page.body, new RegExp(`id="f-categories-${geburt}" name="categories" value="${geburt}" checked`));
    assert.match(page.body, /<option value="substantial" selected>substanziell<\/option>/);
    assert.match((await c.get(`${BASE}?quelle=manual`, s.reader.cookie)).body, />Sperrmüll anmelden<\/a><\/th><td>Manuell<\/td><td>99104001001000<\/td>/);
  });

  it('edits a manual service (links replaced, editorial columns kept) and deletes it after asking', async () => {
    const id = idFrom((await create(s.admin, { ...full, name: 'Zu ändern', categories: [String(familie)], authorityId: String(buergerbuero), area: '12069' })).headers.location);
    await db().updateTable('ozg_services').set({ pinned: true, top_position: 7 }).where('id', '=', id).execute();
    const res = await c.post(`${BASE}/${id}`, { _csrf: s.editor.csrf, ...full, name: 'Geändert', leikaKey: '', description: '', categories: String(geburt), authorityId: '' }, s.editor.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const row = await db().selectFrom('ozg_services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.name, row.leika_key, row.pinned, row.top_position], ['Geändert', null, true, 7]);
    assert.deepEqual(row.texts, { fees: '<p>Kostenlos</p>' });
    assert.deepEqual((await db().selectFrom('ozg_service_categories').select('category_id').where('service_id', '=', id).execute()).map((l) => l.category_id), [geburt]);
    assert.equal((await db().selectFrom('ozg_responsibilities').select('area').where('service_id', '=', id).execute()).length, 0);
    assert.ok(await p.database.system.selectFrom('audit_log').select('id').where('action', '=', 'studio:services.update').where('target_id', '=', String(id)).executeTakeFirst());

    // An invalid edit changes nothing.
    assert.equal((await c.post(`${BASE}/${id}`, { _csrf: s.editor.csrf, ...full, name: '' }, s.editor.cookie)).statusCode, 400);
    assert.equal((await db().selectFrom('ozg_services').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name, 'Geändert');

    const ask = await c.get(`${BASE}/${id}/loeschen`, s.editor.cookie);
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Soll „Geändert“ endgültig gelöscht werden\?/);
    assert.equal((await c.post(`${BASE}/${id}/loeschen`, { _csrf: 'falsch' }, s.editor.cookie)).statusCode, 403);
    assert.equal((await c.post(`${BASE}/${id}/loeschen`, { _csrf: s.reader.csrf }, s.reader.cookie)).statusCode, 403);
    assert.ok(await db().selectFrom('ozg_services').select('id').where('id', '=', id).executeTakeFirst(), 'still there');
    const gone = await c.post(`${BASE}/${id}/loeschen`, { _csrf: s.editor.csrf }, s.editor.cookie);
    assert.equal(gone.statusCode, 303);
    assert.equal(gone.headers.location, `${BASE}?hinweis=deleted`);
    assert.equal(await db().selectFrom('ozg_services').select('id').where('id', '=', id).executeTakeFirst(), undefined);
    assert.equal((await db().selectFrom('ozg_service_categories').select('category_id').where('service_id', '=', id).execute()).length, 0);
    assert.match((await c.get(String(gone.headers.location), s.editor.cookie)).body, /Die Leistung wurde gelöscht\./);
    assert.ok(await p.database.system.selectFrom('audit_log').select('id').where('action', '=', 'studio:services.delete').where('target_id', '=', String(id)).executeTakeFirst());
    assert.equal((await c.get(`${BASE}/${id}`, s.editor.cookie)).statusCode, 404);
  });

  it('shows ZuFi services read-only: no saving, no deleting', async () => {
    const zufi = await db().selectFrom('ozg_services').selectAll().where('source_id', '=', 'z1').executeTakeFirstOrThrow();
    const page = await c.get(`${BASE}/${zufi.id}`, s.editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /stammt aus ZuFi oder einem Datei-Import/);
    assert.match(page.body, /<fieldset disabled class="plain">/);
    assert.doesNotMatch(page.body, /Leistung speichern|Leistung löschen/);
    assert.match(page.body, /value="Personalausweis beantragen"/);
    const edit = await c.post(`${BASE}/${zufi.id}`, { _csrf: s.editor.csrf, ...full }, s.editor.cookie);
    assert.equal(edit.statusCode, 409);
    assert.match(edit.body, /Nur hier angelegte \(manuelle\) Leistungen/);
    assert.equal((await c.get(`${BASE}/${zufi.id}/loeschen`, s.editor.cookie)).statusCode, 409);
    assert.equal((await c.post(`${BASE}/${zufi.id}/loeschen`, { _csrf: s.editor.csrf }, s.editor.cookie)).statusCode, 409);
    const after = await db().selectFrom('ozg_services').selectAll().where('id', '=', zufi.id).executeTakeFirstOrThrow();
    assert.deepEqual([after.name, after.content_hash], [zufi.name, zufi.content_hash]);
  });

  it('lets read-only accounts look only, refuses authors and others\' services, and logs visitors in first', async () => {
    const id = idFrom((await create(s.editor, { ...full, name: 'Nur für Bad Belzig' })).headers.location);
    const look = await c.get(`${BASE}/${id}`, s.reader.cookie);
    assert.equal(look.statusCode, 200);
    assert.match(look.body, /Mit Leserechten lässt sich die Leistung nur ansehen/);
    assert.equal((await c.get(`${BASE}/neu`, s.reader.cookie)).statusCode, 403);
    const before = await manualCount();
    assert.equal((await create(s.reader, full)).statusCode, 403);
    assert.equal((await c.post(`${BASE}/${id}`, { _csrf: s.reader.csrf, ...full, name: 'Von Lesern' }, s.reader.cookie)).statusCode, 403);
    assert.equal((await create(s.author, full)).statusCode, 403);
    assert.equal((await create(s.editor, { ...full, _csrf: 'falsch' })).statusCode, 403);
    assert.equal(await manualCount(), before);

    assert.equal((await c.get(`${BASE}/${id}`, s.wbAdmin.cookie, WB)).statusCode, 404);
    assert.equal((await c.post(`${BASE}/${id}`, { _csrf: s.wbAdmin.csrf, ...full, name: 'Übernommen' }, s.wbAdmin.cookie, {}, WB)).statusCode, 404);
    assert.equal((await c.post(`${BASE}/${id}/loeschen`, { _csrf: s.wbAdmin.csrf }, s.wbAdmin.cookie, {}, WB)).statusCode, 404);
    assert.equal((await db().selectFrom('ozg_services').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name, 'Nur für Bad Belzig');

    assert.equal((await c.get(`${BASE}/neu`)).headers.location, `/studio/anmelden?weiter=${BASE}/neu`);
    assert.equal((await c.post(`${BASE}/${id}/loeschen`, {})).headers.location, `/studio/anmelden?weiter=${BASE}/${id}`);
  });
});
