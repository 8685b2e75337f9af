import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, startTestPlatform, type TestPlatform } from '../../test/harness.ts';

describe('HTTP basics', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform()));
  after(() => p.close());

  it('answers /health and /ready', async () => {
    const health = await p.http.inject({ url: '/health' });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(health.json(), { status: 'ok' });
    const ready = await p.http.inject({ url: '/ready' });
    assert.equal(ready.statusCode, 200);
    assert.equal(ready.json().status, 'ready');
  });

  it('exposes Prometheus metrics with route labels and job queue depth', async () => {
    await p.gql(BB, '{ categories(limit: 1) { id } }');
    const res = await p.http.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/plain/);
    assert.match(res.body, /http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    assert.match(res.body, /http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/graphql"\}/);
    assert.match(res.body, /job_queue_depth\{status="queued"\} \d+/);
  });

  it('sends security headers and a request id', async () => {
    const res = await p.http.inject({ url: '/health', headers: { 'x-request-id': 'abc-123' } });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['strict-transport-security']);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  it('answers 204 for the app reachability check', async () => {
    const res = await p.http.inject({ url: '/generate_204' });
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
  });

  it('rejects malformed JSON with 400 and a readable message', async () => {
    const res = await p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json' }, payload: '{"query": ' });
    assert.equal(res.statusCode, 400);
    assert.match(JSON.stringify(res.json()), /not valid JSON/);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
  });

  it('rejects bodies over 1 MiB with 413', async () => {
    const res = await p.http.inject({ method: 'POST', url: '/graphql', headers: { host: BB, 'content-type': 'application/json' }, payload: JSON.stringify({ query: `{ categories { id } }`, pad: 'x'.repeat(1024 * 1024 + 10) }) });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /too large/);
  });

  it('tells a browser in German, on a page, when a posted form is too large', async () => {
    const res = await p.http.inject({
      method: 'POST',
      url: '/studio/inhalte/news/neu',
      headers: { host: BB, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html,application/xhtml+xml', referer: `http://${BB}/studio/inhalte/news/neu` },
      payload: `title=${'x'.repeat(1024 * 1024 + 10)}`,
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /Die gesendeten Daten sind zu groß/);
    assert.match(res.body, /href="\/studio\/inhalte\/news\/neu"/, 'a link back to the form');
    const english = await p.http.inject({ method: 'POST', url: '/studio/x', headers: { host: BB, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'accept-language': 'en-GB,en;q=0.8', referer: 'https://evil.example/x' }, payload: `a=${'x'.repeat(1024 * 1024 + 10)}` });
    assert.match(english.body, /The data sent is too large/);
    assert.match(english.body, /href="\/"/, 'no link back to a foreign site');
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await p.http.inject({ url: '/no/such/thing' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  it('allows cross-origin calls as the mainserver does', async () => {
    const res = await p.http.inject({ method: 'OPTIONS', url: '/graphql', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });
});
