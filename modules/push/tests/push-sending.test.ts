import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { startPushFixture } from './push-fixture.ts';
import { LocalExpoService } from './local-expo-service.ts';
import { fanOutJob } from '../messages/fan-out-job.ts';
import { expoReceiptsJob } from '../messages/expo-receipts-job.ts';
import { JobQueue } from '../../../core/jobs/job-queue.ts';
import { pushModule } from '../manifest.ts';

let seq = 0;
const expoToken = () => `ExponentPushToken[send${Date.now().toString(36)}${(seq++).toString(36)}]`;

const SEND = `mutation($title: String!, $body: String, $data: PushNotificationDataInput) { sendPushNotification(title: $title, body: $body, data: $data) { id status statusCode } }`;

describe('sending push messages to the native app (Expo)', () => {
  let p: TestPlatform;
  let app: { bb: string; wb: string };
  let admin: string;
  let expo: LocalExpoService;
  let newsItemId: number;

  before(async () => {
    expo = await LocalExpoService.start();
    ({ p, app, newsItemId } = await startPushFixture({ EXPO_PUSH_URL: expo.url, EXPO_PUSH_RATE: '100000' }));
    admin = await p.tokenWithRole('bad-belzig', 'admin');
  });
  after(async () => {
    await p.close();
    await expo.close();
  });

  const register = async (host: string, body: Record<string, unknown>) => {
    const res = await p.http.inject({ method: 'POST', url: '/notification/devices.json', headers: { host, authorization: `Bearer ${host === WB ? app.wb : app.bb}`, 'content-type': 'application/json' }, payload: { notification_device: body } });
    assert.equal(res.statusCode, 201, res.body);
  };
  const db = (slug: string) => p.database.forTenant(p.tenants.get(slug)!.id);
  /** Runs queued jobs until none is due (fan-out queues send jobs, events queue listeners). */
  const drain = async () => {
    while ((await p.jobs.runDue()) > 0);
  };
  const deliveries = (messageId: number) => db('bad-belzig').selectFrom('push_deliveries').select(['recipient', 'status', 'error']).where('message_id', '=', messageId).orderBy('id').execute();

  it('sendPushNotification reaches each device of the municipality once, skipping those that excluded the data provider or every regional key, and no other municipality', async () => {
    const [a, b, excludedProvider, excludedKeys, keepsOneKey, other] = [expoToken(), expoToken(), expoToken(), expoToken(), expoToken(), expoToken()];
    await register(BB, { token: a, device_type: 'ios' });
    await register(BB, { token: b, device_type: 'android' });
    await register(BB, { token: excludedProvider, exclude_data_provider_ids: [77] });
    await register(BB, { token: excludedKeys, exclude_mowas_regional_keys: [69001000000, 120690200000] });
    await register(BB, { token: keepsOneKey, exclude_mowas_regional_keys: [120690200000] });
    await register(WB, { token: other });

    const res = await p.gql(BB, SEND, { title: 'Unwetterwarnung', body: 'Sturmböen ab 18 Uhr', data: { dataProviderId: '77', mowasRegionalKeys: ['120690200000', '069001000000'] } }, admin);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.equal(res.body.data.sendPushNotification.statusCode, 200);
    const messageId = Number(res.body.data.sendPushNotification.id);
    await drain();

    const got = (t: string) => expo.messagesFor(t).filter((r) => r.message.title === 'Unwetterwarnung');
    assert.equal(got(a).length, 1);
    assert.equal(got(b).length, 1);
    assert.equal(got(keepsOneKey).length, 1, 'one of the two keys is still wanted');
    assert.equal(got(excludedProvider).length, 0);
    assert.equal(got(excludedKeys).length, 0, 'keys compared without leading zeros');
    assert.equal(got(other).length, 0, 'another municipality');
    const m = got(a)[0]!.message;
    assert.equal(m.body, 'Sturmböen ab 18 Uhr');
    assert.deepEqual(m.data, { data_provider_id: 77, mowas_regional_keys: ['120690200000', '069001000000'] });
    const rows = await deliveries(messageId);
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'sent', 'sent']);
    const message = await db('bad-belzig').selectFrom('push_messages').select('status').where('id', '=', messageId).executeTakeFirstOrThrow();
    assert.equal(message.status, 'done');

    // Fanning out again (a retried job) sends nothing twice.
    await fanOutJob({ db: db('bad-belzig'), tenantId: p.tenants.get('bad-belzig')!.id, payload: { messageId }, attempt: 2, log: p.http.log, config: p.config });
    await db('bad-belzig').updateTable('push_messages').set({ fanned_out_at: null }).where('id', '=', messageId).execute();
    await fanOutJob({ db: db('bad-belzig'), tenantId: p.tenants.get('bad-belzig')!.id, payload: { messageId }, attempt: 3, log: p.http.log, config: p.config });
    await drain();
    assert.equal(got(a).length, 1, 'still one');
    assert.equal((await deliveries(messageId)).length, 3);
  });

  it('two workers sharing the queue (as two processes do) send each device a message once', async () => {
    const tokens = Array.from({ length: 2500 }, () => expoToken());
    await db('bad-belzig').insertInto('push_expo_devices').values(tokens.map((token) => ({ token }))).execute();
    const res = await p.gql(BB, SEND, { title: 'Zwei Arbeiter' }, admin);
    const messageId = Number(res.body.data.sendPushNotification.id);
    const workers = [1, 2].map(() => {
      const q = new JobQueue(p.database, p.http.log, { config: p.config, batchSize: 1 });
      for (const [name, handler] of Object.entries(pushModule.jobs!)) q.register(name, handler);
      return q;
    });
    const status = async () => (await db('bad-belzig').selectFrom('push_messages').select('status').where('id', '=', messageId).executeTakeFirstOrThrow()).status;
    // Both poll until the message is done, as workers of two processes would.
    const ran = await Promise.all(
      workers.map(async (q) => {
        let n = 0;
        while ((await status()) !== 'done') {
          n += await q.runDue();
          await new Promise((r) => setTimeout(r, 10));
        }
        return n;
      }),
    );
    assert.ok(ran[0]! + ran[1]! >= 3, `fan-out and two send jobs ran: ${ran}`);
    const mine = new Set(tokens);
    const got = expo.received.filter((r) => r.message.title === 'Zwei Arbeiter' && mine.has(r.message.to));
    assert.equal(got.length, 2500);
    assert.equal(new Set(got.map((r) => r.message.to)).size, 2500, 'no device twice');
    await db('bad-belzig').deleteFrom('push_expo_devices').where('token', 'in', tokens).execute();
  });

  it('removes devices Expo reports as not registered, in the ticket and in the later receipt', async () => {
    const [gone, goneLater, fine] = [expoToken(), expoToken(), expoToken()];
    for (const token of [gone, goneLater, fine]) await register(BB, { token });
    expo.unregister(gone, 'ticket');
    expo.unregister(goneLater, 'receipt');
    const res = await p.gql(BB, SEND, { title: 'Wasserrohrbruch' }, admin);
    const messageId = Number(res.body.data.sendPushNotification.id);
    await drain();
    const status = async () => Object.fromEntries((await deliveries(messageId)).map((d) => [d.recipient, d.status]));
    assert.equal((await status())[gone], 'removed');
    assert.equal((await status())[goneLater], 'sent', 'the ticket was fine');
    const receiptJob = await p.database.system.selectFrom('jobs').select(['payload', 'run_at']).where('name', '=', 'push.expo-receipts').where('status', '=', 'queued').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.ok(new Date(receiptJob.run_at).getTime() > Date.now() + 10 * 60_000, 'receipts are asked for later');
    await expoReceiptsJob({ db: db('bad-belzig'), tenantId: p.tenants.get('bad-belzig')!.id, payload: receiptJob.payload, attempt: 1, log: p.http.log, config: p.config });
    assert.equal((await status())[goneLater], 'removed');
    assert.equal((await status())[fine], 'sent');
    const left = await db('bad-belzig').selectFrom('push_expo_devices').select('token').where('token', 'in', [gone, goneLater, fine]).execute();
    assert.deepEqual(left.map((d) => d.token), [fine]);
  });

  it('retries deliveries when Expo is unavailable, and sends each once', async () => {
    const token = expoToken();
    await register(BB, { token });
    // Four requests: every attempt of the first send job.
    expo.failNext(4, 503);
    const res = await p.gql(BB, SEND, { title: 'Später zugestellt' }, admin);
    const messageId = Number(res.body.data.sendPushNotification.id);
    await drain();
    const [row] = (await deliveries(messageId)).filter((d) => d.recipient === token);
    assert.equal(row!.status, 'retry');
    // The retry is queued with a back-off; make it due.
    await p.database.system.updateTable('jobs').set({ run_at: new Date() }).where('name', '=', 'push.send').where('status', '=', 'queued').execute();
    await drain();
    const [after] = (await deliveries(messageId)).filter((d) => d.recipient === token);
    assert.equal(after!.status, 'sent');
    assert.equal(expo.messagesFor(token).length, 1);
  });

  it('a news item marked for push is announced once when published, to the devices wanting its category', async () => {
    const [wants, excludesCategory] = [expoToken(), expoToken()];
    const categories = await db('bad-belzig').selectFrom('categories').select(['id', 'name']).execute();
    const rathaus = categories.find((c) => c.name === 'Aus dem Rathaus')!.id;
    await register(BB, { token: wants });
    await register(BB, { token: excludesCategory });
    const put = await p.http.inject({ method: 'PUT', url: '/notification/devices/0/exclusion_filter_config.json', headers: { host: BB, authorization: `Bearer ${app.bb}`, 'content-type': 'application/json' }, payload: { notification_device: { token: excludesCategory, exclude_notification_configuration: { news_item: { [rathaus]: {} } } } } });
    assert.equal(put.statusCode, 200, put.body);
    const create = await p.gql(BB, `mutation { createNewsItem(title: "Sitzung des Stadtrats", pushNotification: true, categoryName: "Aus dem Rathaus", contentBlocks: [{ intro: "<p>Am <b>Dienstag</b> &amp; öffentlich</p>" }]) { id pushNotificationsSentAt } }`, {}, admin);
    assert.equal(create.body.errors, undefined, JSON.stringify(create.body.errors));
    const id = Number(create.body.data.createNewsItem.id);
    await drain();
    const got = expo.messagesFor(wants).filter((r) => r.message.title === 'Sitzung des Stadtrats');
    assert.equal(got.length, 1);
    assert.equal(got[0]!.message.body, 'Am Dienstag & öffentlich');
    assert.deepEqual(got[0]!.message.data, { id, query_type: 'newsItem' });
    assert.equal(expo.messagesFor(excludesCategory).filter((r) => r.message.title === 'Sitzung des Stadtrats').length, 0);
    // Changed and saved again: no second push.
    await p.gql(BB, `mutation($id: ID) { createNewsItem(id: $id, title: "Sitzung des Stadtrats (geändert)", pushNotification: true, categoryName: "Aus dem Rathaus") { id } }`, { id }, admin);
    await drain();
    assert.equal(expo.messagesFor(wants).filter((r) => r.message.title?.startsWith('Sitzung des Stadtrats')).length, 1);
    const read = await p.gql(BB, `query($id: ID!) { newsItem(id: $id) { pushNotificationsSentAt } }`, { id }, admin);
    assert.match(read.body.data.newsItem.pushNotificationsSentAt, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]00$/);
    // Not marked: no push.
    await p.gql(BB, `mutation { createNewsItem(title: "Ohne Push", categoryName: "Aus dem Rathaus") { id } }`, {}, admin);
    await drain();
    assert.equal(expo.messagesFor(wants).filter((r) => r.message.title === 'Ohne Push').length, 0);
    assert.ok(newsItemId > 0);
  });

  it('events and generic items marked for push are announced too, with their own texts and query types', async () => {
    const token = expoToken();
    await register(BB, { token });
    const event = await p.gql(BB, `mutation { createEventRecord(title: "Weihnachtsmarkt", pushNotification: true, description: "<p>Auf dem Marktplatz</p>", dates: [{ dateStart: "2099-12-20", timeStart: "14:00" }]) { id } }`, {}, admin);
    assert.equal(event.body.errors, undefined, JSON.stringify(event.body.errors));
    const item = await p.gql(BB, `mutation($teaser: String) { createGenericItem(genericType: "Offer", title: "Fahrrad zu verschenken", teaser: $teaser, pushNotification: true) { id } }`, { teaser: 'Gut erhalten. '.repeat(100) }, admin);
    assert.equal(item.body.errors, undefined, JSON.stringify(item.body.errors));
    await drain();
    const got = Object.fromEntries(expo.messagesFor(token).map((r) => [r.message.title, r.message]));
    assert.deepEqual({ body: got['Weihnachtsmarkt']?.body, data: got['Weihnachtsmarkt']?.data }, { body: 'Auf dem Marktplatz', data: { id: Number(event.body.data.createEventRecord.id), query_type: 'eventRecord' } });
    // A long teaser is shortened to a message's 1000 characters.
    assert.deepEqual({ body: got['Fahrrad zu verschenken']?.body, data: got['Fahrrad zu verschenken']?.data }, { body: `${'Gut erhalten. '.repeat(100).slice(0, 999)}…`, data: { id: Number(item.body.data.createGenericItem.id), query_type: 'genericItem' } });
  });

  it('a scheduled push goes at its time to the devices following the record only', async () => {
    const [follower, notFollowing] = [expoToken(), expoToken()];
    await register(BB, { token: follower });
    await register(BB, { token: notFollowing });
    const add = await p.http.inject({ method: 'POST', url: '/notification/push_device_assignments/add.json', headers: { host: BB, authorization: `Bearer ${app.bb}`, 'content-type': 'application/json' }, payload: { notification_push_device_assignment: { token: follower, notification_pushable_id: newsItemId, notification_pushable_type: 'NewsItem' } } });
    assert.equal(add.statusCode, 200, add.body);
    const onceAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000).toISOString();
    const res = await p.gql(BB, `mutation($id: Int!, $at: String) { schedulePushNotification(notificationPushableType: "NewsItem", notificationPushableId: $id, onceAt: $at, recurring: 0, title: "Erinnerung: Straßenfest") { id status statusCode } }`, { id: newsItemId, at: onceAt }, admin);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.equal(res.body.data.schedulePushNotification.statusCode, 200);
    await drain();
    assert.equal(expo.messagesFor(follower).length, 0, 'not before its time');
    const job = await p.database.system.selectFrom('jobs').select(['id', 'run_at']).where('name', '=', 'push.schedule').where('status', '=', 'queued').executeTakeFirstOrThrow();
    assert.equal(new Date(job.run_at).toISOString(), onceAt);
    await p.database.system.updateTable('jobs').set({ run_at: new Date() }).where('id', '=', job.id).execute();
    await drain();
    const got = expo.messagesFor(follower);
    assert.equal(got.length, 1);
    assert.deepEqual(got[0]!.message.data, { id: newsItemId, query_type: 'newsItem' });
    assert.equal(expo.messagesFor(notFollowing).length, 0);
  });

  it('refuses bad input and callers without the right', async () => {
    const past = await p.gql(BB, `mutation { schedulePushNotification(notificationPushableType: "NewsItem", notificationPushableId: 1, onceAt: "2020-01-01 10:00", title: "Zu spät") { statusCode } }`, {}, admin);
    assert.match(past.body.errors[0].message, /onceAt: must lie in the future/);
    const weekly = await p.gql(BB, `mutation { schedulePushNotification(notificationPushableType: "NewsItem", notificationPushableId: 1, recurring: 1, title: "Wöchentlich") { statusCode } }`, {}, admin);
    assert.match(weekly.body.errors[0].message, /at least one weekday time/);
    const badType = await p.gql(BB, `mutation { schedulePushNotification(notificationPushableType: "Lunch", notificationPushableId: 1, onceAt: "2099-01-01 10:00", title: "x") { statusCode } }`, {}, admin);
    assert.match(badType.body.errors[0].message, /notificationPushableType: must be one of/);
    const empty = await p.gql(BB, SEND, { title: '  ' }, admin);
    assert.match(empty.body.errors[0].message, /title: must not be empty/);
    const appToken = await p.gql(BB, SEND, { title: 'Von der App' }, app.bb);
    assert.equal(appToken.body.errors[0].extensions.code, 'FORBIDDEN');
    const provider = await p.tokenWithRole('bad-belzig', 'data_provider');
    const noRole = await p.gql(BB, SEND, { title: 'Vom Datenlieferanten' }, provider);
    assert.match(noRole.body.errors[0].message, /role_push_notification/);
  });
});
