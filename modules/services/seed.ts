import type { SeedContext } from '../../core/registry/manifest.ts';
import { AREA_KEY } from './model/catalog.ts';
import { applyCatalog } from './store/apply-catalog.ts';
import { parseBundle } from './zufi/zufi-wire.ts';
import { mapZufiBundle } from './zufi/zufi-mapper.ts';
import { RunRecorder, recordSourceStatus } from './sync/run-log.ts';
import { areaView, loadFixtureUpstream } from './seed/zufi-fixture.ts';

/**
 * The demo municipalities' directory: the project's ZuFi fixture (seed/zufi/*.json, the same data
 * the fake ZuFi of the tests serves), as the upstream would answer for the tenant's official key,
 * mapped by the ZuFi adapter and stored as source `zufi` — without network, and with a run
 * (trigger `seed`) so the studio and the app show where the copy came from and how old it is.
 * ZuFi itself stays switched off: no real upstream is configured.
 */
export async function seedServices(ctx: SeedContext): Promise<void> {
  const area = ctx.tenant.officialKey;
  if (!AREA_KEY.test(area)) return;
  const run = await RunRecorder.start(ctx.db, 'zufi', 'seed', { live: false });
  if (!run) return;
  const warnings: string[] = [];
  const catalog = mapZufiBundle(parseBundle(areaView(loadFixtureUpstream(), area), (w) => warnings.push(w)), (w) => warnings.push(w));
  run.line(`Demo-Bestand aus den ZuFi-Beispieldaten für das Gebiet ${area}`);
  const { warnings: applyWarnings, ...counts } = await applyCatalog(ctx.db, 'zufi', catalog, { onProgress: (m) => run.line(m) });
  for (const w of [...warnings, ...applyWarnings]) run.line(w);
  await run.succeed(counts);
  await recordSourceStatus(ctx.db, 'zufi', new Date(), null);
}
