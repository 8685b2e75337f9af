import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeZufi, type FakeZufi } from './fake-zufi/fake-zufi-server.ts';
import { FAKE_KEY } from './fake-zufi/zufi-tenant.ts';
import { ZufiClient, type ZufiClientOptions } from '../zufi/zufi-client.ts';
import { zufiFailureOf } from '../zufi/zufi-error.ts';
import { parseCacheControl } from '../zufi/cache-control.ts';

const AREA = { areaId: '120690017017' };

describe('ZuFi client', () => {
  let fake: FakeZufi;
  before(async () => {
    fake = await startFakeZufi({ apiKey: FAKE_KEY });
  });
  after(() => fake.close());

  const client = (opts: ZufiClientOptions = {}, apiKey = FAKE_KEY) => new ZufiClient({ baseUrl: fake.url, apiKey, language: 'de_DE' }, { backoffMs: 5, ...opts });
  /** Runs `fn` and returns the rejection, with how many requests reached the fake. */
  const failure = async (fn: () => Promise<unknown>) => {
    const before = fake.requests.length;
    const err = await fn().then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e as Error,
    );
    return { err, reason: zufiFailureOf(err), requests: fake.requests.length - before };
  };

  it('sends the headers ZuFi requires and reads lists, totals and Cache-Control', async () => {
    fake.set({ mode: 'ok' });
    const res = await client().get('/pst/find', { ...AREA, searchWord: 'ausweis', offset: 0, limit: 500 });
    const req = fake.requests.at(-1)!;
    assert.equal(req.headers['api_key'], FAKE_KEY);
    assert.equal(req.headers['accept-language'], 'de_DE');
    assert.equal(req.headers['accept'], 'application/json');
    assert.equal(req.query.get('searchWord'), 'ausweis');
    const body = res.body as { count: number; results: { object: { name: string } }[] };
    assert.ok(body.results.some((r) => r.object.name === 'Personalausweis beantragen'));
    assert.equal(res.totalCount, body.count);
    assert.deepEqual(res.freshness, { kind: 'max-age', seconds: 3600 });
  });

  it('fails at once on a rejected key, in German, without the key the upstream echoed', async () => {
    const wrong = 'falscher-schluessel-0815';
    const { err, reason, requests } = await failure(() => client({ retries: 5 }, wrong).get('/pst/find', AREA));
    assert.equal(reason, 'unauthorized');
    assert.equal(requests, 1, 'no retry on 401');
    assert.match(err.message, /^API-Schlüssel wurde abgelehnt \(401\)/);
    assert.ok(!err.message.includes(wrong));
  });

  it('retries 5xx with back-off and gives up after the last try', async () => {
    fake.set({ mode: 'error500', failTimes: 2 });
    const ok = await client({ retries: 2 }).get('/pstCategory/find');
    assert.ok((ok.body as { results: unknown[] }).results.length > 0);
    fake.set({ mode: 'error500' });
    const { err, reason, requests } = await failure(() => client({ retries: 2 }).get('/pstCategory/find'));
    assert.equal(reason, 'upstream_error');
    assert.equal(requests, 3);
    assert.match(err.message, /Serverfehler \(500/);
  });

  it('waits as long as Retry-After says on 429, and does not wait longer than allowed', async () => {
    fake.set({ mode: 'rate-limited', failTimes: 1, retryAfter: 1 });
    const start = Date.now();
    await client({ retries: 1 }).get('/pstCategory/find');
    assert.ok(Date.now() - start >= 950, `waited ${Date.now() - start} ms`);
    fake.set({ mode: 'rate-limited', retryAfter: 120 });
    const { reason, requests } = await failure(() => client({ retries: 3, maxRetryAfterMs: 5000 }).get('/pstCategory/find'));
    assert.equal(reason, 'rate_limited');
    assert.equal(requests, 1);
  });

  it('times out a slow upstream and reports an unreachable one', async () => {
    fake.set({ mode: 'slow', slowMs: 2000 });
    const slow = await failure(() => client({ timeoutMs: 150, retries: 1 }).get('/pstCategory/find'));
    assert.equal(slow.reason, 'timeout');
    assert.equal(slow.requests, 2);
    assert.match(slow.err.message, /nicht innerhalb von 0,15 s/);
    fake.set({ mode: 'ok' });
    await fake.down();
    try {
      const down = await failure(() => client({ retries: 1 }).get('/pstCategory/find'));
      assert.equal(down.reason, 'network');
      assert.match(down.err.message, /nicht erreichbar/);
    } finally {
      await fake.up();
    }
  });

  it('reports malformed JSON and unknown paths', async () => {
    fake.set({ mode: 'malformed' });
    assert.equal((await failure(() => client().get('/pstCategory/find'))).reason, 'malformed');
    fake.set({ mode: 'ok' });
    assert.equal((await failure(() => client().get('/pst/99999999', AREA))).reason, 'not_found');
  });
});

describe('Cache-Control', () => {
  it('prefers s-maxage, and treats no-store, no-cache, private and zero ages as "revalidate"', () => {
    assert.deepEqual(parseCacheControl('public, max-age=600, s-maxage=60'), { kind: 'max-age', seconds: 60 });
    assert.deepEqual(parseCacheControl('max-age=86400'), { kind: 'max-age', seconds: 86400 });
    for (const h of ['no-store', 'no-cache', 'private, max-age=600', 'max-age=0']) assert.deepEqual(parseCacheControl(h), { kind: 'revalidate' }, h);
    assert.deepEqual(parseCacheControl(null), { kind: 'unknown' });
    assert.deepEqual(parseCacheControl('public'), { kind: 'unknown' });
  });
});
