import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'node:http';
import { freshDatabase } from '../../test/harness.ts';

/** A plain HTTP request (fetch may not set the Host header). */
function httpRequest(port: number, opts: { path: string; method?: string; host: string; body?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: opts.path, method: opts.method ?? 'GET', headers: { host: opts.host, 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer to ${opts.path} within 30 s`)));
    req.end(opts.body);
  });
}

/** Starts `npm start`'s entry point as a real process and returns its printed port. */
function startServer(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const port = new Promise<number>((resolve, reject) => {
    // Generous: a first start migrates and seeds, slow on a loaded 2-core machine; a hang still fails.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 180_000);
    child.stdout.on('data', () => {
      const m = /Default municipality:\s+http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exit, output: () => out };
}

describe('npm start', () => {
  // Generous timeout: the machine may be busy with other test files; a hang must fail, not stall CI.
  it('seeds the demo on first start, serves it, and shuts down cleanly on SIGTERM', { timeout: 300_000 }, async (t) => {
    // Hooks run in order: stop any leftover server before its database is dropped.
    const children: Array<ReturnType<typeof startServer>['child']> = [];
    t.after(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-start-'));
    const fresh = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
    t.after(async () => {
      await fresh?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: fresh?.url ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };

    const first = startServer(env);
    children.push(first.child);
    const port = await first.port;
    assert.match(first.output(), /Bad Belzig \(Demo\)\s+http:\/\/bad-belzig\.localhost:\d+\/\s+API: http:\/\/bad-belzig\.localhost:\d+\/graphql/);
    const res = await httpRequest(port, { path: '/graphql', method: 'POST', host: 'bad-belzig.localhost', body: JSON.stringify({ query: '{ newsItemsCount }' }) });
    assert.equal(res.status, 200);
    assert.ok(JSON.parse(res.body).data.newsItemsCount >= 40);
    // Logs are JSON lines with a request id (pino writes them asynchronously: wait for the line).
    for (let i = 0; i < 100 && !/"reqId":"[0-9a-f-]{36}"/.test(first.output()); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(first.output(), /"reqId":"[0-9a-f-]{36}"/);

    const inFlight = httpRequest(port, { path: `/graphql?query=${encodeURIComponent('{ categories { id name newsItemsCount } }')}`, host: 'bad-belzig.localhost' });
    await new Promise((r) => setTimeout(r, 20)); // let the request reach the server
    first.child.kill('SIGTERM');
    assert.equal((await inFlight).status, 200, 'a request received before SIGTERM is answered');
    assert.equal(await first.exit, 0);
    assert.match(first.output(), /shutting down/);

    // The database was closed cleanly: a second start reopens it and does not seed again.
    const second = startServer(env);
    children.push(second.child);
    await second.port;
    assert.doesNotMatch(second.output(), /seeded the demo/);
    second.child.kill('SIGTERM');
    assert.equal(await second.exit, 0);
  });
});
