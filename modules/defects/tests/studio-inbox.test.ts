import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WB } from '../../../test/harness.ts';
import { csvCell } from '../studio/report-csv.ts';
import { BASE, defectsStudioSuite } from './studio-fixture.ts';

describe('studio: defect reports inbox and CSV export (/studio/maengelmelder)', () => {
  const f = defectsStudioSuite();
  const ids = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/studio\/maengelmelder\/(\d+)">/g)].map((m) => Number(m[1]));

  it('lists reports newest first with the navigation entry, a map and status colours', async () => {
    const page = await f.c.get(BASE, f.s.reader.cookie);
    assert.equal(page.statusCode, 200, page.body);
    assert.match(page.body, /href="\/studio\/maengelmelder" aria-current="page"/);
    const listed = ids(page.body);
    const newest = await f.db().selectFrom('defect_reports').select('id').orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(25).execute();
    assert.deepEqual(listed, newest.map((r) => r.id));
    assert.match(page.body, /<svg viewBox="0 0 800 \d+" width="100%" role="group" aria-label="Karte der gefilterten Meldungen">/);
    assert.match(page.body, /<a href="\/studio\/maengelmelder\/\d+" aria-label="Meldung \d+: [^"]+"><circle [^>]*fill="#(b3261e|8a5300|5b4397|1e6b34|555555)"/);
    assert.match(page.body, /<polygon points="/, 'the municipality area is drawn');
    assert.doesNotMatch(page.body, /<script/, 'no script');
  });

  it('filters by status, category, moderation, assignment, dates and text', async () => {
    const mine = await f.file({ title: 'Wackeliger Gullydeckel xyz', categoryCode: 'schlagloch' });
    const other = await f.file({ title: 'Andere Sache', categoryCode: 'spielplatz', description: 'Schaukel kaputt Quittenweg-Unikat' });
    const adminId = await f.accountId('redaktion@bad-belzig.demo');
    await f.db().updateTable('defect_reports').set({ assigned_account_id: adminId }).where('id', '=', mine.id).execute();
    const get = async (qs: string, who = f.s.admin) => ids((await f.c.get(`${BASE}?${qs}`, who.cookie)).body);
    assert.deepEqual(await get('q=gullydeckel'), [mine.id]);
    assert.deepEqual(await get('q=Quittenweg-Unikat'), [other.id], 'searches the description');
    assert.deepEqual(await get('q=%25%25%25'), [], 'LIKE wildcards are text');
    assert.deepEqual(await get('zustaendig=ich'), [mine.id]);
    assert.deepEqual(await get('zustaendig=ich', f.s.editor), [], 'assigned to someone else');
    assert.ok((await get('zustaendig=jemand')).includes(mine.id));
    assert.ok(!(await get('zustaendig=jemand')).includes(other.id));
    assert.ok((await get('zustaendig=niemand')).includes(other.id));
    assert.ok(!(await get('zustaendig=niemand')).includes(mine.id));
    const pending = await get('freigabe=pending');
    assert.ok(pending.includes(mine.id) && pending.includes(other.id));
    assert.ok(!(await get('freigabe=approved')).includes(mine.id));
    assert.ok((await get('kategorie=spielplatz')).includes(other.id));
    assert.ok(!(await get('kategorie=spielplatz')).includes(mine.id));
    const closed = await get('status=closed');
    const closedRows = await f.db().selectFrom('defect_reports').select('status').where('id', 'in', closed).execute();
    assert.ok(closed.length > 0 && closedRows.every((r) => ['done', 'rejected', 'duplicate'].includes(r.status)));
    assert.ok((await get('status=received&q=gullydeckel')).includes(mine.id));
    assert.deepEqual(await get('status=done&q=gullydeckel'), []);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    assert.ok((await get(`von=${today}`)).includes(mine.id));
    assert.deepEqual(await get('bis=2000-01-01'), []);
    const odd = await f.c.get(`${BASE}?status=quatsch&seite=-4&von=gestern`, f.s.admin.cookie);
    assert.equal(odd.statusCode, 200, 'odd filters fall back');
  });

  it('pages the list by 25', async () => {
    for (let i = 0; i < 25; i++) await f.file({ title: `Seitentest ${i}` });
    const total = Number((await f.db().selectFrom('defect_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const first = await f.c.get(BASE, f.s.admin.cookie);
    assert.match(first.body, new RegExp(`${total} Meldungen · Seite 1 von ${Math.ceil(total / 25)}`));
    assert.match(first.body, /href="\/studio\/maengelmelder\?seite=2" rel="next"/);
    const second = await f.c.get(`${BASE}?seite=2`, f.s.admin.cookie);
    assert.equal(ids(second.body).length, Math.min(25, total - 25));
    assert.ok(!ids(second.body).some((id) => ids(first.body).includes(id)));
  });

  it('exports the filtered list as CSV for German Excel, formula-safe, contact only for those who may see it', async () => {
    const r = await f.file({ title: '=HYPERLINK("http://evil")', description: 'Zeile 1\nZeile; 2 "zitiert"', contact: { name: '@Erika', email: 'erika@example.org', phone: '+49 33841 1234' } });
    const res = await f.c.get(`${BASE}/export.csv?q=HYPERLINK`, f.s.editor.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="maengelmeldungen-\d{4}-\d{2}-\d{2}\.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'), 'BOM');
    const lines = res.body.slice(1).split('\r\n');
    assert.equal(lines[0], 'Meldung;Eingang;Kategorie;Titel;Beschreibung;Status;Freigabe;Adresse;PLZ;Breite;Länge;Zuständig;Öffentlich;Eingang über;Name;E-Mail;Telefon');
    assert.ok(lines[1]!.startsWith(`${r.id};`));
    assert.match(res.body, /;"'=HYPERLINK\(""http:\/\/evil""\)";"Zeile 1\nZeile; 2 ""zitiert""";Eingegangen;Wartet auf Freigabe;/);
    assert.match(res.body, /;52,14\d+;12,59\d+;/, 'decimal comma');
    assert.match(res.body, /;'@Erika;erika@example\.org;'\+49 33841 1234\r\n/);
    const reader = await f.c.get(`${BASE}/export.csv?q=HYPERLINK`, f.s.reader.cookie);
    assert.equal(reader.statusCode, 200);
    assert.doesNotMatch(reader.body, /erika@example\.org|Telefon/, 'read-only accounts get no contact data');
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell('\tx'), "'\tx");
    assert.equal(csvCell('ok'), 'ok');
  });

  it('refuses authors and moderators, sends visitors to the login, and shows no other tenant’s reports', async () => {
    assert.equal((await f.c.get(BASE, f.s.author.cookie)).statusCode, 403);
    assert.equal((await f.c.get(`${BASE}/export.csv`, f.s.moderator.cookie)).statusCode, 403);
    const anon = await f.c.get(BASE);
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/studio\/anmelden/);
    assert.doesNotMatch((await f.c.get(BASE, f.s.author.cookie)).body, /href="\/studio\/maengelmelder"/, 'no navigation entry for authors');
    const bbIds = new Set((await f.db().selectFrom('defect_reports').select('id').execute()).map((r) => r.id));
    const wb = await f.c.get(BASE, f.s.wbAdmin.cookie, WB);
    assert.equal(wb.statusCode, 200);
    assert.ok(ids(wb.body).length > 0);
    assert.ok(ids(wb.body).every((id) => !bbIds.has(id)));
  });
});
