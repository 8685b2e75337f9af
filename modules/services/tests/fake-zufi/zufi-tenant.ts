import type { Kysely } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../../test/harness.ts';
import type { Tenant } from '../../../../core/tenancy/tenant.ts';
import { saveZufiSettings, ZufiSettingsInput } from '../../settings/zufi-settings.ts';
import { startFakeZufi, type FakeZufi } from './fake-zufi-server.ts';

/** The key the fake accepts in the tests; long and distinctive, so a leak is easy to find. */
export const FAKE_KEY = 'zufi-test-key-7f3a9c1e5b';

/** A fresh tenant (no seeded services) with ZuFi pointed at the fake. */
export async function zufiTenant(
  p: TestPlatform,
  fake: FakeZufi,
  opts: { slug: string; areaId?: string; apiKey?: string; enabled?: boolean },
): Promise<{ tenant: Tenant; db: Kysely<any> }> {
  const areaId = opts.areaId ?? '120690017017';
  const tenant = await p.tenants.create({ slug: opts.slug, name: opts.slug, officialKey: areaId, enabledModules: p.modules.map((m) => m.name) });
  const db = p.database.forTenant(tenant.id);
  await saveZufiSettings(db, ZufiSettingsInput.parse({ enabled: opts.enabled ?? true, baseUrl: fake.url, apiKey: opts.apiKey ?? FAKE_KEY, areaId, language: 'de_DE', syncIntervalHours: 24 }));
  return { tenant, db };
}

/** A logger that keeps what it is given, for asserting on log output. */
export function captureLog() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(JSON.stringify(args));
  return { lines, log: { info: keep, warn: keep, error: keep, debug: keep, child: () => captureLog().log } as any };
}

export type ZufiTest = { p: TestPlatform; fake: FakeZufi; db: Kysely<any>; tenantId: number; close(): Promise<void> };

/** A test platform, a fake ZuFi and a fresh tenant pointed at it; `close` ends both. */
export async function startZufiTest(slug: string, fakeOpts: { cacheControl?: string | null } = {}): Promise<ZufiTest> {
  const p = await startTestPlatform();
  const fake = await startFakeZufi({ apiKey: FAKE_KEY, ...fakeOpts });
  const { db, tenant } = await zufiTenant(p, fake, { slug });
  return {
    p,
    fake,
    db,
    tenantId: tenant.id,
    close: async () => {
      await fake.close();
      await p.close();
    },
  };
}
