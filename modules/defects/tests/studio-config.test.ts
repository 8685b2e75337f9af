import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { multipartBody } from '../../studio/tests/studio-client.ts';
import { loadDefectSettings } from '../area/defect-settings.ts';
import { BASE, defectsStudioSuite } from './studio-fixture.ts';

const CATEGORIES = `${BASE}/kategorien`;
const SETTINGS = `${BASE}/einstellungen`;
const square = { type: 'Polygon', coordinates: [[[12.5, 52.1], [12.7, 52.1], [12.7, 52.2], [12.5, 52.2], [12.5, 52.1]]] };

describe('studio: defect categories and settings (admins)', () => {
  const f = defectsStudioSuite();
  const category = (code: string) => f.db().selectFrom('defect_categories').selectAll().where('code', '=', code).executeTakeFirst();
  const postSettings = async (fields: Record<string, string>, file?: { name: string; data: Buffer }, who = f.s.admin) => {
    const { payload, contentType } = await multipartBody({ _csrf: who.csrf, ...fields }, file);
    return f.p.http.inject({ method: 'POST', url: SETTINGS, headers: { host: BB, cookie: who.cookie, 'content-type': contentType }, payload });
  };

  it('creates a category with team and attributes, edits and deactivates it, audited', async () => {
    const editorId = await f.accountId('editor@bad-belzig.demo');
    const attrs = JSON.stringify([{ code: 'mast', datatype: 'string', required: true, description: 'Nummer des Masts' }]);
    const res = await f.c.post(`${CATEGORIES}/neu`, { _csrf: f.s.admin.csrf, code: 'brunnen', name: 'Brunnen', beschreibung: 'Öffentliche Brunnen', gruppe: 'Wasser', stichworte: 'Wasser, Brunnen, Wasser', art: 'batch', stelle: 'Bauhof', teamEmail: 'Bauhof@Bad-Belzig.example', teamKonten: [String(editorId)], attribute: attrs, aktiv: 'ja' }, f.s.admin.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const c = (await category('brunnen'))!;
    assert.deepEqual([c.name, c.group_name, c.keywords, c.type, c.agency, c.team_email, c.team_account_ids, c.active], ['Brunnen', 'Wasser', ['Wasser', 'Brunnen'], 'batch', 'Bauhof', 'bauhof@bad-belzig.example', [editorId], true]);
    assert.equal((typeof c.attributes === 'string' ? JSON.parse(c.attributes) : c.attributes)[0].code, 'mast');
    const list = await f.c.get(CATEGORIES, f.s.admin.cookie);
    assert.match(list.body, new RegExp(`<a href="${CATEGORIES}/${c.id}">Brunnen</a></th><td>brunnen</td><td>Wasser</td>`));

    const edit = await f.c.post(`${CATEGORIES}/${c.id}`, { _csrf: f.s.admin.csrf, code: 'anders', name: 'Brunnen und Wasserspiele', art: 'realtime', attribute: '' }, f.s.admin.cookie);
    assert.equal(edit.statusCode, 303, edit.body);
    const edited = (await f.db().selectFrom('defect_categories').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow());
    assert.deepEqual([edited.code, edited.name, edited.active, edited.team_account_ids], ['brunnen', 'Brunnen und Wasserspiele', false, []], 'the code stays; unchecked means deactivated');
    assert.match((await f.c.get(CATEGORIES, f.s.admin.cookie)).body, /<td>deaktiviert<\/td>/);
    const entries = await f.p.database.system.selectFrom('audit_log').select('action').where('target_id', '=', String(c.id)).where('target_type', '=', 'DefectCategory').execute();
    assert.deepEqual(entries.map((e) => e.action).sort(), ['studio:defects.category.create', 'studio:defects.category.update']);
  });

  it('refuses bad input with German messages and writes nothing', async () => {
    const before = await f.db().selectFrom('defect_categories').select('id').execute();
    const wbAdmin = await f.accountId('redaktion@wiesenburg.demo');
    const res = await f.c.post(`${CATEGORIES}/neu`, { _csrf: f.s.admin.csrf, code: 'schlagloch', name: '', teamEmail: 'kein-mail', teamKonten: [String(wbAdmin)], attribute: '[{"code": "x"' }, f.s.admin.cookie);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Nichts wurde gespeichert/);
    assert.match(res.body, /<a href="#f-name">Bitte ausfüllen\.<\/a>/);
    assert.match(res.body, /<a href="#f-teamEmail">Keine gültige E-Mail-Adresse\.<\/a>/);
    assert.match(res.body, /Eine gewählte Person gehört nicht zum Studio dieser Kommune/);
    assert.match(res.body, /<a href="#f-attribute">Kein gültiges JSON: /);
    const badAttr = await f.c.post(`${CATEGORIES}/neu`, { _csrf: f.s.admin.csrf, code: 'neu1', name: 'Neu', attribute: '[{"code":"x","datatype":"farbe","description":"d"}]' }, f.s.admin.cookie);
    assert.equal(badAttr.statusCode, 400);
    assert.match(badAttr.body, /Die Zusatzfragen passen nicht zum Open311-Format \(0\.datatype: /);
    const taken = await f.c.post(`${CATEGORIES}/neu`, { _csrf: f.s.admin.csrf, code: 'schlagloch', name: 'Doppelt' }, f.s.admin.cookie);
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /Diesen Code hat schon eine andere Kategorie\./);
    assert.match(taken.body, /value="Doppelt"/, 'the input is kept');
    assert.equal((await f.db().selectFrom('defect_categories').select('id').execute()).length, before.length);
  });

  it('lets only admins change categories and settings', async () => {
    for (const who of [f.s.editor, f.s.reader, f.s.author, f.s.moderator]) {
      assert.equal((await f.c.get(CATEGORIES, who.cookie)).statusCode, 403);
      assert.equal((await f.c.get(SETTINGS, who.cookie)).statusCode, 403);
    }
    assert.equal((await f.c.post(`${CATEGORIES}/neu`, { _csrf: f.s.editor.csrf, code: 'x1', name: 'X' }, f.s.editor.cookie)).statusCode, 403);
    assert.equal((await postSettings({ plz: '12345' }, undefined, f.s.editor)).statusCode, 403);
    assert.equal(await category('x1'), undefined);
    assert.doesNotMatch((await f.c.get(BASE, f.s.editor.cookie)).body, /href="\/studio\/maengelmelder\/kategorien"/);
    const other = await f.db().selectFrom('defect_categories').select('id').executeTakeFirstOrThrow();
    assert.equal((await f.c.get(`${CATEGORIES}/${other.id}`, f.s.wbAdmin.cookie, 'wiesenburg.localhost')).statusCode, 404, 'another tenant’s category');
  });

  it('saves the area pasted or uploaded, postal codes and moderation; bad GeoJSON is refused in German and nothing is written', async () => {
    const page = await f.c.get(SETTINGS, f.s.admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const saved = await postSettings({ gebiet: JSON.stringify({ type: 'Feature', properties: {}, geometry: square }), plz: '14806, 14827 14806', moderation: 'ja' });
    assert.equal(saved.statusCode, 303, saved.body);
    let s = await loadDefectSettings(f.db());
    assert.deepEqual(s, { area: square, postalCodes: ['14806', '14827'], moderationRequired: true });

    const uploaded = await postSettings({ gebiet: '', plz: '' }, { name: 'gebiet.geojson', data: Buffer.from(JSON.stringify({ type: 'MultiPolygon', coordinates: [square.coordinates] })) });
    assert.equal(uploaded.statusCode, 303, uploaded.body);
    s = await loadDefectSettings(f.db());
    assert.equal(s.area?.type, 'MultiPolygon');
    assert.equal(s.moderationRequired, false);

    const broken = await postSettings({ gebiet: '{"type": "Polygon", ', plz: '99999', moderation: 'ja' });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /Das Gebiet ist kein gültiges GeoJSON: /);
    const point = await postSettings({ gebiet: '{"type":"Point","coordinates":[12.5,52.1]}', plz: '' });
    assert.equal(point.statusCode, 400);
    assert.match(point.body, /Das Gebiet muss ein GeoJSON-Polygon oder -MultiPolygon mit Koordinaten/);
    const open = await postSettings({ gebiet: JSON.stringify({ type: 'Polygon', coordinates: [[[12.5, 52.1], [12.7, 52.1], [12.7, 52.2], [12.5, 52.2]]] }) });
    assert.match(open.body, /Das Gebiet ist nicht geschlossen/);
    const plz = await postSettings({ gebiet: '', plz: '1480' });
    assert.equal(plz.statusCode, 400);
    assert.match(plz.body, /Postleitzahlen haben fünf Ziffern/);
    assert.deepEqual(await loadDefectSettings(f.db()), s, 'nothing written');
    const forged = await postSettings({ _csrf: 'falsch', gebiet: '', plz: '' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await loadDefectSettings(f.db()), s);
    const entries = await f.p.database.system.selectFrom('audit_log').select('action').where('action', '=', 'studio:defects.settings').execute();
    assert.equal(entries.length, 2);
  });
});
