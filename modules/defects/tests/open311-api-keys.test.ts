import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import { studioAccount } from '../../push/tests/studio-accounts.ts';
import { studioClient } from '../../studio/tests/studio-client.ts';

const PAGE = '/studio/open311-schluessel';
const PASSWORD = 'open311-schluessel-passwort';
const POST_URL = '/open311/v2/requests.json';

describe('Open311 API keys in the studio', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let admin: { cookie: string; csrf: string };
  let editor: { cookie: string; csrf: string };
  let wbAdmin: { cookie: string; csrf: string };

  const file = (apiKey: string, host = BB) =>
    p.http.inject({ method: 'POST', url: POST_URL, headers: { host, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ api_key: apiKey, service_code: 'spielplatz', lat: '52.1417', long: '12.59266' }).toString() });
  const shownKey = (html: string) => /<dd class="secret">(o311_[A-Za-z0-9_-]+)<\/dd>/.exec(html)?.[1];

  before(async () => {
    p = await startTestPlatform();
    c = studioClient(p, BB);
    const hash = await hashPassword(PASSWORD);
    admin = await c.session(await studioAccount(p, 'bad-belzig', 'admin', hash), PASSWORD);
    editor = await c.session(await studioAccount(p, 'bad-belzig', 'editor', hash), PASSWORD);
    wbAdmin = await c.session(await studioAccount(p, 'wiesenburg', 'admin', hash), PASSWORD, WB);
  });
  after(() => p.close());

  it('lets an admin issue a key, shown once, that files reports; the list never shows it again', async () => {
    const created = await c.post(PAGE, { _csrf: admin.csrf, aktion: 'anlegen', name: 'Bürger-App Fläming' }, admin.cookie);
    assert.equal(created.statusCode, 200);
    const key = shownKey(created.body);
    assert.ok(key, 'the key is shown after creating it');
    const list = await c.get(PAGE, admin.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Bürger-App Fläming/);
    assert.ok(!list.body.includes(key), 'not shown again');
    assert.match(list.body, /href="\/studio\/open311-schluessel"/, 'named in the studio navigation');

    const res = await file(key);
    assert.equal(res.statusCode, 201, res.body);
    assert.ok(res.json()[0].service_request_id);
    assert.match(list.body, /Bürger-App Fläming<\/th><td>[^<]+<\/td><td>noch nie<\/td>/, 'unused before');
    assert.doesNotMatch((await c.get(PAGE, admin.cookie)).body, /Bürger-App Fläming<\/th><td>[^<]+<\/td><td>noch nie<\/td>/, 'last use noted');
    assert.equal((await file(key, WB)).statusCode, 403, 'the key is Bad Belzig’s only');

    const audit = await p.database.system.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'studio:defects.api_key.issue').execute();
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes(key), 'the key is not in the audit log');
  });

  it('revokes a key: the app is refused from then on', async () => {
    const created = await c.post(PAGE, { _csrf: admin.csrf, aktion: 'anlegen', name: 'Alte App' }, admin.cookie);
    const key = shownKey(created.body)!;
    assert.equal((await file(key)).statusCode, 201);
    const row = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('defect_api_keys').select('id').where('name', '=', 'Alte App').executeTakeFirstOrThrow();
    const revoked = await c.post(PAGE, { _csrf: admin.csrf, aktion: 'widerrufen', schluessel: String(row.id) }, admin.cookie);
    assert.equal(revoked.statusCode, 200);
    assert.match(revoked.body, /ist widerrufen/);
    const refused = await file(key);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.json()[0].description, /api_key/);
    assert.equal((await c.post(PAGE, { _csrf: admin.csrf, aktion: 'widerrufen', schluessel: String(row.id) }, admin.cookie)).statusCode, 404, 'twice: nothing to revoke');
    assert.ok(await p.database.system.selectFrom('audit_log').select('id').where('action', '=', 'studio:defects.api_key.revoke').where('target_id', '=', String(row.id)).executeTakeFirst());
  });

  it('keeps other roles, other municipalities and forged forms out', async () => {
    assert.equal((await c.get(PAGE, editor.cookie)).statusCode, 403);
    assert.equal((await c.post(PAGE, { _csrf: editor.csrf, aktion: 'anlegen', name: 'Heimlich' }, editor.cookie)).statusCode, 403);
    assert.ok(!(await c.get('/studio', editor.cookie)).body.includes(PAGE), 'not in an editor’s navigation');
    assert.equal((await c.get(PAGE)).statusCode, 303, 'login first');
    assert.equal((await c.post(PAGE, { _csrf: 'falsch', aktion: 'anlegen', name: 'Gefälscht' }, admin.cookie)).statusCode, 403);
    assert.equal((await c.post(PAGE, { _csrf: admin.csrf, aktion: 'anlegen', name: '' }, admin.cookie)).statusCode, 400);
    const bbKey = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('defect_api_keys').select('id').executeTakeFirstOrThrow();
    const other = await c.post(PAGE, { _csrf: wbAdmin.csrf, aktion: 'widerrufen', schluessel: String(bbKey.id) }, wbAdmin.cookie, {}, WB);
    assert.equal(other.statusCode, 404, 'Wiesenburg cannot revoke Bad Belzig’s key');
    assert.ok(!(await c.get(PAGE, wbAdmin.cookie, WB)).body.includes('Bürger-App Fläming'));
    const names = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('defect_api_keys').select('name').execute();
    assert.ok(!names.some((n) => ['Heimlich', 'Gefälscht'].includes(n.name)), 'nothing written');
  });
});
