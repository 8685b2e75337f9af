import { after, before, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import dns from 'node:dns/promises';
import dnsCallbacks from 'node:dns';
import webpush from 'web-push';
import type { TestPlatform } from '../../../test/harness.ts';
import { loadConfig } from '../../../core/config.ts';
import { startPushFixture, storedSubscription } from './push-fixture.ts';
import { vapidKeys, type VapidKeys } from '../vapid-keys.ts';
import { LocalPushService, type SubscriptionJson } from './local-push-service.ts';
import { verifyVapid } from './vapid-jwt.ts';
import { createWebPushSender, type WebPushSender, type WebPushTarget } from '../web/web-push-sender.ts';
import { vapidAuthorization, vapidSubject, type VapidCredentials } from '../web/vapid-authorization.ts';
import { resolveEndpoint } from '../web/endpoint-address.ts';
import { webPushPayload } from '../web/web-push-payload.ts';
import { endpointProblem } from '../web-push-input.ts';

const target = (s: SubscriptionJson): WebPushTarget => ({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth });
const OPTS = { ttl: 3600, urgency: 'normal' } as const;

/** Listens on 127.0.0.1 until the test ends (also when it fails: an open server keeps the run alive). */
async function listen(t: TestContext, server: Server): Promise<string> {
  t.after(() => closeServer(server));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const closeServer = (server: Server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));

describe('Web Push sender', () => {
  let p: TestPlatform;
  let service: LocalPushService;
  let keys: VapidKeys;
  let vapid: VapidCredentials;
  let sender: WebPushSender;

  before(async () => {
    ({ p } = await startPushFixture());
    service = await LocalPushService.start();
    keys = await vapidKeys(p.database.system);
    vapid = { keys, subject: vapidSubject(p.config.push, p.tenants.get('bad-belzig')!) };
    sender = createWebPushSender({ vapid, production: false });
  });
  after(async () => {
    await service.close();
    await p.close();
  });

  it('delivers to a stored subscription: decrypted title and body, TTL, Urgency and Topic as sent, VAPID aud the origin and sub the contact', async () => {
    const sub = service.subscribe({ applicationServerKey: keys.publicKey });
    const { db, row } = await storedSubscription(p, sub);

    const message = { title: 'Wasserrohrbruch in der Straße der Einheit 🚧', body: 'Die Straße ist bis 18 Uhr gesperrt. Umleitung über die Brücker Landstraße.', url: 'https://bad-belzig.de/n/1' };
    const result = await createWebPushSender({ vapid: { keys: await vapidKeys(db), subject: vapid.subject }, production: false }).send(row, webPushPayload(message), { ttl: 7200, urgency: 'high', topic: 'strassensperre' });
    assert.deepEqual(result, { outcome: 'sent', status: 201 });

    const [received, ...more] = service.messagesFor(sub.endpoint);
    assert.equal(more.length, 0);
    assert.deepEqual(JSON.parse(received!.payload), message);
    assert.equal(received!.ttl, 7200);
    assert.equal(received!.urgency, 'high');
    assert.equal(received!.topic, 'strassensperre');
    assert.equal(received!.vapid.aud, service.origin);
    assert.equal(received!.vapid.sub, 'mailto:push@bad-belzig.localhost');
    assert.equal(received!.vapidKey, keys.publicKey);
  });

  it('VAPID subject: VAPID_SUBJECT when set, else push@ the first domain of the municipality, else its local host', () => {
    const tenant = { slug: 'bad-belzig', domains: ['app.bad-belzig.de', 'bad-belzig.de'] };
    assert.equal(vapidSubject(loadConfig({ VAPID_SUBJECT: 'https://dorfplatz.example.org/kontakt' }).push, tenant), 'https://dorfplatz.example.org/kontakt');
    assert.equal(vapidSubject(loadConfig({}).push, tenant), 'mailto:push@app.bad-belzig.de');
    assert.equal(vapidSubject(loadConfig({}).push, { slug: 'bad-belzig', domains: [] }), 'mailto:push@bad-belzig.localhost');
  });

  it('signs one VAPID header per push service origin and reuses it for hours (exp within 24 h); renews it before less than 6 h are left', () => {
    const now = Date.now();
    const fcm = vapidAuthorization(vapid, 'https://fcm.googleapis.com', now);
    assert.equal(vapidAuthorization(vapid, 'https://fcm.googleapis.com', now + 5 * 3600_000), fcm);
    const { claims } = verifyVapid(fcm, 'https://fcm.googleapis.com', now);
    assert.ok(claims.exp * 1000 - now >= 11.9 * 3600_000 && claims.exp * 1000 - now <= 12 * 3600_000, 'valid for 12 hours');
    assert.equal(claims.sub, vapid.subject);
    const mozilla = vapidAuthorization(vapid, 'https://updates.push.services.mozilla.com', now);
    assert.notEqual(mozilla, fcm);
    assert.equal(verifyVapid(mozilla, 'https://updates.push.services.mozilla.com', now).claims.aud, 'https://updates.push.services.mozilla.com');
    const renewed = vapidAuthorization(vapid, 'https://fcm.googleapis.com', now + 7 * 3600_000);
    assert.notEqual(renewed, fcm);
    assert.ok(verifyVapid(renewed, 'https://fcm.googleapis.com', now + 7 * 3600_000).claims.exp > claims.exp);
    const otherSubject = vapidAuthorization({ ...vapid, subject: 'mailto:push@wiesenburg.de' }, 'https://fcm.googleapis.com', now);
    assert.equal(verifyVapid(otherSubject, 'https://fcm.googleapis.com', now).claims.sub, 'mailto:push@wiesenburg.de');
  });

  /** What the sender makes of the service answering `status` to a new subscription. */
  const answered = (status: Parameters<LocalPushService['answer']>[1], headers: Record<string, string> = {}) => {
    const sub = service.subscribe();
    service.answer(sub.endpoint, status, headers);
    return sender.send(target(sub), '{}', OPTS);
  };

  it('a subscription gone (404, 410) is "removed"', async () => {
    assert.deepEqual(await answered(404), { outcome: 'removed', status: 404 });
    assert.deepEqual(await answered(410), { outcome: 'removed', status: 410 });
  });

  it('an overloaded service (429, 5xx) means "retry", with its Retry-After in seconds or as a date', async () => {
    assert.deepEqual(await answered(500), { outcome: 'retry', status: 500, error: 'the push service answered 500: told to answer 500' });
    assert.deepEqual(await answered(429, { 'retry-after': '120' }), { outcome: 'retry', status: 429, error: 'the push service answered 429: told to answer 429', retryAfterMs: 120_000 });
    const r503 = await answered(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() });
    assert.equal(r503.outcome, 'retry');
    assert.ok(r503.retryAfterMs! > 80_000 && r503.retryAfterMs! <= 90_000, String(r503.retryAfterMs));
  });

  it('a refusal (413, 403) is "failed" with a readable reason', async () => {
    const r413 = await answered(413);
    assert.equal(r413.outcome, 'failed');
    assert.equal(r413.status, 413);
    assert.match(r413.error!, /too large/);

    const otherKey = service.subscribe({ applicationServerKey: webpush.generateVAPIDKeys().publicKey });
    const r403 = await sender.send(target(otherKey), '{}', OPTS);
    assert.equal(r403.outcome, 'failed');
    assert.equal(r403.status, 403);
    assert.match(r403.error!, /VAPID.*applicationServerKey/);
  });

  it('refuses what no push service accepts before sending: a payload over 3993 bytes, a bad TTL or topic, unusable keys', async () => {
    const sub = service.subscribe();
    const tooBig = await sender.send(target(sub), 'ä'.repeat(2000), OPTS);
    assert.equal(tooBig.outcome, 'failed');
    assert.match(tooBig.error!, /4000 bytes; at most 3993/);
    assert.equal((await sender.send(target(sub), '{}', { ...OPTS, ttl: -1 })).outcome, 'failed');
    assert.match((await sender.send(target(sub), '{}', { ...OPTS, topic: 'Straßensperre' })).error!, /topic/);
    const notOnTheCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
    assert.match((await sender.send({ ...target(sub), p256dh: notOnTheCurve }, '{}', OPTS)).error!, /keys do not work for encryption: Public key is not valid/);
    assert.match((await sender.send({ ...target(sub), auth: 'c2hvcnQ' }, '{}', OPTS)).error!, /auth is not a 16-byte secret/);
    assert.equal(service.messagesFor(sub.endpoint).length + service.refused.filter((r) => r.endpoint === sub.endpoint).length, 0, 'nothing reached the service');
    assert.equal((await sender.send(target(sub), 'x'.repeat(3993), OPTS)).outcome, 'sent', '3993 bytes do fit');
  });

  it('no answer in time, or no connection, means "retry"', async (t) => {
    const silent = createServer(() => {});
    const origin = await listen(t, silent);
    const impatient = createWebPushSender({ vapid, production: false, timeoutMs: 200 });
    const sub = service.subscribe();
    const slow = await impatient.send({ ...target(sub), endpoint: `${origin}/push/1` }, '{}', OPTS);
    assert.deepEqual(slow, { outcome: 'retry', error: 'no answer within 0.2 s' });
    await closeServer(silent);
    const refused = await impatient.send({ ...target(sub), endpoint: `${origin}/push/1` }, '{}', OPTS);
    assert.deepEqual(refused, { outcome: 'retry', error: 'connection failed: ECONNREFUSED' });
  });

  it('sends again at once on a new connection when the service closed the pooled one', async (t) => {
    let requests = 0;
    const server = createServer((req, res) => {
      requests += 1;
      // The second request on a connection finds it closed, as after a service's idle timeout.
      if ((req.socket as any).served) return req.socket.destroy();
      (req.socket as any).served = true;
      req.resume().on('end', () => res.writeHead(201).end());
    });
    const origin = await listen(t, server);
    const sub = target(service.subscribe());
    assert.equal((await sender.send({ ...sub, endpoint: `${origin}/push/1` }, '{}', OPTS)).outcome, 'sent');
    assert.equal((await sender.send({ ...sub, endpoint: `${origin}/push/1` }, '{}', OPTS)).outcome, 'sent');
    assert.equal(requests, 3, 'the second delivery was tried on the old connection, then on a new one');
  });

  it('sends many at bounded concurrency, each its own payload, results in order', async () => {
    const subs = Array.from({ length: 30 }, () => service.subscribe({ applicationServerKey: keys.publicKey }));
    service.answer(subs[7]!.endpoint, 410);
    const targets = subs.map((s, i) => ({ ...target(s), language: i % 2 ? 'en' : 'de' }));
    const results = await sender.sendAll(targets, (t) => webPushPayload({ title: t.language === 'de' ? 'Straßenfest' : 'Street party', body: t.endpoint, url: 'https://bad-belzig.de/n/2' }), OPTS, 4);
    assert.deepEqual(results.map((r) => r.outcome), subs.map((_, i) => (i === 7 ? 'removed' : 'sent')));
    for (const [i, s] of subs.entries()) {
      if (i === 7) continue;
      const m = JSON.parse(service.messagesFor(s.endpoint)[0]!.payload);
      assert.deepEqual([m.title, m.body], [i % 2 ? 'Street party' : 'Straßenfest', s.endpoint]);
    }
  });

  describe('address check at send time', () => {
    it('in production refuses this machine and other internal addresses, outside it allows only loopback', async () => {
      const sub = target(service.subscribe());
      const prod = createWebPushSender({ vapid, production: true });
      const local = await prod.send(sub, '{}', OPTS);
      assert.equal(local.outcome, 'failed');
      assert.match(local.error!, /https/);
      for (const host of ['127.0.0.1', '[::1]', '10.1.2.3', '192.168.178.20', '169.254.169.254', '[fd00::1]', '[fe80::1]']) {
        const r = await resolveEndpoint(host, true);
        assert.ok('problem' in r && /internal address/.test(r.problem) && !r.temporary, host);
      }
      assert.deepEqual(await resolveEndpoint('127.0.0.1', false), { addresses: [{ address: '127.0.0.1', family: 4 }] });
      assert.ok('problem' in (await resolveEndpoint('10.1.2.3', false)));
      assert.ok('addresses' in (await resolveEndpoint('142.250.185.74', true)));
      assert.ok('addresses' in (await resolveEndpoint('[2a00:1450:4001:80e::200a]', true)));
      assert.ok('problem' in (await resolveEndpoint('[::ffff:10.0.0.1]', true)), 'IPv4-mapped internal');
      assert.equal(endpointProblem('https://142.250.185.74/push/1', true), null, 'a public IPv4 address is not internal');
      assert.ok('addresses' in (await resolveEndpoint('localhost', false)), 'localhost resolves to loopback, allowed in development');
      assert.ok('problem' in (await resolveEndpoint('localhost', true)));
    });

    it('connects to the address it checked, without a second lookup', async (t) => {
      const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(201).end()));
      const origin = await listen(t, server);
      const secondLookup = t.mock.method(dnsCallbacks, 'lookup');
      const result = await sender.send({ ...target(service.subscribe()), endpoint: `${origin.replace('127.0.0.1', 'localhost')}/push/1` }, '{}', OPTS);
      assert.deepEqual(result, { outcome: 'sent', status: 201 });
      assert.equal(secondLookup.mock.callCount(), 0, "the connection used the sender's resolution");
    });

    it('resolves the host name and refuses internal addresses (production, https); caches lookups for a minute', async (t) => {
      const answers: Record<string, { address: string; family: number }[]> = {
        'push.intern.example': [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }],
        'push.public.example': [{ address: '93.184.216.34', family: 4 }],
      };
      const lookup = t.mock.method(dns, 'lookup', async (host: string) => {
        if (answers[host]) return answers[host];
        throw Object.assign(new Error('not found'), { code: host.startsWith('gone') ? 'ENOTFOUND' : 'EAI_AGAIN' });
      });
      const prod = createWebPushSender({ vapid, production: true });
      const sub = target(service.subscribe());
      const inward = await prod.send({ ...sub, endpoint: 'https://push.intern.example/push/1' }, '{}', OPTS);
      assert.deepEqual(inward, { outcome: 'failed', error: "the push service's host push.intern.example has the internal address 10.0.0.7; only public push services are sent to" });

      const now = Date.now();
      assert.deepEqual(await resolveEndpoint('push.public.example', true, now), { addresses: answers['push.public.example'] });
      assert.ok('addresses' in (await resolveEndpoint('push.public.example', true, now + 59_000)));
      assert.equal(lookup.mock.calls.filter((c) => c.arguments[0] === 'push.public.example').length, 1, 'cached');
      await resolveEndpoint('push.public.example', true, now + 61_000);
      assert.equal(lookup.mock.calls.filter((c) => c.arguments[0] === 'push.public.example').length, 2, 'looked up again after a minute');

      assert.deepEqual(await resolveEndpoint('gone.example', true), { problem: "the push service's host gone.example could not be resolved (ENOTFOUND)", temporary: false });
      const flaky = await prod.send({ ...sub, endpoint: 'https://flaky.example/push/1' }, '{}', OPTS);
      assert.equal(flaky.outcome, 'retry');
      assert.match(flaky.error!, /EAI_AGAIN/);
    });
  });
});
