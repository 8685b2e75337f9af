import type { Kysely } from 'kysely';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { readSeedJson } from '../../lib/seed-files.ts';

type SeedCategory = { name: string; iconName?: string; tagList?: string[]; children?: SeedCategory[] };

async function insertTree(db: Kysely<any>, nodes: SeedCategory[], parentId: number | null): Promise<void> {
  for (const [position, c] of nodes.entries()) {
    const row = await db
      .insertInto('categories')
      .values({ name: c.name, icon_name: c.iconName ?? null, tag_list: c.tagList ?? [], parent_id: parentId, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertTree(db, c.children ?? [], row.id);
  }
}

export async function seedCategories(ctx: SeedContext): Promise<void> {
  await insertTree(ctx.db, readSeedJson<SeedCategory[]>(ctx) ?? [], null);
}
