import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { publishSeedMedia, readSeedJson } from '../../lib/seed-files.ts';
import { dataProviderIdsByKey } from '../data-providers/seed.ts';
import { upsertEventRecord } from './event-upsert.ts';
import { berlinToday, scheduleHorizonJob } from './occurrences.ts';
import { addDays } from './recurrence.ts';

export type SeedCategory = { name: string; iconName?: string; children?: SeedCategory[] };
/** A date relative to the day of seeding, so the demo stays current. */
type SeedDate = { inDays: number; untilInDays?: number; timeStart?: string; timeEnd?: string; timeDescription?: string; useOnlyTimeDescription?: boolean; weekday?: string };
type SeedImage = { image: string; captionText?: string; copyright?: string };
type SeedEvent = {
  externalId: string;
  title: string;
  description: string;
  dataProvider: string;
  categories: string[];
  dates: SeedDate[];
  recurring?: { type: number; interval?: number; weekdays?: number[] };
  images?: SeedImage[];
  region?: string;
  tags?: string[];
  [nested: string]: unknown;
};
type SeedFile = { categories: SeedCategory[]; events: SeedEvent[] };

/** Demo images are the news module's; they are published under /media/demo. */
const newsSeedDir = fileURLToPath(new URL('../news/seed', import.meta.url));

/**
 * Extends the category tree by name with the seed file's `categories`: new ones are created
 * under their parent, existing ones (e.g. from the news seed) keep their place; all of them get
 * the `event_record` tag. Events may also name any existing category; unknown names are created
 * by the upsert, as an import would.
 */
export async function ensureEventCategories(db: Kysely<any>, nodes: SeedCategory[], parentId: number | null = null): Promise<void> {
  for (const [position, c] of nodes.entries()) {
    await sql`INSERT INTO categories (name, icon_name, tag_list, parent_id, position)
      VALUES (${c.name}, ${c.iconName ?? null}, ${['event_record']}::text[], ${parentId}, ${position})
      ON CONFLICT (tenant_id, lower(name)) DO UPDATE SET tag_list = ARRAY(SELECT DISTINCT unnest(categories.tag_list || '{event_record}'::text[]) ORDER BY 1)`.execute(db);
    const row = await db.selectFrom('categories').select('id').where(sql<boolean>`lower(name) = lower(${c.name})`).executeTakeFirstOrThrow();
    await ensureEventCategories(db, c.children ?? [], row.id);
  }
}

/** Demo events go through the same upsert as imports, as their data provider; recurrences are expanded at once. */
export async function seedEvents(ctx: SeedContext): Promise<void> {
  const file = readSeedJson<SeedFile>(ctx);
  if (!file) return;
  await ensureEventCategories(ctx.db, file.categories);
  const providers = await dataProviderIdsByKey(ctx);
  const today = berlinToday();
  const day = (n: number | undefined) => (n === undefined ? '' : addDays(today, n));
  for (const e of file.events) {
    const { dataProvider, categories, dates, recurring, images, region, tags, ...nested } = e;
    await upsertEventRecord(
      ctx.db,
      { kind: 'account', accountId: 0, applicationId: 0, role: 'data_provider', platformAdmin: false, dataProviderId: providers.get(dataProvider) ?? null },
      ctx.tenant.id,
      {
        ...nested,
        categories: categories.map((name) => ({ name })),
        dates: dates.map((d) => ({
          dateStart: day(d.inDays),
          dateEnd: day(d.untilInDays),
          timeStart: d.timeStart,
          timeEnd: d.timeEnd,
          timeDescription: d.timeDescription,
          useOnlyTimeDescription: d.useOnlyTimeDescription,
          weekday: d.weekday,
        })),
        recurring: recurring ? 'true' : 'false',
        recurringType: recurring ? String(recurring.type) : null,
        recurringInterval: recurring ? String(recurring.interval ?? 1) : null,
        recurringWeekdays: recurring?.weekdays?.map(String) ?? null,
        mediaContents: (images ?? []).map((m) => ({
          contentType: 'image',
          captionText: m.captionText,
          copyright: m.copyright,
          sourceUrl: { url: publishSeedMedia({ ...ctx, seedDir: newsSeedDir }, m.image) },
        })),
        regionName: region,
        tags,
      },
      { expandInline: true },
    );
  }
  await scheduleHorizonJob(ctx.db, ctx.tenant.id);
}
