import type { SeedContext } from '../../core/registry/manifest.ts';
import { readSeedJson } from '../../lib/seed-files.ts';
import { checkedDataResourceType, checkedFilterConfig } from './filter-config.ts';
import { saveResourceFilter } from './resolvers.ts';

/** Demo filter configurations from `seed/<slug>.json`, checked like the mutation's input. */
export async function seedResourceFilters(ctx: SeedContext): Promise<void> {
  const entries = readSeedJson<Array<{ dataResourceType: string; config: unknown }>>(ctx) ?? [];
  for (const e of entries) await saveResourceFilter(ctx.db, checkedDataResourceType(e.dataResourceType), checkedFilterConfig(e.config));
}
