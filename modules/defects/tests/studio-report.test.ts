import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WB } from '../../../test/harness.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { publicUpdates } from '../reports/public-reports.ts';
import { BASE, defectsStudioSuite, type Session } from './studio-fixture.ts';

describe('studio: a defect report’s page and its actions (/studio/maengelmelder/:id)', () => {
  const f = defectsStudioSuite();
  const act = (who: Session, id: number, form: Record<string, string>, host?: string) => f.c.post(`${BASE}/${id}`, { _csrf: who.csrf, ...form }, who.cookie, {}, host);
  const row = (id: number) => f.db().selectFrom('defect_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const jobs = async (name: string) => (await f.p.database.system.selectFrom('jobs').select('payload').where('name', '=', name).execute()).map((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload));
  const audits = async (action: string) => listAudit(f.db(), { action });

  it('shows everything to editors, contact data not to read-only accounts (and no forms for them)', async () => {
    const r = await f.file({ title: 'Kaputte Bank' });
    const editor = await f.c.get(`${BASE}/${r.id}`, f.s.editor.cookie);
    assert.equal(editor.statusCode, 200);
    assert.match(editor.body, /<h1>Meldung \d+: Kaputte Bank<\/h1>/);
    assert.match(editor.body, /erika@example\.org/);
    assert.match(editor.body, /\+49 33841 1234/);
    assert.match(editor.body, /name="aktion" value="status"/);
    const reader = await f.c.get(`${BASE}/${r.id}`, f.s.reader.cookie);
    assert.equal(reader.statusCode, 200);
    assert.doesNotMatch(reader.body, /erika@example\.org|Erika Muster/);
    assert.match(reader.body, /Kontaktdaten sehen nur Administration und Redaktion/);
    assert.doesNotMatch(reader.body, /method="post" action="\/studio\/maengelmelder\//);
    assert.equal((await act(f.s.reader, r.id, { aktion: 'freigabe', entscheidung: 'approved' })).statusCode, 403, 'read-only accounts cannot act');
    assert.equal((await row(r.id)).moderation, 'pending');
  });

  it('approves and rejects for public display, audited', async () => {
    const r = await f.file();
    const res = await act(f.s.editor, r.id, { aktion: 'freigabe', entscheidung: 'approved' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${BASE}/${r.id}?hinweis=moderated`);
    assert.equal((await row(r.id)).moderation, 'approved');
    assert.match((await f.c.get(String(res.headers.location), f.s.editor.cookie)).body, /role="status"><p>Die Freigabe ist gespeichert\./);
    await act(f.s.editor, r.id, { aktion: 'freigabe', entscheidung: 'rejected' });
    assert.equal((await row(r.id)).moderation, 'rejected');
    const entries = await audits('studio:defects.freigabe');
    assert.ok(entries.some((e) => e.targetId === String(r.id) && (e.detail as { moderation: string }).moderation === 'rejected'));
    assert.equal((await act(f.s.editor, r.id, { aktion: 'freigabe', entscheidung: 'vielleicht' })).statusCode, 400);
  });

  it('assigns to a studio user of the tenant, refuses others', async () => {
    const r = await f.file();
    const editorId = await f.accountId('editor@bad-belzig.demo');
    assert.equal((await act(f.s.admin, r.id, { aktion: 'zuweisung', konto: String(editorId) })).statusCode, 303);
    assert.equal((await row(r.id)).assigned_account_id, editorId);
    const wbAdmin = await f.accountId('redaktion@wiesenburg.demo');
    const refused = await act(f.s.admin, r.id, { aktion: 'zuweisung', konto: String(wbAdmin) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /role="alert" id="form-error"><p>Diese Person gehört nicht zum Studio dieser Kommune\./);
    assert.equal((await row(r.id)).assigned_account_id, editorId, 'unchanged');
    assert.equal((await act(f.s.admin, r.id, { aktion: 'zuweisung', konto: '' })).statusCode, 303);
    assert.equal((await row(r.id)).assigned_account_id, null);
  });

  it('closes a report with a public comment: in the public history, closed, reporter told; an internal note is not public', async () => {
    const r = await f.file();
    await act(f.s.editor, r.id, { aktion: 'freigabe', entscheidung: 'approved' });
    const note = await act(f.s.editor, r.id, { aktion: 'status', status: 'in_progress', kommentar: 'Bauhof prüft intern', intern: 'ja' });
    assert.equal(note.statusCode, 303, note.body);
    assert.equal((await row(r.id)).status_notes, '', 'internal notes are not status notes');
    const done = await act(f.s.editor, r.id, { aktion: 'status', status: 'done', kommentar: 'Das Loch ist geflickt.' });
    assert.equal(done.statusCode, 303);
    const closed = await row(r.id);
    assert.equal(closed.status, 'done');
    assert.ok(closed.closed_at instanceof Date);
    assert.equal(closed.status_notes, 'Das Loch ist geflickt.');
    const history = await publicUpdates(f.db(), r.id);
    assert.deepEqual(history.map((u) => [u.status, u.comment]), [['received', ''], ['done', 'Das Loch ist geflickt.']]);
    const notices = (await jobs('defects.status-notice')).filter((j) => j.reportId === r.id);
    assert.equal(notices.length, 1, 'only the public change tells the reporter');
    const page = await f.c.get(`${BASE}/${r.id}`, f.s.editor.cookie);
    assert.match(page.body, /Bauhof prüft intern/);
    assert.match(page.body, /<span class="badge">intern<\/span>/);
    const nothing = await act(f.s.editor, r.id, { aktion: 'status', status: 'done', kommentar: '' });
    assert.equal(nothing.statusCode, 400);
    assert.match(nothing.body, /Bitte einen neuen Status wählen oder einen Kommentar schreiben\./);
    assert.equal((await act(f.s.editor, r.id, { aktion: 'status', status: 'duplicate', kommentar: 'x' })).statusCode, 400, 'duplicates only through the merge');
  });

  it('suggests nearby open reports of the same category and merges a duplicate', async () => {
    const first = await f.file({ categoryCode: 'gruenflaeche', location: { lat: 52.15, lng: 12.6 } });
    const second = await f.file({ categoryCode: 'gruenflaeche', location: { lat: 52.15 + 20 / 111_195, lng: 12.6 } });
    const far = await f.file({ categoryCode: 'gruenflaeche', location: { lat: 52.15 + 90 / 111_195, lng: 12.6 } });
    const page = await f.c.get(`${BASE}/${second.id}`, f.s.editor.cookie);
    assert.match(page.body, new RegExp(`name="original" value="${first.id}"`));
    assert.match(page.body, /20 m entfernt/);
    assert.doesNotMatch(page.body, new RegExp(`name="original" value="${far.id}"`));
    const missing = await act(f.s.editor, second.id, { aktion: 'duplikat' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Bitte wählen Sie die Meldung, die dieselbe Sache meldet\./);
    const self = await act(f.s.editor, second.id, { aktion: 'duplikat', nummer: String(second.id) });
    assert.equal(self.statusCode, 400);
    assert.equal((await row(second.id)).status, 'received', 'nothing written');
    const merged = await act(f.s.editor, second.id, { aktion: 'duplikat', original: String(first.id) });
    assert.equal(merged.statusCode, 303, merged.body);
    const r = await row(second.id);
    assert.equal(r.status, 'duplicate');
    assert.equal(r.duplicate_of, first.id);
    assert.ok(r.closed_at);
    assert.match(r.status_notes, new RegExp(`Meldung ${first.id}`));
    assert.match((await f.c.get(`${BASE}/${second.id}`, f.s.editor.cookie)).body, new RegExp(`href="/studio/maengelmelder/${first.id}">Meldung ${first.id}</a>`));
    assert.ok((await audits('studio:defects.duplikat')).some((e) => e.targetId === String(second.id)));
  });

  it('answers 404 for another tenant’s report and for nonsense ids; a wrong token changes nothing', async () => {
    const r = await f.file();
    const wb = await f.c.get(`${BASE}/${r.id}`, f.s.wbAdmin.cookie, WB);
    assert.equal(wb.statusCode, 404);
    assert.match(wb.body, /Diese Meldung gibt es nicht\./);
    const wbPost = await act(f.s.wbAdmin, r.id, { aktion: 'freigabe', entscheidung: 'approved' }, WB);
    assert.equal(wbPost.statusCode, 404);
    assert.equal((await row(r.id)).moderation, 'pending');
    assert.equal((await f.c.get(`${BASE}/abc`, f.s.admin.cookie)).statusCode, 404);
    assert.equal((await f.c.get(`${BASE}/99999999`, f.s.admin.cookie)).statusCode, 404);
    const forged = await f.c.post(`${BASE}/${r.id}`, { _csrf: 'falsch', aktion: 'freigabe', entscheidung: 'approved' }, f.s.admin.cookie);
    assert.equal(forged.statusCode, 403);
    assert.equal((await row(r.id)).moderation, 'pending');
    assert.equal((await act(f.s.author, r.id, { aktion: 'freigabe', entscheidung: 'approved' })).statusCode, 403);
  });
});
