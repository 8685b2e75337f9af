import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { expoContext, sendExpoBatch } from '../expo/expo-client.ts';
import type { ExpoMessage } from '../expo/expo-wire.ts';
import { LocalExpoService } from './local-expo-service.ts';

const batch = (prefix: string): ExpoMessage[] => Array.from({ length: 100 }, (_, i) => ({ to: `ExponentPushToken[${prefix}-${i}]`, title: 'Hallo', body: 'Text' }));

/** Starts at the beginning of a second, so that n full windows take at least n − 1 seconds. */
async function atSecondStart(): Promise<void> {
  await sleep(1000 - (Date.now() % 1000));
}

const windows = async (db: Kysely<any>) =>
  (await db.selectFrom('push_rate_windows').select(['second', 'used']).where('channel', '=', 'expo').orderBy('second').execute()).map((r) => Number(r.used));

describe('Expo rate across processes (push_rate_windows)', () => {
  let p: TestPlatform;
  /** On PostgreSQL a second platform on the same database: another server process. */
  let other: TestPlatform | undefined;
  let service: LocalExpoService;
  let tenantDbs: [Kysely<any>, Kysely<any>];

  before(async () => {
    p = await startTestPlatform({ seed: false });
    const bb = await p.tenants.create({ slug: 'bad-belzig', name: 'Bad Belzig (Test)', enabledModules: ['push'] });
    const wb = await p.tenants.create({ slug: 'wiesenburg', name: 'Wiesenburg/Mark (Test)', enabledModules: ['push'] });
    if (p.databaseUrl) other = await startTestPlatform({ seed: false, databaseUrl: p.databaseUrl });
    // Jobs send with their tenant's rights: the gate must work with tenant-bound handles.
    tenantDbs = [p.database.forTenant(bb.id), (other ?? p).database.forTenant(wb.id)];
    service = await LocalExpoService.start();
  });
  after(async () => {
    await service.close();
    await other?.close();
    await p.close();
  });
  const config = (expoRate: number) => ({ ...p.config.push, expoUrl: service.url, expoRate });
  const clear = () => p.database.system.deleteFrom('push_rate_windows').execute();

  it('keeps two concurrent senders together within the limit: 600 messages at 200/s take three seconds', async () => {
    await clear();
    const received = service.received.length;
    const send = async (db: Kysely<any>, name: string) => {
      const ctx = expoContext(config(200), db);
      for (let i = 0; i < 3; i++) await sendExpoBatch(ctx, batch(`${name}${i}`));
    };
    await atSecondStart();
    const started = Date.now();
    await Promise.all([send(tenantDbs[0], 'a'), send(tenantDbs[1], 'b')]);
    const elapsed = Date.now() - started;

    assert.equal(service.received.length - received, 600);
    assert.ok(elapsed >= 1900, `took ${elapsed} ms; 200/s allows 600 in no less than three windows`);
    assert.deepEqual(await windows(p.database.system), [200, 200, 200], 'both senders counted into the same rows');
  });

  it('spreads a batch larger than the limit over several seconds', async () => {
    await clear();
    await atSecondStart();
    const started = Date.now();
    await sendExpoBatch(expoContext(config(40), tenantDbs[0]), batch('small'));
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1900, `took ${elapsed} ms; 100 messages at 40/s need three windows`);
    assert.deepEqual(await windows(p.database.system), [40, 40, 20]);
  });

  it('drops windows older than a minute as it goes', async () => {
    await clear();
    await sql`INSERT INTO push_rate_windows (channel, second, used) VALUES ('expo', date_trunc('second', now()) - interval '2 minutes', 5), ('web', date_trunc('second', now()) - interval '2 minutes', 5)`.execute(p.database.system);
    await sendExpoBatch(expoContext(config(600), tenantDbs[1]), batch('prune'));
    assert.deepEqual(await windows(p.database.system), [100]);
    const web = await p.database.system.selectFrom('push_rate_windows').select('used').where('channel', '=', 'web').execute();
    assert.equal(web.length, 1, 'another channel’s rows are its own');
  });

  it('does not ask the database when the rate is unlimited (the local endpoint of the benchmark)', async () => {
    await clear();
    const started = Date.now();
    const ctx = expoContext(config(Infinity), tenantDbs[0]);
    for (let i = 0; i < 10; i++) await sendExpoBatch(ctx, batch(`free${i}`));
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(await windows(p.database.system), []);
  });
});
