import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDatabase } from '../../test/harness.ts';

describe('Administration CLI', () => {
  it('creates a municipality, an account and an OAuth application whose credentials work', async (t) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-cli-'));
    const fresh = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
    t.after(async () => {
      await fresh?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: fresh?.url ?? '', LOG_LEVEL: 'silent' };
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env, encoding: 'utf8' });

    const created = cli('tenant:create', '--slug', 'testdorf', '--name', 'Testdorf', '--modules', 'news');
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /modules: news, content-parts, categories, data-providers/);
    assert.equal(cli('account:create', '--tenant', 'testdorf', '--email', 'import@testdorf.de', '--role', 'data_provider').status, 0);
    const app = cli('app:create', '--tenant', 'testdorf', '--email', 'import@testdorf.de', '--name', 'Importer');
    assert.equal(app.status, 0, app.stderr);
    const clientId = /client_id:\s+(\S+)/.exec(app.stdout)?.[1];
    const clientSecret = /client_secret:\s+(\S+)/.exec(app.stdout)?.[1];
    assert.ok(clientId && clientSecret);

    const bad = cli('account:create', '--tenant', 'nowhere', '--email', 'x@y.de', '--role', 'editor');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /No municipality with the slug "nowhere"/);
    const badRole = cli('account:create', '--tenant', 'testdorf', '--email', 'x@y.de', '--role', 'king');
    assert.match(badRole.stderr, /--role must be one of/);

    // The printed credentials get a token from the server.
    const { createPlatform } = await import('../../core/app.ts');
    const { loadConfig } = await import('../../core/config.ts');
    const { allModules } = await import('../modules.ts');
    const p = await createPlatform(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: fresh?.url, JOBS: 'off', LOG_LEVEL: 'silent' }), allModules);
    t.after(() => p.close());
    const res = await p.http.inject({ method: 'POST', url: '/oauth/token', headers: { host: 'testdorf.localhost' }, payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
    assert.equal(res.statusCode, 200);
  });
});
