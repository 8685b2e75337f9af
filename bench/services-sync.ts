import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPlatform } from '../core/app.ts';
import { loadConfig } from '../core/config.ts';
import { allModules } from '../server/modules.ts';
import { saveZufiSettings, ZufiSettingsInput } from '../modules/services/settings/zufi-settings.ts';
import { runZufiSync, type SyncOutcome } from '../modules/services/sync/sync-job.ts';
import { startFakeZufi } from '../modules/services/tests/fake-zufi/fake-zufi-server.ts';
import { generatedUpstream } from '../modules/services/tests/fake-zufi/generated-upstream.ts';
import { table } from './report.ts';

/**
 * Issue 7: a full ZuFi sync of a large municipality from the local fake upstream (services and
 * authorities generated in the wire format, deterministic), into a fresh tenant, end to end:
 * paged HTTP fetches, checks, mapping, sanitising, the store's transaction. Then the same sync
 * again, when nothing changed upstream. The fake runs in the same process, so its JSON work counts
 * against the figure. BENCH_SYNC_SERVICES (3,000) and BENCH_SYNC_AUTHORITIES (500).
 */
export const SYNC_TARGET_SECONDS = 60;
const AREA = '120690017017';
const KEY = 'bench-zufi-key-0000000000';

const silent = { info: () => {}, warn: () => {} };

export async function runServicesSyncBench(services: number, authorities: number, log: (l: string) => void): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dorfplatz-sync-bench-'));
  const fake = await startFakeZufi({ apiKey: KEY, data: generatedUpstream(services, authorities, AREA) });
  const platform = await createPlatform(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: process.env.DATABASE_URL, JOBS: 'off', LOG_LEVEL: 'silent', SEED_DEMO: 'off' }), allModules);
  try {
    const tenant = await platform.tenants.create({ slug: 'sync-bench', name: 'Sync-Benchmark', officialKey: AREA, enabledModules: allModules.map((m) => m.name) });
    const db = platform.database.forTenant(tenant.id);
    await saveZufiSettings(db, ZufiSettingsInput.parse({ enabled: true, baseUrl: fake.url, apiKey: KEY, areaId: AREA, syncIntervalHours: 24 }));

    const timed = async (label: string): Promise<{ seconds: number; outcome: SyncOutcome }> => {
      log(`services sync: ${label} …`);
      const start = performance.now();
      const since = () => ((performance.now() - start) / 1000).toFixed(1).padStart(5);
      const outcome = await runZufiSync(db, { trigger: 'studio' }, silent, { onProgress: (m) => log(`  ${since()} s  ${m}`) });
      if (outcome.status !== 'succeeded') throw new Error(`the ${label} did not succeed: ${JSON.stringify(outcome)}`);
      return { seconds: (performance.now() - start) / 1000, outcome };
    };
    const full = await timed(`full sync of ${services} services and ${authorities} authorities into a fresh tenant`);
    const again = await timed('the same sync again, nothing changed upstream');
    const counts = (o: SyncOutcome) => (o.status === 'succeeded' ? `${o.counts.services.added} new, ${o.counts.services.changed} changed, ${o.counts.services.unchanged} unchanged` : '–');
    const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    return [
      '',
      `ZuFi sync (issue 7): ${services} services, ${authorities} authorities from the local fake upstream (same process, pages of 500), ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`,
      table(
        ['', 'seconds', 'services', 'target', ''],
        [
          ['full sync, fresh tenant', full.seconds.toFixed(1), counts(full.outcome), `≤ ${SYNC_TARGET_SECONDS} s`, mark(full.seconds <= SYNC_TARGET_SECONDS)],
          ['resync, no change', again.seconds.toFixed(1), counts(again.outcome), '', ''],
        ],
      ),
      '',
    ].join('\n');
  } finally {
    await platform.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
