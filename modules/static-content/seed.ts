import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { insertStaticContent } from './static-content-store.ts';

/**
 * Seeds `<seedDir>/<slug>/<name>[@<version>].{json,html}`. In JSON, "{{category:<name>}}"
 * stands for the id of that seeded category (ids are not known before seeding).
 */
export async function seedStaticContent(ctx: SeedContext): Promise<void> {
  const dir = path.join(ctx.seedDir, ctx.tenant.slug);
  if (!existsSync(dir)) return;
  const categories = await ctx.db.selectFrom('categories').select(['id', 'name']).execute();
  const categoryId = new Map(categories.map((c: { id: number; name: string }) => [c.name, String(c.id)]));
  for (const file of readdirSync(dir).sort()) {
    const m = /^(.+?)(?:@([\d.]+))?\.(json|html)$/.exec(file);
    if (!m) continue;
    let content = readFileSync(path.join(dir, file), 'utf8');
    content = content.replace(/\{\{category:([^}]+)\}\}/g, (_, name: string) => {
      const id = categoryId.get(name);
      if (!id) throw new Error(`${file}: unknown category "${name}"`);
      return id;
    });
    await insertStaticContent(ctx.db, { name: m[1], version: m[2] ?? null, dataType: m[3], content });
  }
}
