import type { SeedContext } from '../../core/registry/manifest.ts';
import { publishSeedMedia, readSeedJson } from '../../lib/seed-files.ts';
import { addressFrom, assignPartIds, contactFrom } from '../content-parts/parts.ts';

type SeedProvider = { key: string; name: string; dataType: string; description: string; notice?: string; logo?: string; address?: unknown; contact?: unknown };

export async function seedDataProviders(ctx: SeedContext): Promise<void> {
  const providers = readSeedJson<SeedProvider[]>(ctx) ?? [];
  for (const p of providers) {
    const parts = await assignPartIds(ctx.db, {
      logo: p.logo ? { url: publishSeedMedia(ctx, p.logo), description: `Logo ${p.name}` } : null,
      address: addressFrom(p.address),
      contact: contactFrom(p.contact),
    });
    await ctx.db
      .insertInto('data_providers')
      .values({
        name: p.name,
        data_type: p.dataType,
        description: p.description,
        notice: p.notice ?? null,
        logo: JSON.stringify(parts.logo),
        address: JSON.stringify(parts.address),
        contact: JSON.stringify(parts.contact),
      })
      .execute();
  }
}

/** Seed files of other modules refer to providers by key; this maps keys to ids. */
export async function dataProviderIdsByKey(ctx: SeedContext): Promise<Map<string, number>> {
  const providers = readSeedJson<SeedProvider[]>({ ...ctx, seedDir: new URL('./seed', import.meta.url).pathname }) ?? [];
  const rows = await ctx.db.selectFrom('data_providers').select(['id', 'name']).execute();
  const idByName = new Map(rows.map((r: { id: number; name: string }) => [r.name, r.id]));
  return new Map(providers.filter((p) => idByName.has(p.name)).map((p) => [p.key, idByName.get(p.name)!]));
}
