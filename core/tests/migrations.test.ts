import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatform } from '../app.ts';
import { loadConfig } from '../config.ts';
import { allModules } from '../../server/modules.ts';
import { freshDatabase } from '../../test/harness.ts';

const recorded = async (db: any): Promise<string[]> =>
  (await db.selectFrom('schema_migrations').select(['owner', 'id']).execute()).map((r: any) => `${r.owner}/${r.id}`);

/** Runs `fn` with a fresh database (PostgreSQL when TEST_DATABASE_URL is set, else a PGlite data dir). */
async function withFreshDatabase(fn: (env: { DATA_DIR: string; DATABASE_URL?: string }) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-mig-'));
  const fresh = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
  try {
    await fn({ DATA_DIR: dataDir, DATABASE_URL: fresh?.url });
  } finally {
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('Migrations', () => {
  it('are applied once and recorded; a restart applies nothing', () =>
    withFreshDatabase(async (env) => {
      const config = loadConfig({ ...env, JOBS: 'off', LOG_LEVEL: 'silent' });
      const first = await createPlatform(config, allModules);
      const applied = await recorded(first.database.system);
      assert.ok(applied.includes('core/001-tenancy-auth-jobs') && applied.includes('news/001-news-items'));
      await first.close();
      const again = await createPlatform(config, allModules);
      assert.deepEqual((await recorded(again.database.system)).sort(), applied.sort());
      await again.close();
    }));

  it('two processes starting together on one PostgreSQL apply them once (advisory lock)', () =>
    withFreshDatabase(async (env) => {
      const config = loadConfig({ ...env, JOBS: 'off', LOG_LEVEL: 'silent' });
      if (!env.DATABASE_URL) {
        // PGlite is single-process by design: the embedded data dir is opened by one server at a time.
        const a = await createPlatform(config, allModules);
        await a.close();
        const b = await createPlatform(config, allModules);
        const keys = await recorded(b.database.system);
        assert.equal(new Set(keys).size, keys.length);
        await b.close();
        return;
      }
      const [a, b] = await Promise.all([createPlatform(config, allModules), createPlatform(config, allModules)]);
      const keys = await recorded(a.database.system);
      assert.equal(new Set(keys).size, keys.length, 'no migration recorded twice');
      assert.ok(keys.includes('news/001-news-items'));
      await a.close();
      await b.close();
    }));
});
