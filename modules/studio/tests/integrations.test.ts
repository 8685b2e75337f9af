import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { studioClient } from './studio-client.ts';

describe('studio integrations (/studio/integrationen)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const session = (email: string, password: string, host = BB) => c.session(email, password, host);
  const tokenFor = (clientId: string, clientSecret: string, host = BB) =>
    p.http.inject({ method: 'POST', url: '/oauth/token', headers: { host, 'content-type': 'application/json' }, payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
  const createNews = (token: string, externalId: string) =>
    p.gql(BB, `mutation { createNewsItem(title: "Import", externalId: "${externalId}", categoryName: "Aus dem Rathaus") { id dataProvider { name } } }`, {}, token);
  const credentials = (html: string) => [...html.matchAll(/<dd class="secret">([^<]+)<\/dd>/g)].map((m) => m[1]);
  const create = (admin: { cookie: string; csrf: string }, fields: Record<string, string>) => c.post('/studio/integrationen', { _csrf: admin.csrf, aktion: 'anlegen', ...fields }, admin.cookie);

  it('is for admins only: others get 403, also when posting', async () => {
    assert.equal((await c.get('/studio/integrationen')).statusCode, 303);
    const editor = await session('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal((await c.get('/studio/integrationen', editor.cookie)).statusCode, 403);
    assert.equal((await create(editor, { name: 'Hintertür', rolle: 'admin', anbieter: '' })).statusCode, 403);
    assert.doesNotMatch((await c.get('/studio', editor.cookie)).body, /href="\/studio\/integrationen"/);
  });

  it('lists the demo clients, creates one whose secret is shown once and which acts in its own role', async () => {
    const admin = await session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.match((await c.get('/studio', admin.cookie)).body, /href="\/studio\/integrationen"/);
    const list = await c.get('/studio/integrationen', admin.cookie);
    assert.equal(list.statusCode, 200);
    for (const id of ['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer']) assert.ok(list.body.includes(id), id);
    assert.ok(!list.body.includes('wiesenburg-app'));
    const provider = /<option value="(\d+)">Stadtverwaltung/.exec(list.body)?.[1];
    assert.ok(provider);

    assert.equal((await create(admin, { name: '', rolle: 'editor', anbieter: '' })).statusCode, 400);
    assert.equal((await create(admin, { name: 'X', rolle: 'moderator', anbieter: '' })).statusCode, 400, 'moderation is no API role');
    const noProvider = await create(admin, { name: 'XML-Import', rolle: 'data_provider', anbieter: '' });
    assert.equal(noProvider.statusCode, 400);
    assert.match(noProvider.body, /Datenanbieter dieser Kommune/);
    assert.equal((await c.post('/studio/integrationen', { _csrf: 'x'.repeat(43), aktion: 'anlegen', name: 'X', rolle: 'editor' }, admin.cookie)).statusCode, 403, 'CSRF token required');
    assert.equal((await c.post('/studio/integrationen', { _csrf: admin.csrf, aktion: 'anlegen', name: 'X', rolle: 'editor' }, admin.cookie, { origin: 'https://evil.example' })).statusCode, 403);

    const created = await create(admin, { name: 'XML-Import', rolle: 'data_provider', anbieter: provider! });
    assert.equal(created.statusCode, 200);
    assert.equal(created.headers['cache-control'], 'no-store');
    const [clientId, secret] = credentials(created.body);
    assert.ok(clientId && secret && secret.length >= 40, 'client id and secret shown');
    const again = (await c.get('/studio/integrationen', admin.cookie)).body;
    assert.ok(again.includes(clientId!), 'listed');
    assert.ok(!again.includes(secret!), 'the secret is never shown again');
    const stored = await p.database.system.selectFrom('oauth_applications').select('secret_hash').where('uid', '=', clientId!).executeTakeFirstOrThrow();
    assert.notEqual(stored.secret_hash, secret, 'only a hash is stored');

    const token = (await tokenFor(clientId!, secret!)).json().access_token;
    const news = await createNews(token, 'xml-1');
    assert.equal(news.body.data.createNewsItem.dataProvider.name, 'Stadtverwaltung Bad Belzig', 'writes as its data provider');
    const [entry] = await listAudit(p.database.forTenant(p.tenants.get('bad-belzig')!.id), { action: 'createNewsItem' });
    assert.equal(entry.actor, 'XML-Import');

    const reader = credentials((await create(admin, { name: 'Statistik', rolle: 'read_only', anbieter: '' })).body);
    const readToken = (await tokenFor(reader[0]!, reader[1]!)).json().access_token;
    assert.equal((await createNews(readToken, 'stat-1')).body.errors?.[0]?.extensions?.code, 'FORBIDDEN', 'read-only cannot write');
  });

  it('revokes a client: its issued token is refused at once, no new ones are issued', async () => {
    const admin = await session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const [clientId, secret] = credentials((await create(admin, { name: 'Kurzlebig', rolle: 'editor', anbieter: '' })).body);
    const token = (await tokenFor(clientId!, secret!)).json().access_token;
    assert.ok((await createNews(token, 'kurz-1')).body.data?.createNewsItem, 'works before');

    const page = (await c.get('/studio/integrationen', admin.cookie)).body;
    const row = page.split('<tr>').find((r) => r.includes(clientId!))!;
    const appId = /name="anwendung" value="(\d+)"/.exec(row)?.[1];
    assert.ok(appId);

    const wb = await session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    assert.equal((await c.post('/studio/integrationen', { _csrf: wb.csrf, aktion: 'widerrufen', anwendung: appId! }, wb.cookie, {}, WB)).statusCode, 404, 'not from another municipality');
    assert.equal((await c.post('/studio/integrationen', { _csrf: 'falsch', aktion: 'widerrufen', anwendung: appId! }, admin.cookie)).statusCode, 403);
    assert.ok((await createNews(token, 'kurz-2')).body.data?.createNewsItem, 'still works');

    const revoked = await c.post('/studio/integrationen', { _csrf: admin.csrf, aktion: 'widerrufen', anwendung: appId! }, admin.cookie);
    assert.equal(revoked.statusCode, 200);
    assert.match(revoked.body, /Kurzlebig“ ist widerrufen/);
    const refused = await createNews(token, 'kurz-3');
    assert.equal(refused.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', 'the issued token is refused at once');
    assert.equal((await tokenFor(clientId!, secret!)).statusCode, 401);
    assert.equal((await c.post('/studio/integrationen', { _csrf: admin.csrf, aktion: 'widerrufen', anwendung: appId! }, admin.cookie)).statusCode, 404, 'revoked already');

    const log = await listAudit(p.database.forTenant(p.tenants.get('bad-belzig')!.id), { action: 'integration' });
    assert.deepEqual(log.slice(0, 2).map((e) => [e.action, e.actor, e.targetId]), [
      ['studio:integration.revoke', 'redaktion@bad-belzig.demo', appId],
      ['studio:integration.create', 'redaktion@bad-belzig.demo', appId],
    ]);
    assert.ok(log.every((e) => !JSON.stringify(e.detail).includes(secret!)), 'no secret in the log');
  });
});
