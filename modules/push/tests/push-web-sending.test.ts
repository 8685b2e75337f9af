import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { startPushFixture } from './push-fixture.ts';
import { LocalPushService, type SubscriptionJson } from './local-push-service.ts';
import { LocalExpoService } from './local-expo-service.ts';

const SEND = `mutation($title: String!, $body: String) { sendPushNotification(title: $title, body: $body) { id statusCode } }`;

describe('sending push messages to the web app (Web Push)', () => {
  let p: TestPlatform;
  let admin: string;
  let push: LocalPushService;
  let expo: LocalExpoService;
  let categoryIds: number[];
  let publicKey: string;

  before(async () => {
    push = await LocalPushService.start();
    expo = await LocalExpoService.start();
    ({ p, categoryIds } = await startPushFixture({ EXPO_PUSH_URL: expo.url, EXPO_PUSH_RATE: '100000', VAPID_SUBJECT: 'mailto:push@bad-belzig.example' }));
    admin = await p.tokenWithRole('bad-belzig', 'admin');
    const res = await p.http.inject({ method: 'GET', url: '/push/vapid-public-key', headers: { host: BB } });
    publicKey = res.json().publicKey;
  });
  after(async () => {
    await p.close();
    await push.close();
    await expo.close();
  });

  const subscribe = async (host: string, chosen: number[] = []): Promise<SubscriptionJson> => {
    const sub = push.subscribe({ applicationServerKey: publicKey });
    const res = await p.http.inject({ method: 'POST', url: '/push/subscriptions', headers: { host, 'content-type': 'application/json' }, payload: { ...sub, categoryIds: chosen } });
    assert.equal(res.statusCode, 201, res.body);
    return sub;
  };
  const drain = async () => {
    while ((await p.jobs.runDue()) > 0);
  };
  const titles = (sub: SubscriptionJson) => push.messagesFor(sub.endpoint).map((m) => JSON.parse(m.payload).title as string);

  it('delivers encrypted, signed messages with TTL and Urgency to the municipality\'s subscriptions only, once each', async () => {
    const [a, b] = [await subscribe(BB), await subscribe(BB)];
    const other = await subscribe(WB);
    const res = await p.gql(BB, SEND, { title: 'Straßensperrung', body: 'Die Hauptstraße ist ab Montag gesperrt.' }, admin);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    await drain();
    for (const sub of [a, b]) {
      const got = push.messagesFor(sub.endpoint);
      assert.equal(got.length, 1);
      const payload = JSON.parse(got[0]!.payload);
      assert.equal(payload.title, 'Straßensperrung');
      assert.equal(payload.body, 'Die Hauptstraße ist ab Montag gesperrt.');
      assert.equal(payload.url, '/');
      assert.equal(got[0]!.ttl, 86400);
      assert.equal(got[0]!.urgency, 'normal');
      assert.equal(got[0]!.vapid.sub, 'mailto:push@bad-belzig.example');
      assert.equal(got[0]!.vapidKey, publicKey);
    }
    assert.deepEqual(titles(other), [], 'another municipality');
    const rows = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('push_web_subscriptions').select(['endpoint', 'last_success_at']).where('endpoint', '=', a.endpoint).execute();
    assert.ok(rows[0]!.last_success_at, 'success noted');
  });

  it('removes subscriptions the push service says are gone (404, 410) and retries 429 after Retry-After', async () => {
    const [gone, expired, busy] = [await subscribe(BB), await subscribe(BB), await subscribe(BB)];
    push.answer(gone.endpoint, 410);
    push.answer(expired.endpoint, 404);
    push.answer(busy.endpoint, 429, { 'retry-after': '1' });
    const res = await p.gql(BB, SEND, { title: 'Bürgersprechstunde' }, admin);
    const messageId = Number(res.body.data.sendPushNotification.id);
    await drain();
    const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    const status = async () => Object.fromEntries((await db.selectFrom('push_deliveries').select(['recipient', 'status']).where('message_id', '=', messageId).execute()).map((r) => [r.recipient, r.status]));
    const s = await status();
    assert.equal(s[gone.endpoint], 'removed');
    assert.equal(s[expired.endpoint], 'removed');
    assert.equal(s[busy.endpoint], 'retry');
    const left = await db.selectFrom('push_web_subscriptions').select('endpoint').where('endpoint', 'in', [gone.endpoint, expired.endpoint, busy.endpoint]).execute();
    assert.deepEqual(left.map((r) => r.endpoint), [busy.endpoint]);
    const retry = await p.database.system.selectFrom('jobs').select(['id', 'run_at']).where('name', '=', 'push.send').where('status', '=', 'queued').executeTakeFirstOrThrow();
    assert.ok(new Date(retry.run_at).getTime() >= Date.now() + 500, 'waits for Retry-After');
    push.recover(busy.endpoint);
    await p.database.system.updateTable('jobs').set({ run_at: new Date() }).where('id', '=', retry.id).execute();
    await drain();
    assert.equal((await status())[busy.endpoint], 'sent');
    assert.deepEqual(titles(busy), ['Bürgersprechstunde']);
  });

  it('a news item marked for push goes to subscribers of its category (or of its parent) and to those who chose none', async () => {
    const [rathaus] = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('categories').select('id').where('name', '=', 'Aus dem Rathaus').execute();
    const wantsAll = await subscribe(BB);
    const wantsRathaus = await subscribe(BB, [rathaus!.id]);
    const wantsOther = await subscribe(BB, categoryIds.filter((c) => c !== rathaus!.id));
    const create = await p.gql(BB, `mutation { createNewsItem(title: "Neuer Bürgermeister", pushNotification: true, categoryName: "Aus dem Rathaus", contentBlocks: [{ intro: "Vereidigung am Freitag" }]) { id } }`, {}, admin);
    const id = create.body.data.createNewsItem.id;
    await drain();
    for (const sub of [wantsAll, wantsRathaus]) {
      const got = push.messagesFor(sub.endpoint).map((m) => JSON.parse(m.payload));
      assert.equal(got.length, 1);
      assert.deepEqual({ title: got[0].title, body: got[0].body, url: got[0].url }, { title: 'Neuer Bürgermeister', body: 'Vereidigung am Freitag', url: `/nachrichten/${id}` });
    }
    assert.deepEqual(titles(wantsOther), []);
  });
});
