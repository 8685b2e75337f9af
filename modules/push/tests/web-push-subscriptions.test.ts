import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { vapidKeys } from '../vapid-keys.ts';
import { endpointProblem } from '../web-push-input.ts';
import { FixedWindowLimiter } from '../rate-limit.ts';
import { SUBSCRIPTION_WRITES_PER_MINUTE } from '../web-push-routes.ts';
import { startPushFixture } from './push-fixture.ts';

/** A browser's PushSubscription.toJSON(), with real keys. */
function browserSubscription(endpoint = `http://127.0.0.1:9/push/${randomBytes(8).toString('hex')}`) {
  const ecdh = createECDH('prime256v1');
  return { endpoint, expirationTime: null, keys: { p256dh: ecdh.generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') } };
}

let address = 0;
/** Each test writes from its own client address, so the per-address limit only bites where it is tested. */
const nextAddress = () => `10.0.${Math.floor(++address / 250)}.${address % 250}`;

describe('Web Push subscriptions (/push/…)', () => {
  let p: TestPlatform;
  let categoryIds: number[];

  before(async () => {
    ({ p, categoryIds } = await startPushFixture());
  });
  after(() => p.close());

  const send = (method: 'POST' | 'PUT' | 'DELETE', body: unknown, opts: { host?: string; from?: string } = {}) =>
    p.http.inject({ method, url: '/push/subscriptions', headers: { host: opts.host ?? BB, 'content-type': 'application/json' }, payload: typeof body === 'string' ? body : JSON.stringify(body), remoteAddress: opts.from ?? nextAddress() });
  const stored = (slug: string, endpoint: string) =>
    p.database.forTenant(p.tenants.get(slug)!.id).selectFrom('push_web_subscriptions').selectAll().where('endpoint', '=', endpoint).execute();

  it("serves the deployment's VAPID public key: an uncompressed P-256 point, the same on every host", async () => {
    const res = await p.http.inject({ url: '/push/vapid-public-key', headers: { host: BB } });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /max-age=3600/);
    const { publicKey } = res.json();
    const point = Buffer.from(publicKey, 'base64url');
    assert.equal(point.length, 65);
    assert.equal(point[0], 4);
    assert.equal(publicKey, (await vapidKeys(p.database.system)).publicKey);
    assert.equal((await p.http.inject({ url: '/push/vapid-public-key', headers: { host: WB } })).json().publicKey, publicKey);
    assert.ok(!('privateKey' in res.json()));
  });

  it('subscribes with 201, then answers 200 to the same subscription and stores the new choices (one row)', async () => {
    const sub = browserSubscription();
    const first = await send('POST', { ...sub, categoryIds: [categoryIds[0]], language: 'en' });
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(first.json(), { subscription: { endpoint: sub.endpoint, categoryIds: [categoryIds[0]], language: 'en' } });
    const again = await send('POST', { ...sub, categoryIds });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json().subscription.categoryIds, categoryIds);
    assert.equal(again.json().subscription.language, 'de', 'the default when none is sent');
    const [row, ...more] = await stored('bad-belzig', sub.endpoint);
    assert.equal(more.length, 0);
    assert.equal(row!.p256dh, sub.keys.p256dh);
    assert.equal(row!.auth, sub.keys.auth);
    assert.deepEqual(row!.category_ids, categoryIds);
    assert.equal(row!.last_success_at, null);
  });

  it('refuses the same endpoint with other keys (409) and keeps the first keys', async () => {
    const sub = browserSubscription();
    assert.equal((await send('POST', sub)).statusCode, 201);
    const thief = { ...browserSubscription(sub.endpoint), categoryIds };
    const res = await send('POST', thief);
    assert.equal(res.statusCode, 409);
    const [row] = await stored('bad-belzig', sub.endpoint);
    assert.equal(row!.auth, sub.keys.auth);
    assert.deepEqual(row!.category_ids, []);
  });

  it('refuses bad subscriptions with 422 naming the field, and stores nothing', async () => {
    const good = browserSubscription();
    const notOnCurve = Buffer.from(good.keys.p256dh, 'base64url');
    notOnCurve[64]! ^= 1;
    const cases: [unknown, RegExp][] = [
      [{ ...good, endpoint: 'http://push.example.org/abc' }, /endpoint: must be an https URL/],
      [{ ...good, endpoint: 'ftp://127.0.0.1/x' }, /endpoint: must be an https URL/],
      [{ ...good, endpoint: 'kein url' }, /endpoint: is not a URL/],
      [{ ...good, endpoint: `https://user:pw@push.example.org/${'x'.repeat(10)}` }, /endpoint: must not contain credentials/],
      [{ ...good, endpoint: `https://push.example.org/${'x'.repeat(1100)}` }, /endpoint: has more than 1024 characters/],
      [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } }, /keys\.p256dh: must be 65 bytes in base64url/],
      [{ ...good, keys: { ...good.keys, p256dh: notOnCurve.toString('base64url') } }, /keys\.p256dh: must be an uncompressed P-256 public key/],
      [{ ...good, keys: { ...good.keys, auth: randomBytes(15).toString('base64url') } }, /keys\.auth: must be 16 bytes in base64url/],
      [{ ...good, keys: { ...good.keys, auth: '!!!!!!!!!!!!!!!!!!!!!!' } }, /keys\.auth/],
      [{ endpoint: good.endpoint }, /keys/],
      [{ ...good, categoryIds: [999_999] }, /categoryIds: unknown categories 999999/],
      [{ ...good, categoryIds: ['zwei'] }, /categoryIds\.0: must be a number/],
      [{ ...good, language: 'fr' }, /language: must be one of de, en/],
    ];
    for (const [body, message] of cases) {
      const res = await send('POST', body);
      assert.equal(res.statusCode, 422, JSON.stringify(body).slice(0, 200));
      assert.match(res.json().error.message, message);
    }
    assert.equal((await stored('bad-belzig', good.endpoint)).length, 0);
    assert.equal((await send('POST', '{"endpoint":')).statusCode, 400);
    const tooLarge = await send('POST', { ...good, padding: 'x'.repeat(9000) });
    assert.equal(tooLarge.statusCode, 413);
  });

  it('changes categories and language with PUT (endpoint and auth identify), 404 for a wrong auth secret', async () => {
    const sub = browserSubscription();
    assert.equal((await send('POST', { ...sub, categoryIds })).statusCode, 201);
    const res = await send('PUT', { endpoint: sub.endpoint, keys: { auth: sub.keys.auth }, categoryIds: [categoryIds[1]] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().subscription, { endpoint: sub.endpoint, categoryIds: [categoryIds[1]], language: 'de' });
    const lang = await send('PUT', { endpoint: sub.endpoint, keys: sub.keys, language: 'en' });
    assert.deepEqual(lang.json().subscription.categoryIds, [categoryIds[1]], 'categories kept when only the language changes');
    assert.equal(lang.json().subscription.language, 'en');

    const wrongAuth = await send('PUT', { endpoint: sub.endpoint, keys: { auth: randomBytes(16).toString('base64url') }, categoryIds: [] });
    assert.equal(wrongAuth.statusCode, 404);
    assert.deepEqual((await stored('bad-belzig', sub.endpoint))[0]!.category_ids, [categoryIds[1]]);
    assert.equal((await send('PUT', { endpoint: sub.endpoint, keys: { auth: sub.keys.auth }, categoryIds: [424_242] })).statusCode, 422);
  });

  it('unsubscribes with DELETE: 204, then 404; a wrong auth secret removes nothing', async () => {
    const sub = browserSubscription();
    assert.equal((await send('POST', sub)).statusCode, 201);
    assert.equal((await send('DELETE', { endpoint: sub.endpoint, keys: { auth: randomBytes(16).toString('base64url') } })).statusCode, 404);
    assert.equal((await stored('bad-belzig', sub.endpoint)).length, 1);
    const gone = await send('DELETE', { endpoint: sub.endpoint, keys: sub.keys });
    assert.equal(gone.statusCode, 204);
    assert.equal((await stored('bad-belzig', sub.endpoint)).length, 0);
    assert.equal((await send('DELETE', { endpoint: sub.endpoint, keys: sub.keys })).statusCode, 404);
  });

  it(`limits writes to ${SUBSCRIPTION_WRITES_PER_MINUTE} per client address and minute (429 with Retry-After); other addresses go on`, async () => {
    const from = nextAddress();
    for (let i = 0; i < SUBSCRIPTION_WRITES_PER_MINUTE; i++) assert.equal((await send('POST', browserSubscription(), { from })).statusCode, 201);
    const limited = await send('POST', browserSubscription(), { from });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'TOO_MANY_REQUESTS');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal((await send('DELETE', { endpoint: 'x', keys: { auth: randomBytes(16).toString('base64url') } }, { from })).statusCode, 429);
    assert.equal((await send('POST', browserSubscription())).statusCode, 201);
  });

  it("keeps tenants apart: Bad Belzig's subscription cannot be changed or removed from Wiesenburg's host, which may hold its own", async () => {
    const sub = browserSubscription();
    assert.equal((await send('POST', { ...sub, categoryIds })).statusCode, 201);
    assert.equal((await send('PUT', { endpoint: sub.endpoint, keys: sub.keys, categoryIds: [] }, { host: WB })).statusCode, 404);
    assert.equal((await send('DELETE', { endpoint: sub.endpoint, keys: sub.keys }, { host: WB })).statusCode, 404);
    // Bad Belzig's categories do not exist in Wiesenburg.
    assert.equal((await send('POST', { ...sub, categoryIds }, { host: WB })).statusCode, 422);
    assert.equal((await send('POST', sub, { host: WB })).statusCode, 201);
    assert.deepEqual((await stored('bad-belzig', sub.endpoint))[0]!.category_ids, categoryIds);
    assert.equal((await stored('wiesenburg', sub.endpoint)).length, 1);
  });

  it('is not there for a municipality without the push module', async () => {
    const tenant = p.tenants.get('wiesenburg')!;
    await p.tenants.update(tenant.id, { enabledModules: tenant.enabledModules.filter((m) => m !== 'push') });
    try {
      assert.equal((await p.http.inject({ url: '/push/vapid-public-key', headers: { host: WB } })).statusCode, 404);
      assert.equal((await send('POST', browserSubscription(), { host: WB })).statusCode, 404);
    } finally {
      await p.tenants.update(tenant.id, { enabledModules: tenant.enabledModules });
    }
  });
});

describe('Push endpoint rules', () => {
  it('production: https to public hosts only', () => {
    assert.equal(endpointProblem('https://fcm.googleapis.com/fcm/send/abc:def', true), null);
    assert.equal(endpointProblem('https://updates.push.services.mozilla.com/wpush/v2/gAAA', true), null);
    assert.equal(endpointProblem('https://web.push.apple.com/QGuQ', true), null);
    for (const url of ['http://127.0.0.1:8080/push/1', 'https://127.0.0.1/push', 'https://localhost/push', 'https://app.localhost/x', 'https://10.1.2.3/x', 'https://192.168.0.4/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://[::ffff:127.0.0.1]/x', 'https://[fd00::1]/x']) {
      assert.ok(endpointProblem(url, true), url);
    }
  });

  it('outside production: also http(s) to this machine, for the local push service of the tests', () => {
    for (const url of ['http://127.0.0.1:8080/push/1', 'http://localhost:3999/p', 'http://[::1]:4000/p', 'https://127.0.0.1/p']) assert.equal(endpointProblem(url, false), null, url);
    assert.equal(endpointProblem('http://push.example.org/p', false), 'must be an https URL');
    assert.equal(endpointProblem('http://10.0.0.1/p', false), 'must be an https URL');
  });

  it('the limiter counts per key in fixed windows and forgets finished windows when full', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(2, 60_000, 3, () => now);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 60);
    assert.equal(limiter.take('b'), 0);
    now = 59_500;
    assert.equal(limiter.take('a'), 1);
    now = 60_000;
    assert.equal(limiter.take('a'), 0, 'a new window');
    assert.equal(limiter.take('c'), 0);
    assert.equal(limiter.take('d'), 0, 'b, finished, was dropped to make room');
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 60, 'a kept its count');
  });
});
