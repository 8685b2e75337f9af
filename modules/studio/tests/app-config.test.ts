import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { hiddenField, studioClient } from './studio-client.ts';

type Session = { cookie: string; csrf: string };

describe('studio app settings (/studio/einstellungen)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let admin: Session;
  let editor: Session;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
    admin = await c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    editor = await c.session('editor@bad-belzig.demo', 'demo-studio-editor');
  });
  after(() => p?.close());

  /** The id of a file in the overview ("globalSettings" unversioned or a version). */
  const fileId = async (name: string, version: string | null, who: Session = admin) => {
    const page = (await c.get('/studio/einstellungen', who.cookie)).body;
    const rows = [...page.matchAll(/href="\/studio\/einstellungen\/datei\/(\d+)">([^<]+)<span class="visually-hidden"> ([^:<]+):/g)];
    const row = rows.find((m) => m[2] === name && (version ? m[3] === version : m[3]!.startsWith('ohne Version')));
    assert.ok(row, `${name} ${version} in the overview`);
    return row[1]!;
  };
  /** The edit form's fields as a browser would send them (text inputs, selected options, hidden fields, textareas). */
  const formFields = (html: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const m of html.matchAll(/<input ([^>]*)>/g)) {
      const name = /name="([^"]*)"/.exec(m[1]!)?.[1];
      if (name) out[name] = decode(/value="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
    }
    for (const m of html.matchAll(/<select [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
    for (const m of html.matchAll(/<textarea [^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1]!] = decode(m[2]!);
    return out;
  };
  const stored = async (name: string, version?: string, host = BB) => (await p.gql(host, `query($n: String!, $v: String) { publicJsonFile(name: $n, version: $v) { content version } }`, { n: name, v: version ?? null })).body.data.publicJsonFile;
  const audit = (filter: { action: string }, slug = 'bad-belzig') => listAudit(p.database.forTenant(p.tenants.get(slug)!.id), filter);
  const postFile = (id: string, fields: Record<string, string>, who: Session = admin) => c.post(`/studio/einstellungen/datei/${id}`, { ...fields, _csrf: who.csrf }, who.cookie);

  it('keeps unknown keys through a form save, and the API serves the new state', async () => {
    const id = await fileId('globalSettings', null);
    const form = await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<legend>Startseite \(ältere Apps ohne homeScreenConfig\)<\/legend>/);
    assert.match(form.body, /<label for="f-sections-limitNews">Anzahl Nachrichten<\/label>/);
    const fields = formFields(form.body);
    assert.equal(fields['f.sections.limitNews'], '3');
    const res = await postFile(id, { ...fields, 'f.sections.limitNews': '5', _op: 'save' });
    assert.equal(res.statusCode, 303, res.body);
    const after = JSON.parse((await stored('globalSettings')).content);
    assert.equal(after.sections.limitNews, 5);
    assert.equal(after.mowas.regionalKeys.length, 2, 'keys the schema does not name survive');
    assert.equal(after.settings.pushNotifications, true);
    assert.equal(after.sections.categoriesNews.length, 2, 'unknown keys inside known objects survive');
    const entries = await audit({ action: 'studio:config.save' });
    assert.ok(entries.some((e: any) => e.targetId === id && e.actor === 'redaktion@bad-belzig.demo'), 'the save is audited');
  });

  it('refuses invalid raw JSON with line and column, and saves nothing', async () => {
    const id = await fileId('mapSettings', null);
    const before = (await stored('mapSettings')).content;
    const page = await c.get(`/studio/einstellungen/datei/${id}?modus=json`, admin.cookie);
    const res = await postFile(id, { _stand: hiddenField(page.body, '_stand'), _modus: 'json', _op: 'save', inhalt: '{\n  "zoomLevel": { "minZoom": 10 },\n  "styleUrl": \n}' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kein gültiges JSON in Zeile 4, Spalte 1/);
    assert.match(res.body, /&quot;styleUrl&quot;: /, 'the input is kept');
    assert.equal((await stored('mapSettings')).content, before);
  });

  it('reports schema violations in German at their fields, and in English on request', async () => {
    const id = await fileId('mapSettings', null);
    const page = await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie);
    const fields = formFields(page.body);
    const res = await postFile(id, { ...fields, 'f.zoomLevel.minZoom': '-3', 'f.clusterRadius': 'viel', _op: 'save' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Bei „Kleinste Zoomstufe“: Zu klein/);
    assert.match(res.body, /Bei „Radius für Gruppen von Orten“: Ungültige Eingabe: erwartet Zahl/);
    assert.match(res.body, /id="f-zoomLevel-minZoom" name="f.zoomLevel.minZoom" aria-invalid="true"/);
    const raw = await c.post(`/studio/einstellungen/datei/${id}`, { _csrf: admin.csrf, _stand: fields._stand!, _modus: 'json', _op: 'save', inhalt: '{"showOwnLocation": "ja"}' }, `${admin.cookie}; dp_prefs=lang-en.theme-system.textSize-normal.contrast-normal.motion-system`);
    assert.equal(raw.statusCode, 400);
    assert.match(raw.body, /At “Show own location”: Invalid input: expected boolean/);
  });

  it('adds and removes entries of repeated groups without JavaScript (re-rendered form)', async () => {
    const id = await fileId('homeService', null);
    const fields = formFields((await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie)).body);
    const count = Number(fields['f._count']);
    const added = await postFile(id, { ...fields, _op: 'add:f' });
    assert.equal(added.statusCode, 200);
    assert.match(added.body, new RegExp(`name="f._count" value="${count + 1}"`));
    assert.match(added.body, new RegExp(`Service-Kacheln: Eintrag ${count + 1}`));
    const incomplete = await postFile(id, { ...formFields(added.body), _op: 'save' });
    assert.equal(incomplete.statusCode, 400, 'the new empty tile needs a title');
    const removed = await postFile(id, { ...formFields(added.body), _op: 'remove:f.0' });
    assert.match(removed.body, new RegExp(`name="f._count" value="${count}"`));
    assert.doesNotMatch(removed.body, /value="Abfallkalender"/, 'the first tile is gone');
    const withoutEmpty = await postFile(id, { ...formFields(removed.body), _op: `remove:f.${count - 1}` });
    const saved = await postFile(id, { ...formFields(withoutEmpty.body), _op: 'save' });
    assert.equal(saved.statusCode, 303);
    const tiles = JSON.parse((await stored('homeService')).content);
    assert.equal(tiles.length, count - 1);
    assert.equal(tiles[0].title, 'Bürgerservice');
    assert.ok(tiles[0].params.queryVariables, 'params (a JSON field) survive');
  });

  it('refuses a form based on an older state with 409 and keeps the input', async () => {
    const id = await fileId('homeAbout', null);
    const fields = formFields((await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie)).body);
    assert.equal((await postFile(id, { ...fields, 'f.0.title': 'Impressum (neu)', _op: 'save' }, editor)).statusCode, 303);
    const late = await postFile(id, { ...fields, 'f.0.title': 'Mein Impressum', _op: 'save' });
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /inzwischen von jemand anderem geändert/);
    assert.match(late.body, /value="Mein Impressum"/);
    assert.equal(JSON.parse((await stored('homeAbout')).content)[0].title, 'Impressum (neu)');
  });

  it('creates a version for an app version, resolved by the API as the app asks', async () => {
    const res = await c.post('/studio/einstellungen/version', { _csrf: admin.csrf, datei: 'homeCarousel', version: '5.0.0' }, admin.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Die Version 5\.0\.0 von „homeCarousel“ ist angelegt/);
    assert.equal((await c.post('/studio/einstellungen/version', { _csrf: admin.csrf, datei: 'homeCarousel', version: '5.0.0' }, admin.cookie)).statusCode, 409);
    assert.equal((await c.post('/studio/einstellungen/version', { _csrf: admin.csrf, datei: 'homeCarousel', version: 'neu' }, admin.cookie)).statusCode, 400);
    const id = await fileId('homeCarousel', '5.0.0');
    const fields = formFields((await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie)).body);
    assert.equal((await postFile(id, { ...fields, 'f.0.message': 'Nur für neue Apps', _op: 'save' })).statusCode, 303);
    assert.equal((await stored('homeCarousel', '5.2.1')).content[0].message, 'Nur für neue Apps');
    assert.equal((await stored('homeCarousel', '5.2.1')).version, '5.0.0');
    assert.match((await stored('homeCarousel', '4.9.0')).content[0].message, /Willkommen in Bad Belzig/);
    const entries = await audit({ action: 'studio:config.version' });
    assert.equal(entries.length, 1);
  });

  it('previews the home with the unsaved form in a frame-able page', async () => {
    const id = await fileId('homeCarousel', null);
    const fields = formFields((await c.get(`/studio/einstellungen/datei/${id}`, admin.cookie)).body);
    const preview = await c.post('/studio/einstellungen/vorschau', { ...fields, 'f.0.message': 'Vorschau-Text 123', _op: 'preview', _csrf: admin.csrf }, admin.cookie);
    assert.equal(preview.statusCode, 200, preview.body);
    assert.match(preview.body, /Vorschau-Text 123/);
    assert.match(String(preview.headers['content-security-policy']), /frame-ancestors 'self'/);
    assert.doesNotMatch(preview.body, /<script type="module"/, 'a picture of the page, without the app script');
    assert.match(JSON.parse((await stored('homeCarousel')).content)[0].message, /Willkommen/, 'nothing saved');
    assert.match(String((await c.get('/studio/einstellungen', admin.cookie)).headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('checks roles on the server: admins and editors edit, read-only looks, others get 403; tenants stay apart', async () => {
    const id = await fileId('mapSettings', null);
    assert.equal((await c.get('/studio/einstellungen')).statusCode, 303);
    assert.equal((await c.get(`/studio/einstellungen/datei/${id}`, editor.cookie)).statusCode, 200);
    const reader = await c.session('lesen@bad-belzig.demo', 'demo-studio-readonly');
    const look = await c.get(`/studio/einstellungen/datei/${id}`, reader.cookie);
    assert.equal(look.statusCode, 200);
    assert.match(look.body, /<fieldset class="plain" disabled/);
    const fields = formFields(look.body);
    assert.equal((await postFile(id, { ...fields, _op: 'save' }, reader)).statusCode, 403);
    for (const [email, password] of [['moderation@bad-belzig.demo', 'demo-studio-moderator'], ['autorin@bad-belzig.demo', 'demo-studio-author']]) {
      const other = await c.session(email!, password!);
      assert.equal((await c.get('/studio/einstellungen', other.cookie)).statusCode, 403, email);
      assert.equal((await postFile(id, { ...fields, _op: 'save' }, other)).statusCode, 403, email);
    }
    assert.equal((await c.get('/studio/einstellungen/module', editor.cookie)).statusCode, 403, 'modules are for admins');
    const wb = await c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    assert.equal((await c.get(`/studio/einstellungen/datei/${id}`, wb.cookie, WB)).statusCode, 404, 'another tenant’s file does not exist here');
    assert.equal((await c.post(`/studio/einstellungen/datei/${id}`, { ...fields, _csrf: wb.csrf, _op: 'save' }, wb.cookie, {}, WB)).statusCode, 404);
  });

  it('refuses colour pairs below 4.5:1 with the ratio, saves good ones for the web app', async () => {
    const low = await c.post('/studio/einstellungen/erscheinungsbild', { _csrf: editor.csrf, primaryColor: '#7fb2d0', onPrimaryColor: '#ffffff', secondaryColor: '', onSecondaryColor: '', logo: '', icon: '' }, editor.cookie);
    assert.equal(low.statusCode, 400);
    assert.match(low.body, /Kontrast von 2,\d+:1, WCAG AA verlangt mindestens 4,5:1/);
    assert.equal(p.tenants.get('bad-belzig')!.theme.primaryColor, '#1b5e7a', 'the seeded colour stays');
    const ok = await c.post('/studio/einstellungen/erscheinungsbild', { _csrf: editor.csrf, primaryColor: '#0b4f6c', onPrimaryColor: '#ffffff', secondaryColor: '#ffd166', onSecondaryColor: '#111111', logo: '', icon: '' }, editor.cookie);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(ok.body, /Kontrast 8,\d+:1 – erfüllt WCAG AA/);
    assert.equal(p.tenants.get('bad-belzig')!.theme.primaryColor, '#0b4f6c');
    const manifest = await p.http.inject({ method: 'GET', url: '/manifest.webmanifest', headers: { host: BB } });
    assert.equal(manifest.json().theme_color, '#0b4f6c', manifest.body);
    const entries = await audit({ action: 'studio:theme.save' });
    assert.equal(entries.length, 1);
  });

  it('switches modules on and off for the tenant: dependencies come along, the studio stays, the API follows', async () => {
    const wb = await c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    const page = await c.get('/studio/einstellungen/module', wb.cookie, WB);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="modul-studio"[^>]*disabled/);
    const on = [...page.body.matchAll(/name="modul" value="([^"]+)" checked aria-/g)].map((m) => m[1]!);
    assert.ok(on.includes('news'));
    assert.equal((await p.gql(WB, '{ newsItems(limit: 1) { id } }')).body.errors, undefined);
    const off = await c.post('/studio/einstellungen/module', { _csrf: wb.csrf, modul: on.filter((m) => !['news', 'search', 'categories'].includes(m)) }, wb.cookie, {}, WB);
    assert.equal(off.statusCode, 200);
    // Categories stay on: the studio itself needs them (its forms and category page), like the studio.
    assert.match(off.body, /id="modul-categories"[^>]*disabled/);
    const tenant = p.tenants.get('wiesenburg')!;
    assert.ok(!tenant.enabledModules.includes('news'));
    assert.ok(tenant.enabledModules.includes('categories') && tenant.enabledModules.includes('studio'));
    const answer = await p.gql(WB, '{ newsItems(limit: 1) { id } }');
    assert.equal(answer.body.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await p.gql(BB, '{ newsItems(limit: 1) { id } }')).body.errors, undefined, 'other tenants keep it');
    const searchOnly = await c.post('/studio/einstellungen/module', { _csrf: wb.csrf, modul: ['search'] }, wb.cookie, {}, WB);
    assert.equal(searchOnly.statusCode, 200);
    assert.match(searchOnly.body, /Wegen Abhängigkeiten zusätzlich eingeschaltet: .*Nachrichten/);
    const now = p.tenants.get('wiesenburg')!.enabledModules;
    assert.ok(now.includes('news') && now.includes('studio'), 'search brings news; the studio cannot be switched off');
    assert.ok(!now.includes('events'));
    const entries = await audit({ action: 'studio:modules.save' }, 'wiesenburg');
    assert.equal(entries.length, 2);
  });
});
