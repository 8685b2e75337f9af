import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { ensureAccount } from '../../../core/auth/credentials.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { totpCode } from '../../../core/auth/totp.ts';
import { studioClient } from './studio-client.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';

describe('studio audit log (/studio/protokoll)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const entries = (slug: string, filter: Parameters<typeof listAudit>[1] = {}) => listAudit(p.database.forTenant(p.tenants.get(slug)!.id), filter);
  const session = (email: string, password: string, host = BB) => c.session(email, password, host);
  const gql = (cookie: string, headers: Record<string, string>, query: string) =>
    p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, cookie, 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ query }) });

  it('records logins, failed attempts and logouts with the address', async () => {
    assert.equal((await c.login('lesen@bad-belzig.demo', 'falsch-falsch')).res.statusCode, 401);
    const lea = await session('lesen@bad-belzig.demo', 'demo-studio-readonly');
    assert.equal((await c.post('/studio/abmelden', { _csrf: lea.csrf }, lea.cookie)).statusCode, 303);
    const [failed] = await entries('bad-belzig', { action: 'studio:login.failed' });
    assert.equal(failed.actor, 'lesen@bad-belzig.demo');
    assert.equal(failed.accountId, null);
    assert.deepEqual(failed.detail, { reason: 'invalid' });
    const [logout, ok] = await entries('bad-belzig', { action: 'studio:log', actor: 'lesen@' });
    assert.equal(logout.action, 'studio:logout', 'newest first: the logout after the login');
    assert.equal(ok.action, 'studio:login');
    assert.ok(ok.accountId && ok.accountId > 0);
    assert.equal(ok.ip, '127.0.0.1');
  });

  it('records a session’s GraphQL write under its account, and needs the CSRF token for it', async () => {
    const editor = await session('editor@bad-belzig.demo', 'demo-studio-editor');
    const query = 'mutation { createNewsItem(title: "Aus dem Studio", externalId: "studio-audit-1", categoryName: "Aus dem Rathaus") { id } }';
    const noCsrf = (await gql(editor.cookie, {}, query)).json();
    assert.equal(noCsrf.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal((await entries('bad-belzig', { action: 'createNewsItem' })).length, 0, 'a refused write leaves no entry');
    const ok = (await gql(editor.cookie, { 'x-csrf-token': editor.csrf }, query)).json();
    assert.ok(ok.data?.createNewsItem?.id, JSON.stringify(ok.errors));
    const [entry] = await entries('bad-belzig', { action: 'createNewsItem' });
    assert.equal(entry.actor, 'editor@bad-belzig.demo');
    assert.ok(entry.accountId);
    assert.equal(entry.targetId, String(ok.data.createNewsItem.id));
  });

  it('records account changes, two-factor changes and password resets', async () => {
    const admin = await session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const invited = await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'einladen', email: 'neu@bad-belzig.demo', name: 'Nora Neu', rolle: 'editor', anbieter: '' }, admin.cookie);
    assert.equal(invited.statusCode, 200);
    const [invite] = await entries('bad-belzig', { action: 'account.invite' });
    assert.equal(invite.actor, 'redaktion@bad-belzig.demo');
    assert.equal(invite.targetType, 'account');
    assert.deepEqual(invite.detail, { email: 'neu@bad-belzig.demo', role: 'editor', dataProviderId: null });
    const konten = (await c.get('/studio/konten', admin.cookie)).body;
    const noraId = /name="konto" value="(\d+)"/.exec(konten.split('<tr>').find((r) => r.includes('neu@bad-belzig.demo')) ?? '')?.[1];
    await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'aendern', konto: noraId!, rolle: 'read_only', anbieter: '' }, admin.cookie);
    await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'entfernen', konto: noraId! }, admin.cookie);
    assert.deepEqual((await entries('bad-belzig', { action: 'studio:account.' })).map((e) => [e.action, e.targetId]), [
      ['studio:account.remove', noraId],
      ['studio:account.role', noraId],
      ['studio:account.invite', noraId],
    ]);

    const forgot = await c.submit('/studio/passwort-vergessen', '/studio/passwort-vergessen', { email: 'moderation@bad-belzig.demo' });
    assert.equal(forgot.statusCode, 200);
    const token = /passwort-neu\?token=([A-Za-z0-9_-]+)/.exec((await c.get('/studio/postfach')).body)?.[1];
    const set = await c.submit(`/studio/passwort-neu?token=${token}`, '/studio/passwort-neu', { token: token!, password: 'neues-passwort-max', repeat: 'neues-passwort-max' });
    assert.equal(set.statusCode, 303);
    assert.deepEqual((await entries('bad-belzig', { action: 'password' })).map((e) => [e.action, e.actor]), [
      ['studio:password.reset', 'moderation@bad-belzig.demo'],
      ['studio:password.reset-requested', 'moderation@bad-belzig.demo'],
    ]);

    const setup = await c.post('/studio/zwei-faktor', { _csrf: admin.csrf, aktion: 'einrichten' }, admin.cookie);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '');
    const wrong = await c.post('/studio/zwei-faktor', { _csrf: admin.csrf, aktion: 'bestaetigen', code: '000000' }, admin.cookie);
    assert.equal(wrong.statusCode, 400);
    assert.equal((await entries('bad-belzig', { action: 'totp' })).length, 0, 'a wrong code changes nothing and is not recorded');
    assert.equal((await c.post('/studio/zwei-faktor', { _csrf: admin.csrf, aktion: 'bestaetigen', code: totpCode(secret!) }, admin.cookie)).statusCode, 200);
    assert.equal((await c.post('/studio/zwei-faktor', { _csrf: admin.csrf, aktion: 'ausschalten', code: totpCode(secret!) }, admin.cookie)).statusCode, 200);
    assert.deepEqual((await entries('bad-belzig', { action: 'totp' })).map((e) => [e.action, e.actor]), [
      ['studio:totp.disabled', 'redaktion@bad-belzig.demo'],
      ['studio:totp.enabled', 'redaktion@bad-belzig.demo'],
    ]);
  });

  it('shows the log to admins only, filtered and paged; others get 403', async () => {
    assert.equal((await c.get('/studio/protokoll')).statusCode, 303);
    const editor = await session('editor@bad-belzig.demo', 'demo-studio-editor');
    const refused = await c.get('/studio/protokoll', editor.cookie);
    assert.equal(refused.statusCode, 403);
    assert.ok(!refused.body.includes('studio:login'));

    const admin = await session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const dashboard = (await c.get('/studio', admin.cookie)).body;
    assert.match(dashboard, /href="\/studio\/protokoll"/);
    assert.doesNotMatch((await c.get('/studio', editor.cookie)).body, /href="\/studio\/protokoll"/);
    const page = await c.get('/studio/protokoll', admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Fehlgeschlagene Anmeldung/);
    assert.match(page.body, /graphql:createNewsItem/);
    assert.match(page.body, /127\.0\.0\.1/);

    const filtered = (await c.get('/studio/protokoll?wer=editor%40&aktion=createNews', admin.cookie)).body;
    assert.match(filtered, /graphql:createNewsItem/);
    assert.doesNotMatch(filtered, /studio:login/);
    assert.match((await c.get('/studio/protokoll?von=2000-01-01&bis=2000-01-31', admin.cookie)).body, /Keine Einträge/);
    const today = berlinDate(new Date());
    assert.match((await c.get(`/studio/protokoll?von=${today}&bis=${today}`, admin.cookie)).body, /studio:login/);
    assert.equal((await c.get('/studio/protokoll?von=kaputt&seite=-3&wer=' + 'x'.repeat(500), admin.cookie)).statusCode, 200, 'bad filters are ignored');

    const bb = p.tenants.get('bad-belzig')!.id;
    await p.database.system
      .insertInto('audit_log')
      .values(Array.from({ length: 60 }, (_, i) => ({ tenant_id: bb, actor: 'paging@test', action: 'test:paging', at: new Date(Date.now() - (i + 1) * 1000) })))
      .execute();
    const first = (await c.get('/studio/protokoll?aktion=test%3Apaging', admin.cookie)).body;
    assert.equal(first.split('test:paging</code>').length - 1, 50);
    const older = /href="([^"]*seite=2[^"]*)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(older, 'link to older entries');
    const second = (await c.get(older!, admin.cookie)).body;
    assert.equal(second.split('test:paging</code>').length - 1, 10);
    assert.match(second, /Neuere Einträge/);
    assert.doesNotMatch(second, /Ältere Einträge/);
  });

  it('keeps municipalities apart and lets platform admins in', async () => {
    const wb = await session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    const page = await c.get('/studio/protokoll', wb.cookie, WB);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /redaktion@wiesenburg.demo/);
    assert.doesNotMatch(page.body, /bad-belzig/);
    assert.ok((await entries('wiesenburg')).every((e) => !e.actor.includes('bad-belzig')));

    const id = await ensureAccount(p.database.system, { email: 'plattform@dorfplatz.test', name: 'Plattform', platformAdmin: true });
    await p.database.system.updateTable('accounts').set({ password_hash: await hashPassword('plattform-passwort') }).where('id', '=', id).execute();
    const platform = await session('plattform@dorfplatz.test', 'plattform-passwort', WB);
    assert.equal((await c.get('/studio/protokoll', platform.cookie, WB)).statusCode, 200);
  });
});
