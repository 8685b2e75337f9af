import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import webpush from 'web-push';
import type { TestPlatform } from '../../../test/harness.ts';
import { startPushFixture, storedSubscription } from './push-fixture.ts';
import { vapidKeys, type VapidKeys } from '../vapid-keys.ts';
import { LocalPushService, type SubscriptionJson } from './local-push-service.ts';

const SUBJECT = 'mailto:push@bad-belzig.example.org';

/** fetch takes bytes, not a Node Buffer type. */
const bytes = (b: Buffer) => new Uint8Array(b);

/** What next session's sender does: web-push builds the request (encryption, VAPID), fetch sends it. */
async function send(sub: SubscriptionJson, payload: string, vapid: VapidKeys, options: webpush.RequestOptions = {}) {
  const details = webpush.generateRequestDetails(sub, payload, { vapidDetails: { subject: SUBJECT, ...vapid }, TTL: 3600, ...options });
  return fetch(details.endpoint, { method: details.method, headers: details.headers as Record<string, string>, body: bytes(details.body) });
}

describe('Local RFC 8030 push service', () => {
  let p: TestPlatform;
  let service: LocalPushService;
  let keys: VapidKeys;

  before(async () => {
    ({ p } = await startPushFixture());
    service = await LocalPushService.start();
    keys = await vapidKeys(p.database.system);
  });
  after(async () => {
    await service.close();
    await p.close();
  });

  it("delivers a message sent with web-push and the deployment's VAPID keys to a stored subscription; the decrypted title and body arrive", async () => {
    const sub = service.subscribe({ applicationServerKey: keys.publicKey });
    // Sent to what the platform stored, as the sender will.
    const { db, row } = await storedSubscription(p, sub);

    const message = { title: 'Wasserrohrbruch in der Straße der Einheit', body: 'Die Straße ist bis 18 Uhr gesperrt. Umleitung über die Brücker Landstraße.' };
    const res = await send({ endpoint: row.endpoint, expirationTime: null, keys: { p256dh: row.p256dh, auth: row.auth } }, JSON.stringify(message), await vapidKeys(db), { urgency: 'high', topic: 'strassensperre' });
    assert.equal(res.status, 201, await res.text());
    assert.match(res.headers.get('location') ?? '', new RegExp(`^${service.origin}/message/`));

    const [received, ...more] = service.messagesFor(sub.endpoint);
    assert.equal(more.length, 0);
    assert.deepEqual(JSON.parse(received!.payload), message);
    assert.equal(received!.ttl, 3600);
    assert.equal(received!.urgency, 'high');
    assert.equal(received!.topic, 'strassensperre');
    assert.equal(received!.vapid.aud, service.origin);
    assert.equal(received!.vapid.sub, SUBJECT);
    assert.equal(received!.vapidKey, keys.publicKey);
  });

  it('refuses a message without TTL (400)', async () => {
    const sub = service.subscribe();
    const details = webpush.generateRequestDetails(sub, 'x', { vapidDetails: { subject: SUBJECT, ...keys } });
    const { TTL: _ttl, ...headers } = details.headers as Record<string, string>;
    const res = await fetch(details.endpoint, { method: 'POST', headers, body: bytes(details.body) });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /TTL/);
  });

  it('refuses VAPID credentials that do not hold (401/403): none, another key than the subscription was made for, tampered claims, wrong audience, expired', async () => {
    const sub = service.subscribe({ applicationServerKey: keys.publicKey });
    const noVapid = webpush.generateRequestDetails(sub, 'x', { vapidDetails: null as any, TTL: 60 });
    assert.equal((await fetch(sub.endpoint, { method: 'POST', headers: noVapid.headers as Record<string, string>, body: bytes(noVapid.body) })).status, 401);

    const other = webpush.generateVAPIDKeys();
    assert.equal((await send(sub, 'x', other)).status, 403);
    assert.match(service.refused.at(-1)!.reason, /applicationServerKey/);

    const post = (authorization: string) =>
      fetch(sub.endpoint, { method: 'POST', headers: { ttl: '60', authorization, 'content-encoding': 'aes128gcm' }, body: bytes(webpush.generateRequestDetails(sub, 'x', { vapidDetails: { subject: SUBJECT, ...keys } }).body) });
    const vapid = (audience: string, exp?: number) => webpush.getVapidHeaders(audience, SUBJECT, keys.publicKey, keys.privateKey, 'aes128gcm', exp).Authorization;

    const good = vapid(service.origin);
    const [, jwt, k] = /t=([^,]+), k=(.+)$/.exec(good)!;
    const [h, , s] = jwt!.split('.');
    const forged = Buffer.from(JSON.stringify({ aud: service.origin, exp: Math.floor(Date.now() / 1000) + 600, sub: 'mailto:other@example.org' })).toString('base64url');
    assert.equal((await post(`vapid t=${h}.${forged}.${s}, k=${k}`)).status, 403);
    assert.match(service.refused.at(-1)!.reason, /signature/);

    assert.equal((await post(vapid('https://fcm.googleapis.com'))).status, 403);
    assert.match(service.refused.at(-1)!.reason, /aud/);

    assert.equal((await post(vapid(service.origin, Math.floor(Date.now() / 1000) - 60))).status, 403);
    assert.match(service.refused.at(-1)!.reason, /expired/);

    assert.equal((await post(good)).status, 201, 'the same request with valid credentials is accepted');
  });

  it('answers 404/410 for an endpoint told so, 404 for an unknown one, 413 beyond 4096 bytes', async () => {
    const gone = service.subscribe();
    service.answer(gone.endpoint, 410);
    assert.equal((await send(gone, 'x', keys)).status, 410);
    const expired = service.subscribe();
    service.answer(expired.endpoint, 404);
    assert.equal((await send(expired, 'x', keys)).status, 404);
    assert.equal((await send({ ...gone, endpoint: `${service.origin}/push/unbekannt` }, 'x', keys)).status, 404);
    const big = service.subscribe();
    assert.equal((await send(big, 'x'.repeat(4000), keys)).status, 413);
    assert.equal(service.messagesFor(gone.endpoint).length + service.messagesFor(big.endpoint).length, 0);
  });
});
