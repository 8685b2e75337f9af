import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { ExpoRequestError, fetchExpoReceipts, sendExpoBatch, type ExpoContext } from '../expo/expo-client.ts';
import { expoOutcome } from '../expo/expo-outcome.ts';
import type { ExpoMessage } from '../expo/expo-wire.ts';
import { LocalExpoService } from './local-expo-service.ts';

const ACCESS_TOKEN = 'expo-access-token-for-tests';
const token = (i: number | string) => `ExponentPushToken[test-${i}]`;
const message = (to: string, extra: Partial<ExpoMessage> = {}): ExpoMessage => ({ to, title: 'Straßenfest', body: 'Am Samstag ab 14 Uhr', data: { url: '/news/1' }, sound: 'default', ttl: 3600, priority: 'high', ...extra });

/** Counts what the client takes from the rate; the real gate is tested in expo-rate-gate.test.ts. */
function contextFor(service: LocalExpoService, overrides: Partial<ExpoContext> = {}): ExpoContext & { taken: number[] } {
  const taken: number[] = [];
  return { config: { expoUrl: service.url, expoAccessToken: ACCESS_TOKEN }, takeRate: async (n) => void taken.push(n), taken, ...overrides };
}

describe('Expo push client against the local Expo service', () => {
  let service: LocalExpoService;
  before(async () => {
    service = await LocalExpoService.start({ accessToken: ACCESS_TOKEN });
  });
  after(() => service.close());

  it('sends a batch as one POST <base>/send with the JSON array and Expo’s headers, and returns the tickets in order', async () => {
    const before = service.requests.length;
    const messages = [message(token('a')), message(token('b'), { channelId: 'news', data: undefined }), message(token('c'), { sound: null, priority: 'normal' })];
    const ctx = contextFor(service);
    const tickets = await sendExpoBatch(ctx, messages);

    const requests = service.requests.slice(before);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.path, '/send');
    assert.equal(requests[0]!.headers.accept, 'application/json');
    assert.equal(requests[0]!.headers['accept-encoding'], 'gzip, deflate');
    assert.equal(requests[0]!.headers['content-type'], 'application/json');
    assert.equal(requests[0]!.headers.authorization, `Bearer ${ACCESS_TOKEN}`);
    assert.deepEqual(ctx.taken, [3], 'the three messages were taken from the rate before sending');

    const received = service.received.slice(-3);
    assert.deepEqual(received.map((r) => r.message), JSON.parse(JSON.stringify(messages)));
    assert.deepEqual(tickets, received.map((r) => ({ status: 'ok', id: r.ticketId })));
    assert.deepEqual(await sendExpoBatch(ctx, []), [], 'nothing to send asks nobody');
    assert.equal(service.requests.length, before + 1);
  });

  it('refuses more than 100 messages before any request; the service refuses them too, as Expo does', async () => {
    const before = service.requests.length;
    const many = Array.from({ length: 101 }, (_, i) => message(token(i)));
    await assert.rejects(sendExpoBatch(contextFor(service), many), RangeError);
    assert.equal(service.requests.length, before);

    const res = await fetch(`${service.url}/send`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` }, body: JSON.stringify(many) });
    assert.equal(res.status, 400);
    assert.equal((await res.json()).errors[0].code, 'PUSH_TOO_MANY_NOTIFICATIONS');
  });

  it('does not retry what Expo refuses for good: a wrong access token, a recipient that is no Expo push token', async () => {
    const before = service.requests.length;
    const wrongToken = contextFor(service, { config: { expoUrl: service.url, expoAccessToken: 'wrong' } });
    const unauthorized = await sendExpoBatch(wrongToken, [message(token('x'))]).catch((e) => e);
    assert.ok(unauthorized instanceof ExpoRequestError);
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.retryable, false);

    const invalid = await sendExpoBatch(contextFor(service), [message('not-a-token')]).catch((e) => e);
    assert.ok(invalid instanceof ExpoRequestError);
    assert.equal(invalid.status, 400);
    assert.equal(invalid.code, 'VALIDATION_ERROR');
    assert.match(invalid.message, /not an Expo push token/);
    assert.equal(service.requests.length, before + 2, 'one request each');
  });

  it('retries 429 after the Retry-After Expo names, taking the rate again for each attempt', async () => {
    const before = service.requests.length;
    service.failNext(2, 429, 1);
    const ctx = contextFor(service);
    const started = Date.now();
    const tickets = await sendExpoBatch(ctx, [message(token('busy'))]);
    const waited = Date.now() - started;

    assert.equal(tickets[0]!.status, 'ok');
    assert.ok(waited >= 1990, `waited ${waited} ms, Retry-After asked for 2 × 1 s`);
    assert.deepEqual(service.requests.slice(before).map((r) => r.status), [429, 429, 200]);
    assert.deepEqual(ctx.taken, [1, 1, 1]);
    assert.equal(service.messagesFor(token('busy')).length, 1);
  });

  it('retries 5xx with back-off, and after the last attempt fails with an error the job queue may retry', async () => {
    const retry = { attempts: 3, baseDelayMs: 20 };
    let before = service.requests.length;
    service.failNext(1, 502);
    assert.equal((await sendExpoBatch(contextFor(service, { retry }), [message(token('flaky'))]))[0]!.status, 'ok');
    assert.deepEqual(service.requests.slice(before).map((r) => r.status), [502, 200]);

    before = service.requests.length;
    service.failNext(5, 503);
    const down = await sendExpoBatch(contextFor(service, { retry }), [message(token('down'))]).catch((e) => e);
    service.failNext(0, 503);
    assert.ok(down instanceof ExpoRequestError);
    assert.equal(down.status, 503);
    assert.equal(down.retryable, true);
    assert.equal(service.requests.length - before, 3, 'three attempts, as configured');
    assert.equal(service.messagesFor(token('down')).length, 0);
  });

  it('gives up at once when Retry-After is longer than a job should wait', async () => {
    const before = service.requests.length;
    service.failNext(1, 429, 120);
    const started = Date.now();
    const err = await sendExpoBatch(contextFor(service), [message(token('later'))]).catch((e) => e);
    assert.ok(err instanceof ExpoRequestError && err.status === 429 && err.retryable);
    assert.ok(Date.now() - started < 1000);
    assert.equal(service.requests.length - before, 1);
  });

  it('retries when Expo cannot be reached, then reports a network error', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const ctx = contextFor(service, { config: { expoUrl: `http://127.0.0.1:${closedPort}/--/api/v2/push` }, retry: { attempts: 2, baseDelayMs: 10 } });
    const err = await sendExpoBatch(ctx, [message(token('nowhere'))]).catch((e) => e);
    assert.ok(err instanceof ExpoRequestError);
    assert.equal(err.code, 'NETWORK');
    assert.equal(err.retryable, true);
    assert.deepEqual(ctx.taken, [1, 1], 'two attempts');
  });

  it('classifies tickets and receipts: delivered, device gone (in the ticket or only in the receipt), too big', async () => {
    service.unregister(token('gone-now'), 'ticket');
    service.unregister(token('gone-later'), 'receipt');
    const messages = [message(token('fine')), message(token('gone-now')), message(token('gone-later')), message(token('big'), { body: 'x'.repeat(5000) })];
    const tickets = await sendExpoBatch(contextFor(service), messages);
    assert.deepEqual(tickets.map(expoOutcome), ['sent', 'removed', 'sent', 'failed']);
    assert.deepEqual(tickets[1], {
      status: 'error',
      message: `"${token('gone-now')}" is not a registered push notification recipient`,
      details: { error: 'DeviceNotRegistered', expoPushToken: token('gone-now') },
    });

    const ids = tickets.flatMap((t) => (t.status === 'ok' ? [t.id] : []));
    const receipts = await fetchExpoReceipts(contextFor(service), [...ids, 'unknown-ticket-id']);
    assert.deepEqual([...receipts.keys()], ids, 'unknown ids are absent');
    assert.deepEqual(ids.map((id) => expoOutcome(receipts.get(id)!)), ['sent', 'removed']);
    assert.equal(service.requests.at(-1)!.path, '/getReceipts');
    assert.equal(service.requests.at(-1)!.headers.authorization, `Bearer ${ACCESS_TOKEN}`);
  });

  it('asks for receipts 1000 ids at a time', async () => {
    const ctx = contextFor(service);
    const ids: string[] = [];
    for (let b = 0; b < 15; b++) {
      const tickets = await sendExpoBatch(ctx, Array.from({ length: 100 }, (_, i) => message(token(`r${b}-${i}`))));
      for (const t of tickets) if (t.status === 'ok') ids.push(t.id);
    }
    const before = service.requests.length;
    const receipts = await fetchExpoReceipts(ctx, ids);
    assert.equal(receipts.size, 1500);
    assert.ok([...receipts.values()].every((r) => expoOutcome(r) === 'sent'));
    assert.deepEqual(service.requests.slice(before).map((r) => r.status), [200, 200]);
  });
});

describe('Expo outcomes', () => {
  it('map Expo’s error codes to what the sender does', () => {
    const error = (code?: string) => ({ status: 'error' as const, message: 'x', details: code ? { error: code } : undefined });
    assert.equal(expoOutcome({ status: 'ok', id: 'a' }), 'sent');
    assert.equal(expoOutcome({ status: 'ok' }), 'sent');
    assert.equal(expoOutcome(error('DeviceNotRegistered')), 'removed');
    assert.equal(expoOutcome(error('MessageRateExceeded')), 'retry');
    for (const code of ['MessageTooBig', 'InvalidCredentials', 'MismatchSenderId', 'SomethingNew', undefined]) assert.equal(expoOutcome(error(code)), 'failed', String(code));
  });
});
