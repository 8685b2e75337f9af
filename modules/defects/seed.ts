import { z } from 'zod';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { readSeedJson } from '../../lib/seed-files.ts';
import { DefectSettings, saveDefectSettings } from './area/defect-settings.ts';
import { CategoryAttributes } from './model/category-attributes.ts';
import { REPORT_STATUSES, isOpen } from './model/statuses.ts';

const SeedFile = z.object({
  settings: DefectSettings,
  categories: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string(),
      keywords: z.array(z.string()),
      group: z.string(),
      agency: z.string(),
      teamEmail: z.string().email(),
      type: z.enum(['realtime', 'batch']).default('realtime'),
      attributes: CategoryAttributes,
    }),
  ),
  addresses: z.array(z.object({ street: z.string(), houseNumber: z.string(), zipcode: z.string(), city: z.string(), lat: z.number(), lng: z.number() })),
  reports: z.array(
    z.object({
      category: z.string(),
      title: z.string(),
      description: z.string(),
      street: z.number().int(),
      n: z.number().int(),
      daysAgo: z.number().int().min(0),
      status: z.enum(REPORT_STATUSES),
      notes: z.string(),
      attributes: z.record(z.string(), z.string()).default({}),
    }),
  ),
});

/** The demo municipality's categories, area, address register and a few reports in every state. */
export async function seedDefects(ctx: SeedContext): Promise<void> {
  const raw = readSeedJson<unknown>(ctx);
  if (!raw) return;
  const data = SeedFile.parse(raw);
  await saveDefectSettings(ctx.db, data.settings);
  const categoryIds = new Map<string, number>();
  for (const [i, c] of data.categories.entries()) {
    const row = await ctx.db
      .insertInto('defect_categories')
      .values({ code: c.code, name: c.name, description: c.description, keywords: c.keywords, group_name: c.group, agency: c.agency, team_email: c.teamEmail, type: c.type, attributes: JSON.stringify(c.attributes), position: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    categoryIds.set(c.code, row.id);
  }
  await ctx.db.insertInto('defect_addresses').values(data.addresses.map((a) => ({ street: a.street, house_number: a.houseNumber, zipcode: a.zipcode, city: a.city, lat: a.lat, lng: a.lng }))).execute();
  const streets = [...new Set(data.addresses.map((a) => a.street))];
  for (const r of data.reports) {
    const a = data.addresses.find((x) => x.street === streets[r.street] && x.houseNumber === String(r.n));
    if (!a) throw new Error(`seed: no address ${streets[r.street]} ${r.n}`);
    const at = new Date(Date.now() - r.daysAgo * 86_400_000);
    const changedAt = new Date(at.getTime() + 86_400_000 / 2);
    const row = await ctx.db
      .insertInto('defect_reports')
      .values({
        category_id: categoryIds.get(r.category),
        title: r.title,
        description: r.description,
        status: r.status,
        status_notes: r.notes,
        // A few metres beside the house, as a pin dropped on the street would be.
        lat: a.lat + 0.00008,
        lng: a.lng,
        address: `${a.street} ${a.houseNumber}, ${a.zipcode} ${a.city}`,
        zipcode: a.zipcode,
        attributes: JSON.stringify(r.attributes),
        moderation: 'approved',
        requested_at: at,
        updated_at: r.status === 'received' ? at : changedAt,
        closed_at: isOpen(r.status) ? null : changedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('defect_report_updates').values({ report_id: row.id, status: 'received', created_at: at }).execute();
    if (r.status !== 'received') await ctx.db.insertInto('defect_report_updates').values({ report_id: row.id, status: r.status, comment: r.notes, created_at: changedAt }).execute();
  }
}
