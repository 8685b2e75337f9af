import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { resolveDescriptor } from '../../web-app/server/route-descriptor.ts';
import { starterConfig } from '../../static-content/starter/starter-config.ts';
import { statusColours, REPORT_STATUSES } from '../model/statuses.ts';

/** Server-rendered Mängelmelder pages of the citizen app (needs `npm run build`, as npm test does). */
describe('citizen app: Mängelmelder pages', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(() => p?.close());

  const db = (slug = 'bad-belzig') => p.database.forTenant(p.tenants.get(slug)!.id);
  const page = async (path: string, host = BB) => {
    const res = await p.http.inject({ method: 'GET', url: path, headers: { host, accept: 'text/html' } });
    return { status: res.statusCode, html: res.body };
  };
  const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').trim();
  const h1s = (html: string) => [...html.matchAll(/<h1\b[^>]*>(.*?)<\/h1>/gs)].map((m) => strip(m[1]!));
  const main = (html: string) => /<main\b[^>]*>(.*)<\/main>/s.exec(html)![1]!;
  const publicReports = () => db().selectFrom('defect_reports').select(['id', 'title', 'status']).where('moderation', '=', 'approved').where('public', '=', true).orderBy('id').execute();

  it('/maengelmelder: intro, report button, my reports, filters and the public reports with their status as text', async () => {
    const { status, html } = await page('/maengelmelder');
    assert.equal(status, 200);
    assert.deepEqual(h1s(html), ['Mängelmelder']);
    const m = main(html);
    assert.match(m, /<a class="button" href="\/maengelmelder\/melden">Mangel melden<\/a>/);
    assert.match(m, /<a href="\/maengelmelder\/meine">Meine Meldungen<\/a>/);
    assert.match(m, /<form class="defects-filter" method="get" action="\/maengelmelder"/);
    assert.match(m, /<select name="kategorie"[^>]*>.*<option value="strassenbeleuchtung">Straßenbeleuchtung<\/option>/s);
    const expected = await publicReports();
    assert.ok(expected.length > 0, 'the demo has public reports');
    const listed = [...m.matchAll(/<a href="\/maengelmelder\/meldungen\/(\d+)">([^<]+)<\/a>/g)].map((x) => Number(x[1]));
    assert.deepEqual([...listed].sort((a, b) => a - b), expected.map((r) => r.id));
    // The status is written out next to its colour.
    assert.match(m, /<span class="status-badge status-in_progress"><span aria-hidden="true">… <\/span>In Bearbeitung<\/span>/);
    const hidden = await db().selectFrom('defect_reports').select('id').where((eb) => eb.or([eb('moderation', '<>', 'approved'), eb('public', '=', false)])).execute();
    for (const h of hidden) assert.ok(!listed.includes(h.id), `report ${h.id} is not public`);
  });

  it('filters by status and by category (plain GET form)', async () => {
    const open = main((await page('/maengelmelder?status=open')).html);
    const closedStatuses = ['status-done', 'status-rejected', 'status-duplicate'];
    for (const c of closedStatuses) assert.doesNotMatch(open.split('defect-list')[1] ?? '', new RegExp(`status-badge ${c}`));
    assert.match(open, /<option value="open" selected/);
    const lights = main((await page('/maengelmelder?kategorie=strassenbeleuchtung')).html);
    const ids = [...lights.matchAll(/href="\/maengelmelder\/meldungen\/(\d+)"/g)].map((x) => Number(x[1]));
    const expected = await db()
      .selectFrom('defect_reports as r')
      .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
      .select('r.id')
      .where('c.code', '=', 'strassenbeleuchtung')
      .where('r.moderation', '=', 'approved')
      .where('r.public', '=', true)
      .execute();
    assert.deepEqual([...new Set(ids)].sort(), expected.map((r) => r.id).sort());
    // Nonsense filters are ignored rather than refused.
    assert.equal((await page('/maengelmelder?status=<x>&kategorie=%27')).status, 200);
  });

  it('/maengelmelder/meldungen/:id: title, category, status, history and place; 404 for unknown, hidden and malformed ids', async () => {
    const [r] = (await publicReports()).filter((x) => x.status === 'in_progress');
    assert.ok(r);
    const { status, html } = await page(`/maengelmelder/meldungen/${r.id}`);
    assert.equal(status, 200);
    assert.deepEqual(h1s(html), [r.title]);
    const m = main(html);
    assert.match(m, /<h2 id="defect-history">Verlauf<\/h2>/);
    assert.match(m, /In Bearbeitung/);
    assert.match(m, /<h2 id="defect-place">Ort<\/h2>\s*<p>[^<]+, 14806 Bad Belzig<\/p>/);
    assert.equal((await page('/maengelmelder/meldungen/99999999')).status, 404);
    assert.equal((await page('/maengelmelder/meldungen/abc')).status, 404);
    const hidden = await db().selectFrom('defect_reports').select('id').where('moderation', '<>', 'approved').executeTakeFirst();
    if (hidden) assert.equal((await page(`/maengelmelder/meldungen/${hidden.id}`)).status, 404);
    // Another municipality's report is not found on this host.
    const wb = await db('wiesenburg').selectFrom('defect_reports').select('id').where('moderation', '=', 'approved').where('public', '=', true).executeTakeFirstOrThrow();
    assert.equal((await page(`/maengelmelder/meldungen/${wb.id}`)).status, 404);
    assert.equal((await page(`/maengelmelder/meldungen/${wb.id}`, WB)).status, 200);
  });

  it('/maengelmelder/melden renders the first step with the categories; /maengelmelder/meine renders its frame', async () => {
    const w = await page('/maengelmelder/melden');
    assert.equal(w.status, 200);
    assert.deepEqual(h1s(w.html), ['Mangel melden']);
    const m = main(w.html);
    assert.match(m, /Schritt 1 von 6: Kategorie/);
    assert.equal([...m.matchAll(/<input type="radio" name="category"/g)].length, 6);
    // The honeypot is there, out of reach for people and assistive technology.
    assert.match(m, /<div class="hp" aria-hidden="true"><label for="defect-website">[^<]+<\/label><input id="defect-website" name="website" type="text" tabindex="-1" autocomplete="off"/);
    const mine = await page('/maengelmelder/meine');
    assert.equal(mine.status, 200);
    assert.deepEqual(h1s(mine.html), ['Meine Meldungen']);
  });

  it('GET /api/v1/defects/place: the address of a point, a typed address, and German refusals', async () => {
    const get = async (q: string) => {
      const res = await p.http.inject({ method: 'GET', url: `/api/v1/defects/place?${q}`, headers: { host: BB } });
      return { status: res.statusCode, body: res.json() };
    };
    const point = await get('lat=52.1417&lng=12.59266');
    assert.equal(point.status, 200);
    assert.match(point.body.address, /^Brücker Straße 1, 14806 Bad Belzig$/);
    const typed = await get(`address=${encodeURIComponent('Niemegker Str. 3')}`);
    assert.equal(typed.body.address, 'Niemegker Straße 3, 14806 Bad Belzig');
    const outside = await get('lat=52.52&lng=13.405');
    assert.equal(outside.status, 400);
    assert.match(outside.body.error.message, /außerhalb von Bad Belzig \(Demo\)/);
    assert.equal((await get('address=Unbekannter%20Weg%2099')).status, 400);
    const bad = await get('lat=abc');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /Bitte einen Punkt/);
  });

  it('the native app’s defect screens lead here, and new municipalities with the module get a tile', () => {
    for (const name of ['SueHome', 'SueList', 'SueMap']) assert.equal(resolveDescriptor({ routeName: name, params: {} })?.href, '/maengelmelder');
    for (const name of ['SueReport', 'DefectReportForm']) assert.equal(resolveDescriptor({ routeName: name, params: {} })?.href, '/maengelmelder/melden');
    const tiles = (modules: string[]) => {
      const file = starterConfig({ name: 'Musterstadt', state: '', officialKey: '', enabledModules: modules }).find((r) => r.name === 'homeService')!;
      return (JSON.parse(String(file.content)) as { routeName: string }[]).map((t) => t.routeName);
    };
    assert.ok(tiles(['static-content', 'defects']).includes('SueHome'));
    assert.ok(!tiles(['static-content']).includes('SueHome'));
  });

  it('keeps the stylesheet’s status colours equal to the model’s', () => {
    const css = readFileSync(new URL('../app/defects.css', import.meta.url), 'utf8');
    for (const s of REPORT_STATUSES) assert.match(css, new RegExp(`\\.status-${s} \\{ background: ${statusColours[s]}; \\}`), s);
  });
});
