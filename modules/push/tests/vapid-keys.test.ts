import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatform } from '../../../core/app.ts';
import { loadConfig } from '../../../core/config.ts';
import { allModules } from '../../../server/modules.ts';
import { freshDatabase } from '../../../test/harness.ts';
import { ensureVapidKeys, vapidKeys } from '../vapid-keys.ts';

/** A platform configuration on a fresh database (PostgreSQL with TEST_DATABASE_URL, else a PGlite data dir). */
async function withFreshDatabase(fn: (config: ReturnType<typeof loadConfig>, postgres: boolean) => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-vapid-'));
  const fresh = process.env.TEST_DATABASE_URL ? await freshDatabase(process.env.TEST_DATABASE_URL) : undefined;
  try {
    await fn(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: fresh?.url, JOBS: 'off', LOG_LEVEL: 'silent' }), !!fresh);
  } finally {
    await fresh?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const keyRows = async (db: any) => db.selectFrom('push_vapid_keys').selectAll().execute();

describe('VAPID keys of the deployment', () => {
  it('are generated on the first start, kept in the database and the same after a restart', () =>
    withFreshDatabase(async (config) => {
      const first = await createPlatform(config, allModules);
      const keys = await vapidKeys(first.database.system);
      assert.equal(Buffer.from(keys.publicKey, 'base64url').length, 65);
      assert.equal(Buffer.from(keys.privateKey, 'base64url').length, 32);
      await first.close();

      const again = await createPlatform(config, allModules);
      assert.deepEqual(await vapidKeys(again.database.system), keys);
      assert.equal((await keyRows(again.database.system)).length, 1);
      await again.close();
    }));

  it('are created once when the initialisation runs twice at the same time (insert if absent, then read)', () =>
    withFreshDatabase(async (config, postgres) => {
      const platform = await createPlatform(config, allModules);
      try {
        const db = platform.database.system;
        await db.deleteFrom('push_vapid_keys').execute();
        const [a, b] = await Promise.all([ensureVapidKeys(db), ensureVapidKeys(db)]);
        assert.deepEqual(a, b);
        assert.equal((await keyRows(db)).length, 1);
        assert.deepEqual(await ensureVapidKeys(db), a, 'a later call keeps them');
        if (!postgres) return;
        // Two processes starting together on one PostgreSQL sign with the same pair.
        await db.deleteFrom('push_vapid_keys').execute();
        const [p1, p2] = await Promise.all([createPlatform(config, allModules), createPlatform(config, allModules)]);
        assert.deepEqual(await vapidKeys(p1.database.system), await vapidKeys(p2.database.system));
        assert.equal((await keyRows(db)).length, 1);
        await p1.close();
        await p2.close();
      } finally {
        await platform.close();
      }
    }));

  it('can be read, never written, with the rights of a tenant', () =>
    withFreshDatabase(async (config) => {
      const platform = await createPlatform(config, allModules);
      try {
        const tenant = await platform.tenants.create({ slug: 'bad-belzig', name: 'Bad Belzig (Test)', enabledModules: ['push'] });
        const db = platform.database.forTenant(tenant.id);
        assert.deepEqual(await vapidKeys(db), await vapidKeys(platform.database.system));
        await assert.rejects(db.updateTable('push_vapid_keys').set({ private_key: 'x' }).execute(), /permission denied/);
        await assert.rejects(db.deleteFrom('push_vapid_keys').execute(), /permission denied/);
      } finally {
        await platform.close();
      }
    }));
});
