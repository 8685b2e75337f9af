import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { ensureAccount } from '../../../core/auth/credentials.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import type { Role } from '../../../core/auth/principal.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { studioClient } from '../../studio/tests/studio-client.ts';
import { startPushFixture } from './push-fixture.ts';
import { studioAccount } from './studio-accounts.ts';

const PASSWORD = 'push-studio-test-passwort';
const NO_PUSH = 'ohne-push';

describe('studio: push messages (/studio/push)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let newsItemId: number;
  let categoryIds: number[];
  let bbId: number;
  let wbId: number;
  type Session = { cookie: string; csrf: string };
  const s = {} as Record<'admin' | 'editor' | 'reader' | 'author' | 'moderator' | 'platformAdmin' | 'wbAdmin' | 'noPushAdmin', Session>;

  before(async () => {
    ({ p, newsItemId, categoryIds } = await startPushFixture());
    await p.tenants.create({ slug: NO_PUSH, name: 'Ohne Push', enabledModules: p.modules.map((m) => m.name).filter((n) => n !== 'push') });
    c = studioClient(p, BB);
    bbId = p.tenants.get('bad-belzig')!.id;
    wbId = p.tenants.get('wiesenburg')!.id;
    const provider = await p.database.system.insertInto('data_providers').values({ tenant_id: bbId, name: 'Heimatverein' }).returning('id').executeTakeFirstOrThrow();
    const hash = await hashPassword(PASSWORD);
    const login = async (slug: string, role: Role, host = BB, providerId: number | null = null) => c.session(await studioAccount(p, slug, role, hash, providerId), PASSWORD, host);
    s.admin = await login('bad-belzig', 'admin');
    s.editor = await login('bad-belzig', 'editor');
    s.reader = await login('bad-belzig', 'read_only');
    s.author = await login('bad-belzig', 'data_provider', BB, provider.id);
    s.moderator = await login('bad-belzig', 'moderator');
    const platformAdmin = await ensureAccount(sys(), { email: 'plattform@push-studio.test', platformAdmin: true });
    await sys().updateTable('accounts').set({ password_hash: hash }).where('id', '=', platformAdmin).execute();
    s.platformAdmin = await c.session('plattform@push-studio.test', PASSWORD);
    s.wbAdmin = await login('wiesenburg', 'admin', WB);
    s.noPushAdmin = await login(NO_PUSH, 'admin', `${NO_PUSH}.localhost`);
  });
  after(() => p?.close());

  const sys = () => p.database.system;
  const messageCount = async () => Number((await sys().selectFrom('push_messages').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const fanOutJobs = (messageId: number) => sys().selectFrom('jobs').selectAll().where('name', '=', 'push.fan-out').where(sql`payload->>'messageId'`, '=', String(messageId)).execute();
  const send = (who: Session, form: Record<string, string | string[]>, host = BB) => c.post('/studio/push/neu', { _csrf: who.csrf, ...form }, who.cookie, {}, host);
  const idFrom = (location: unknown) => Number(/^\/studio\/push\/(\d+)\?gespeichert=1$/.exec(String(location))![1]);
  /** A message stored as the pipeline would (a scheduled one by default), for tests that need one. */
  const stored = async (values: Record<string, unknown> = {}) =>
    (await sys().insertInto('push_messages').values({ tenant_id: bbId, title: 'Gespeichert', source: 'studio', send_at: new Date(Date.now() + 86_400_000), ...values }).returning('id').executeTakeFirstOrThrow()).id as number;

  it('refuses invalid input with messages at the fields and stores nothing', async () => {
    const before = await messageCount();
    const jobsBefore = (await sys().selectFrom('jobs').select('id').where('name', '=', 'push.fan-out').execute()).length;
    const hidden = await sys().insertInto('news_items').values({ tenant_id: bbId, title: 'Entwurf', visible: false }).returning('id').executeTakeFirstOrThrow();
    const foreign = await sys().insertInto('news_items').values({ tenant_id: wbId, title: 'Wiesenburger Nachricht' }).returning('id').executeTakeFirstOrThrow();
    const wbCategory = await sys().insertInto('categories').values({ tenant_id: wbId, name: 'Nur in Wiesenburg' }).returning('id').executeTakeFirstOrThrow();
    const past = berlinDateTimeLocal(new Date(Date.now() - 3_600_000));
    const cases: [Record<string, string | string[]>, RegExp, string][] = [
      [{ title: '   ' }, /Bitte geben Sie einen Titel ein\./, 'f-title'],
      [{ title: 'x'.repeat(201) }, /Der Titel darf höchstens 200 Zeichen lang sein\./, 'f-title'],
      [{ title: 'Text zu lang', body: 'y'.repeat(1001) }, /Der Text darf höchstens 1000 Zeichen lang sein\./, 'f-body'],
      [{ title: 'Vergangen', when: 'later', sendAt: past }, /liegt in der Vergangenheit/, 'f-sendAt'],
      [{ title: 'Kein Datum', when: 'later', sendAt: 'morgen früh' }, /Bitte geben Sie Datum und Uhrzeit an/, 'f-sendAt'],
      [{ title: 'Zu weit', when: 'later', sendAt: '2099-01-01T09:00' }, /höchstens ein Jahr in der Zukunft/, 'f-sendAt'],
      [{ title: 'Fremde Kategorie', target: 'categories', categoryIds: [String(categoryIds[0]), String(wbCategory.id)] }, /gibt es in dieser Kommune nicht/, 'f-categoryIds'],
      [{ title: 'Unsinnige Kategorie', target: 'categories', categoryIds: 'abc' }, /gibt es in dieser Kommune nicht/, 'f-categoryIds'],
      [{ title: 'Keine Kategorie', target: 'categories' }, /mindestens eine Kategorie/, 'f-categoryIds'],
      [{ title: 'Entwurf verlinkt', link: `newsItem:${hidden.id}` }, /nicht veröffentlicht/, 'f-link'],
      [{ title: 'Fremd verlinkt', link: `newsItem:${foreign.id}` }, /nicht veröffentlicht/, 'f-link'],
      [{ title: 'Unbekannte Art', link: `staticContent:1` }, /nicht veröffentlicht/, 'f-link'],
    ];
    for (const [form, message, field] of cases) {
      const res = await send(s.editor, form);
      assert.equal(res.statusCode, 400, `${JSON.stringify(form).slice(0, 80)}: ${res.statusCode}`);
      assert.match(res.body, message);
      assert.match(res.body, new RegExp(`id="${field}-error"`), `the message stands at ${field}`);
      assert.match(res.body, /Die Mitteilung wurde nicht gespeichert/);
    }
    // The input is shown again.
    const kept = await send(s.editor, { title: 'Bleibt stehen', body: 'Mein Text', when: 'later', sendAt: past, platform: 'android' });
    assert.match(kept.body, /value="Bleibt stehen"/);
    assert.match(kept.body, />Mein Text<\/textarea>/);
    assert.match(kept.body, /<option value="android" selected>/);
    // A crafted platform is no form of ours.
    assert.equal((await send(s.editor, { title: 'X', platform: 'fax' })).statusCode, 400);
    assert.equal(await messageCount(), before, 'nothing stored');
    assert.equal((await sys().selectFrom('jobs').select('id').where('name', '=', 'push.fan-out').execute()).length, jobsBefore, 'no job queued');
  });

  it('offers recent published items and the categories, and stores a message to send now with its target, link and fan-out job', async () => {
    const form = await c.get('/studio/push/neu', s.editor.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<optgroup label="Nachrichten">/);
    assert.match(form.body, new RegExp(`<option value="newsItem:${newsItemId}">Straßenfest am Samstag</option>`));
    for (const id of categoryIds) assert.match(form.body, new RegExp(`name="categoryIds" value="${id}"`));

    const res = await send(s.editor, { title: 'Straßenfest verschoben', body: 'Neuer Termin: Sonntag.', link: `newsItem:${newsItemId}`, target: 'categories', categoryIds: [String(categoryIds[0])], platform: 'ios', when: 'now' });
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res.headers.location);
    const row = await sys().selectFrom('push_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.tenant_id, bbId);
    assert.equal(row.title, 'Straßenfest verschoben');
    assert.equal(row.body, 'Neuer Termin: Sonntag.');
    assert.equal(row.url, `/nachrichten/${newsItemId}`);
    assert.deepEqual(row.data, { id: newsItemId, query_type: 'newsItem' });
    assert.equal(row.platform, 'ios');
    assert.deepEqual(row.category_ids, [categoryIds[0]]);
    assert.equal(row.source, 'studio');
    assert.equal(row.created_by, 'editor-bad-belzig@push-studio.test');
    assert.equal(row.status, 'queued');
    assert.ok(Math.abs(new Date(row.send_at).getTime() - Date.now()) < 60_000, 'now');
    const [job, ...more] = await fanOutJobs(id);
    assert.equal(more.length, 0);
    assert.equal(job!.status, 'queued');
    assert.ok(new Date(job!.run_at).getTime() <= Date.now());
    const audit = await sys().selectFrom('audit_log').selectAll().where('action', '=', 'studio:push.send').where('target_id', '=', String(id)).executeTakeFirstOrThrow();
    assert.equal(audit.actor, 'editor-bad-belzig@push-studio.test');

    const page = await c.get(String(res.headers.location), s.editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Die Mitteilung wird jetzt gesendet\./);
    assert.match(page.body, /<h1>Straßenfest verschoben<\/h1>/);
    assert.match(page.body, /href="\/studio\/push" aria-current="page"/, 'the navigation marks the section');
    assert.match(page.body, /Kategorien: Veranstaltungen · Nur iOS/);
    assert.match(page.body, new RegExp(`href="/nachrichten/${newsItemId}"`));
  });

  it('schedules a message at a Berlin time: send_at and the job wait for it; the list says "geplant"', async () => {
    const at = parseLenientDateTime(berlinDateTimeLocal(new Date(Date.now() + 2 * 86_400_000)))!;
    const res = await send(s.admin, { title: 'Bürgerversammlung übermorgen', when: 'later', sendAt: berlinDateTimeLocal(at) });
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res.headers.location);
    const row = await sys().selectFrom('push_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(new Date(row.send_at).getTime(), at.getTime());
    assert.deepEqual([row.url, row.data, row.platform, row.category_ids], [null, {}, 'all', []]);
    assert.equal(new Date((await fanOutJobs(id))[0]!.run_at).getTime(), at.getTime());
    const page = await c.get(String(res.headers.location), s.admin.cookie);
    assert.match(page.body, /Die Mitteilung ist für .+ geplant\./);
    assert.match(page.body, /Mitteilung abbrechen/);
    const list = await c.get('/studio/push', s.reader.cookie);
    assert.equal(list.statusCode, 200);
    const line = new RegExp(`<a href="/studio/push/${id}">Bürgerversammlung übermorgen</a></th><td>[^<]+</td><td>Studio</td><td>Alle</td><td>geplant</td>`);
    assert.match(list.body, line);
  });

  it('shows the counts per state and the failed and removed deliveries, recipients shortened, page by page', async () => {
    const id = await stored({ title: 'Mit Zustellungen', status: 'sending', send_at: new Date(Date.now() - 60_000) });
    const token = (n: number) => `ExponentPushToken[geheim${String(n).padStart(4, '0')}abcdefghijkl]`;
    const endpoint = 'https://push.example.org/wpush/v2/ganz-geheimer-pfad-1234';
    const t0 = Date.now() - 3_600_000;
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => ({ recipient: token(i), status: 'sent' })),
      ...Array.from({ length: 55 }, (_, i) => ({ recipient: token(100 + i), status: 'failed', error: `MessageTooBig ${i}`, updated_at: new Date(t0 + i * 1000) })),
      { recipient: endpoint, channel: 'web', status: 'removed', error: 'HTTP 410', updated_at: new Date(t0 + 100_000) },
      { recipient: token(900), status: 'pending' },
      { recipient: token(901), status: 'retry' },
    ];
    await sys()
      .insertInto('push_deliveries')
      .values(rows.map((r) => ({ tenant_id: bbId, message_id: id, channel: 'expo', attempts: 1, ...r })))
      .execute();

    const list = await c.get('/studio/push', s.reader.cookie);
    assert.match(list.body, new RegExp(`Mit Zustellungen</a></th><td>[^<]+</td><td>Studio</td><td>Alle</td><td>wird gesendet</td><td>3 gesendet, 55 fehlgeschlagen, 1 entfernt, 2 ausstehend</td>`));

    const page = await c.get(`/studio/push/${id}`, s.reader.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<td>3<\/td><td>55<\/td><td>1<\/td><td>2<\/td>/);
    assert.match(page.body, /Seite 1 von 2/);
    assert.match(page.body, /<code>https:\/\/push\.example\.org\/…1234<\/code>/);
    assert.match(page.body, /HTTP 410/);
    assert.match(page.body, /<code>ExponentPushToken\[gehe…\]<\/code>/);
    assert.match(page.body, /MessageTooBig 54/, 'the latest first');
    assert.doesNotMatch(page.body, /MessageTooBig 3</, 'older ones on the next page');
    assert.doesNotMatch(page.body, /Mitteilung abbrechen/, 'read-only accounts cannot cancel, and nothing is queued');
    for (const r of rows) assert.ok(!page.body.includes(r.recipient), 'no full token or endpoint');
    const second = await c.get(`/studio/push/${id}?seite=2`, s.reader.cookie);
    assert.match(second.body, /Seite 2 von 2/);
    assert.match(second.body, /MessageTooBig 0</);
    assert.equal((second.body.match(/<code>/g) ?? []).length, 6);
  });

  it('pages the list of messages, newest first', async () => {
    for (let i = 0; i < 21; i++) await stored({ title: `Alt ${i}`, status: 'done', send_at: new Date(Date.now() - (1000 + i) * 86_400_000) });
    const first = await c.get('/studio/push', s.editor.cookie);
    assert.match(first.body, /Seite 1 von \d/);
    assert.doesNotMatch(first.body, />Alt 20</);
    const last = await c.get('/studio/push?seite=2', s.editor.cookie);
    assert.match(last.body, />Alt 20</);
    assert.match(last.body, /<td>gesendet<\/td>/);
  });

  it('cancels a scheduled message once (POST with the token); a message on its way cannot be cancelled', async () => {
    const id = await stored({ title: 'Wird abgesagt' });
    assert.equal((await c.post(`/studio/push/${id}/abbrechen`, { _csrf: 'falsch' }, s.editor.cookie)).statusCode, 403);
    assert.equal((await c.post(`/studio/push/${id}/abbrechen`, { _csrf: s.reader.csrf }, s.reader.cookie)).statusCode, 403);
    const status = async (mid: number) => (await sys().selectFrom('push_messages').select('status').where('id', '=', mid).executeTakeFirstOrThrow()).status;
    assert.equal(await status(id), 'queued');

    const res = await c.post(`/studio/push/${id}/abbrechen`, { _csrf: s.editor.csrf }, s.editor.cookie);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/studio/push/${id}?abgebrochen=1`);
    assert.equal(await status(id), 'cancelled');
    const page = await c.get(String(res.headers.location), s.editor.cookie);
    assert.match(page.body, /wurde abgebrochen und wird nicht gesendet/);
    assert.match(page.body, /<dd>abgebrochen<\/dd>/);
    assert.doesNotMatch(page.body, /Mitteilung abbrechen/);
    assert.ok(await sys().selectFrom('audit_log').select('id').where('action', '=', 'studio:push.cancel').where('target_id', '=', String(id)).executeTakeFirst());

    const again = await c.post(`/studio/push/${id}/abbrechen`, { _csrf: s.editor.csrf }, s.editor.cookie);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /kann nicht mehr abgebrochen werden/);
    const sending = await stored({ title: 'Läuft schon', status: 'sending' });
    assert.equal((await c.post(`/studio/push/${sending}/abbrechen`, { _csrf: s.admin.csrf }, s.admin.cookie)).statusCode, 409);
    assert.equal(await status(sending), 'sending');
  });

  it('lets admins, editors and platform admins send, read-only accounts look, and refuses authors, moderators and visitors', async () => {
    const id = await stored({ title: 'Für die Rechteprüfung' });
    const valid = { title: 'Rechteprüfung', when: 'now' };
    for (const who of [s.admin, s.editor, s.platformAdmin]) {
      assert.equal((await c.get('/studio/push', who.cookie)).statusCode, 200);
      assert.equal((await c.get('/studio/push/neu', who.cookie)).statusCode, 200);
      assert.equal((await c.get(`/studio/push/${id}`, who.cookie)).statusCode, 200);
      assert.equal((await send(who, valid)).statusCode, 303);
      assert.match((await c.get('/studio', who.cookie)).body, /<a href="\/studio\/push">Push-Mitteilungen<\/a>/);
    }
    const list = await c.get('/studio/push', s.reader.cookie);
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /href="\/studio\/push\/neu"/, 'no offer to send');
    assert.match((await c.get('/studio', s.reader.cookie)).body, /href="\/studio\/push"/);
    assert.equal((await c.get(`/studio/push/${id}`, s.reader.cookie)).statusCode, 200);
    assert.equal((await c.get('/studio/push/neu', s.reader.cookie)).statusCode, 403);
    const before = await messageCount();
    assert.equal((await send(s.reader, valid)).statusCode, 403);
    for (const who of [s.author, s.moderator]) {
      for (const url of ['/studio/push', '/studio/push/neu', `/studio/push/${id}`]) {
        const res = await c.get(url, who.cookie);
        assert.equal(res.statusCode, 403, url);
        assert.match(res.body, /senden dürfen Administration und Redaktion/);
      }
      assert.equal((await send(who, valid)).statusCode, 403);
      assert.equal((await c.post(`/studio/push/${id}/abbrechen`, { _csrf: who.csrf }, who.cookie)).statusCode, 403);
      assert.doesNotMatch((await c.get('/studio', who.cookie)).body, /href="\/studio\/push"/);
    }
    assert.equal(await messageCount(), before);
    const visitor = await c.get('/studio/push/neu');
    assert.equal(visitor.statusCode, 303);
    assert.equal(visitor.headers.location, '/studio/anmelden?weiter=/studio/push/neu');
    assert.equal((await c.post('/studio/push/neu', valid)).statusCode, 303);
    const cancel = await c.post(`/studio/push/${id}/abbrechen`, {});
    assert.equal(cancel.headers.location, `/studio/anmelden?weiter=/studio/push/${id}`, 'back to the message after logging in');
    assert.equal(await messageCount(), before);
  });

  it("keeps municipalities apart: another tenant's message is 404, and without the push module there are no pages", async () => {
    const id = await stored({ title: 'Nur in Bad Belzig' });
    const wb = (url: string) => c.get(url, s.wbAdmin.cookie, WB);
    assert.equal((await wb(`/studio/push/${id}`)).statusCode, 404);
    assert.doesNotMatch((await wb('/studio/push')).body, /Nur in Bad Belzig/);
    assert.equal((await c.post(`/studio/push/${id}/abbrechen`, { _csrf: s.wbAdmin.csrf }, s.wbAdmin.cookie, {}, WB)).statusCode, 404);
    assert.equal((await sys().selectFrom('push_messages').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'queued');
    assert.equal((await c.get('/studio/push/abc', s.admin.cookie)).statusCode, 404);
    // A path the API stored that would leave the site is shown, not linked.
    const odd = await stored({ title: 'Seltsamer Pfad', source: 'api', url: '//elsewhere.example/x' });
    const oddPage = await c.get(`/studio/push/${odd}`, s.admin.cookie);
    assert.match(oddPage.body, /<dd>\/\/elsewhere\.example\/x<\/dd>/);
    assert.doesNotMatch(oddPage.body, /href="\/\/elsewhere/);

    const host = `${NO_PUSH}.localhost`;
    assert.equal((await c.get('/studio/push', s.noPushAdmin.cookie, host)).statusCode, 404);
    const start = await c.get('/studio', s.noPushAdmin.cookie, host);
    assert.equal(start.statusCode, 200);
    assert.doesNotMatch(start.body, /href="\/studio\/push"/);
    assert.match(start.body, /href="\/studio\/konten"/, 'the rest of the navigation is there');
  });
});
