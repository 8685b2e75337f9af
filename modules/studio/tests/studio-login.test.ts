import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { cookieOf, hiddenField, setCookieLine, studioClient } from './studio-client.ts';

const hiddenCsrf = (html: string) => hiddenField(html);

describe('studio login, sessions and CSRF', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform({ seed: true });
  });
  after(() => p?.close());

  const client = () => studioClient(p, BB);
  const get: ReturnType<typeof client>['get'] = (...a) => client().get(...a);
  const post: ReturnType<typeof client>['post'] = (...a) => client().post(...a);
  const login: ReturnType<typeof client>['login'] = (...a) => client().login(...a);

  it('sends visitors without a session to the login page and logs in with the demo editor', async () => {
    const start = await get('/studio');
    assert.equal(start.statusCode, 303);
    assert.equal(start.headers.location, '/studio/anmelden?weiter=/studio');
    const wrong = await login('editor@bad-belzig.demo', 'falsches-passwort');
    assert.equal(wrong.res.statusCode, 401);
    assert.match(wrong.res.body, /E-Mail-Adresse oder Passwort ist falsch/);
    assert.equal(wrong.session, null);
    const ok = await login('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal(ok.res.statusCode, 303);
    assert.equal(ok.res.headers.location, '/studio');
    assert.match(setCookieLine(ok.res, 'dp_session')!, /HttpOnly/);
    assert.match(setCookieLine(ok.res, 'dp_session')!, /SameSite=Lax/);
    const dash = await get('/studio', `dp_session=${ok.session}`);
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /Willkommen, Erika Editor/);
    assert.match(dash.body, /Rolle „Redaktion“/);
    assert.match(dash.headers['content-security-policy'], /script-src 'none'/);
  });

  it('refuses a login form without the matching CSRF cookie or from another origin', async () => {
    const page = await get('/studio/anmelden');
    const token = hiddenCsrf(page.body);
    const noCookie = await post('/studio/anmelden', { email: 'editor@bad-belzig.demo', password: 'demo-studio-editor', _csrf: token });
    assert.equal(noCookie.statusCode, 403);
    assert.equal(cookieOf(noCookie, 'dp_session'), null);
    const foreign = await post('/studio/anmelden', { email: 'editor@bad-belzig.demo', password: 'demo-studio-editor', _csrf: token }, `dp_login_csrf=${cookieOf(page, 'dp_login_csrf')}`, { origin: 'https://evil.example' });
    assert.equal(foreign.statusCode, 403);
    assert.equal(cookieOf(foreign, 'dp_session'), null);
    const empty = await post('/studio/anmelden', {}, `dp_login_csrf=${cookieOf(page, 'dp_login_csrf')}`);
    assert.equal(empty.statusCode, 400);
  });

  it('never adopts a session id chosen before login (session fixation)', async () => {
    const planted = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const { res, session } = await login('redaktion@bad-belzig.demo', 'demo-studio-admin', { extraCookie: `dp_session=${planted}` });
    assert.equal(res.statusCode, 303);
    assert.ok(session && session !== planted);
    assert.equal((await get('/studio', `dp_session=${planted}`)).statusCode, 303);
    assert.equal((await get('/studio', `dp_session=${session}`)).statusCode, 200);
  });

  it('locks an account for a while after five failed attempts, even for the right password', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login('lesen@bad-belzig.demo', `falsch-${i}`)).res.statusCode, 401);
    const locked = await login('lesen@bad-belzig.demo', 'falsch-5');
    assert.equal(locked.res.statusCode, 429);
    assert.match(locked.res.body, /Zu viele Fehlversuche/);
    assert.ok(Number(locked.res.headers['retry-after']) > 0);
    const right = await login('lesen@bad-belzig.demo', 'demo-studio-readonly');
    assert.equal(right.res.statusCode, 429);
    assert.equal(right.session, null);
  });

  it('binds a session to its municipality', async () => {
    const { session } = await login('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.equal((await get('/studio', `dp_session=${session}`, WB)).statusCode, 303);
    const wrongTenant = await login('redaktion@bad-belzig.demo', 'demo-studio-admin', { host: WB });
    // The right password, but no role in Wiesenburg: no session there.
    assert.equal(wrongTenant.res.statusCode, 403);
    assert.equal(wrongTenant.session, null);
    assert.match(wrongTenant.res.body, /keinen Zugang/);
  });

  it('lets the session write through GraphQL only with its CSRF token, within its role', async () => {
    const editor = (await login('editor@bad-belzig.demo', 'demo-studio-editor')).session!;
    const dash = await get('/studio', `dp_session=${editor}`);
    const csrf = hiddenCsrf(dash.body);
    const mutation = JSON.stringify({ query: 'mutation { createNewsItem(title: "Aus dem Studio", contentBlocks: [{ title: "Aus dem Studio", body: "<p>Text</p>" }]) { id title } }' });
    const gql = (cookie: string, headers: Record<string, string> = {}) =>
      p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, cookie, 'content-type': 'application/json', ...headers }, payload: mutation });
    const noToken = (await gql(`dp_session=${editor}`)).json();
    assert.equal(noToken.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.match(noToken.errors[0].message, /CSRF/);
    const withToken = (await gql(`dp_session=${editor}`, { 'x-csrf-token': csrf })).json();
    assert.equal(withToken.data?.createNewsItem?.title, 'Aus dem Studio');

    const moderator = (await login('moderation@bad-belzig.demo', 'demo-studio-moderator')).session!;
    const modCsrf = hiddenCsrf((await get('/studio', `dp_session=${moderator}`)).body);
    const refused = (await gql(`dp_session=${moderator}`, { 'x-csrf-token': modCsrf })).json();
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('ends the session on logout', async () => {
    const session = (await login('redaktion@bad-belzig.demo', 'demo-studio-admin')).session!;
    const csrf = hiddenCsrf((await get('/studio', `dp_session=${session}`)).body);
    assert.equal((await post('/studio/abmelden', { _csrf: 'falsch' }, `dp_session=${session}`)).statusCode, 403);
    assert.equal((await get('/studio', `dp_session=${session}`)).statusCode, 200);
    const out = await post('/studio/abmelden', { _csrf: csrf }, `dp_session=${session}`);
    assert.equal(out.statusCode, 303);
    assert.equal((await get('/studio', `dp_session=${session}`)).statusCode, 303);
  });
});
