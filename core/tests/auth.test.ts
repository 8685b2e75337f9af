import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret } from '../auth/secrets.ts';
import { BB, WB, demoSecret, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

const CREATE = `mutation($title: String, $externalId: String) { createNewsItem(title: $title, externalId: $externalId, contentBlocks: [{title: "t", body: "<p>b</p>"}]) { id title } }`;

describe('OAuth client credentials and roles', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform()));
  after(() => p.close());

  const tokenRequest = (host: string, payload: string, contentType = 'application/json', headers: Record<string, string> = {}) =>
    p.http.inject({ method: 'POST', url: '/oauth/token', headers: { host, 'content-type': contentType, ...headers }, payload });

  it('issues a 24 h bearer token for JSON credentials, in the mainserver shape', async () => {
    const res = await tokenRequest(BB, JSON.stringify({ grant_type: 'client_credentials', client_id: 'bad-belzig-app', client_secret: demoSecret('bad-belzig-app') }));
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 86400);
    assert.ok(Math.abs(body.created_at - Date.now() / 1000) < 60);
    assert.match(body.access_token, /^[A-Za-z0-9_-]{40,}$/);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('accepts form bodies and HTTP Basic client authentication', async () => {
    const form = await tokenRequest(BB, `grant_type=client_credentials&client_id=bad-belzig-app&client_secret=${demoSecret('bad-belzig-app')}`, 'application/x-www-form-urlencoded');
    assert.equal(form.statusCode, 200);
    const basic = await tokenRequest(BB, 'grant_type=client_credentials', 'application/x-www-form-urlencoded', {
      authorization: `Basic ${Buffer.from(`bad-belzig-app:${demoSecret('bad-belzig-app')}`).toString('base64')}`,
    });
    assert.equal(basic.statusCode, 200);
  });

  it('refuses wrong secrets, other grants and another municipality\'s client with OAuth errors', async () => {
    const wrong = await tokenRequest(BB, JSON.stringify({ grant_type: 'client_credentials', client_id: 'bad-belzig-app', client_secret: 'nope' }));
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error, 'invalid_client');
    const grant = await tokenRequest(BB, JSON.stringify({ grant_type: 'password', client_id: 'bad-belzig-app', client_secret: 'x' }));
    assert.equal(grant.statusCode, 400);
    assert.equal(grant.json().error, 'unsupported_grant_type');
    const otherTenant = await tokenRequest(WB, JSON.stringify({ grant_type: 'client_credentials', client_id: 'bad-belzig-app', client_secret: demoSecret('bad-belzig-app') }));
    assert.equal(otherTenant.statusCode, 401);
    const missing = await tokenRequest(BB, JSON.stringify({ grant_type: 'client_credentials' }));
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error, 'invalid_request');
  });

  it('stores only hashes of secrets and tokens', async () => {
    const token = await p.token('bad-belzig-admin');
    const tokens = await p.database.system.selectFrom('oauth_access_tokens').select('token_hash').execute();
    assert.ok(tokens.every((t) => t.token_hash !== token && /^[0-9a-f]{64}$/.test(t.token_hash)));
    const apps = await p.database.system.selectFrom('oauth_applications').select('secret_hash').execute();
    assert.ok(apps.every((a) => a.secret_hash !== demoSecret('bad-belzig-admin')));
  });

  it('reads published content without a token', async () => {
    const res = await p.gql(BB, '{ newsItems(limit: 2) { id } }');
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.newsItems.length, 2);
  });

  it('refuses writes without, with an invalid or with an expired token, saying why', async () => {
    const none = await p.gql(BB, CREATE, { title: 'x' });
    assert.equal(none.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    const bad = await p.gql(BB, CREATE, { title: 'x' }, 'not-a-token');
    assert.equal(bad.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.match(bad.body.errors[0].message, /not valid/);

    const token = await p.token('bad-belzig-admin'); // fresh: never verified, so not remembered yet
    await p.database.system.updateTable('oauth_access_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashSecret(token)).execute();
    const expired = await p.gql(BB, CREATE, { title: 'x' }, token);
    assert.equal(expired.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.match(expired.body.errors[0].message, /expired/);
    const rows = await p.database.system.selectFrom('news_items').where('title', '=', 'x').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  it('refuses a token of municipality A on municipality B', async () => {
    const token = await p.token('bad-belzig-admin');
    const res = await p.gql(WB, CREATE, { title: 'cross-tenant' }, token);
    assert.equal(res.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.match(res.body.errors[0].message, /another municipality/);
    const rows = await p.database.system.selectFrom('news_items').where('title', '=', 'cross-tenant').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  it('lets admins and data providers write but not app or read-only tokens', async () => {
    const app = await p.gql(BB, CREATE, { title: 'by app' }, await p.token('bad-belzig-app'));
    assert.equal(app.body.errors[0].message, 'Access not permitted!');
    assert.equal(app.body.errors[0].extensions.code, 'FORBIDDEN');
    const admin = await p.gql(BB, CREATE, { title: 'by admin' }, await p.token('bad-belzig-admin'));
    assert.equal(admin.body.data.createNewsItem.title, 'by admin');
    const importer = await p.gql(BB, CREATE, { title: 'by importer' }, await p.token('bad-belzig-importer'));
    assert.equal(importer.body.data.createNewsItem.title, 'by importer');
  });
});
