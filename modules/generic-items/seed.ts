import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { berlinDate } from '../../lib/berlin-time.ts';
import { daysFromNow, publishSeedMedia, readSeedJson } from '../../lib/seed-files.ts';
import { assignPartIds, contactFrom } from '../content-parts/parts.ts';
import { dataProviderIdsByKey } from '../data-providers/seed.ts';
import type { GenericItemInput } from './generic-item-input.ts';
import { upsertGenericItem } from './generic-item-upsert.ts';

type SeedCategory = { name: string; iconName?: string; tagList: string[]; contact?: unknown; children?: SeedCategory[] };
type SeedMedia = { image: string; captionText?: string; copyright?: string };
type SeedDate = { startInDays?: number; endInDays?: number; weekday?: string; timeStart?: string; timeEnd?: string; timeDescription?: string };
type SeedItem = Omit<GenericItemInput, 'publishedAt' | 'publicationDate' | 'dates' | 'mediaContents' | 'contentBlocks' | 'categories' | 'genericItems'> & {
  daysAgo?: number;
  scheduledInDays?: number;
  time?: string;
  categories?: string[];
  dates?: SeedDate[];
  mediaContents?: SeedMedia[];
  contentBlocks?: Array<{ title?: string; intro?: string; body?: string; mediaContents?: SeedMedia[] }>;
  genericItems?: SeedItem[];
};
type SeedFile = { categories?: SeedCategory[]; items: Array<SeedItem & { dataProvider?: string | null }> };

/** The news module's demo photos, shared by all content (served under /media/demo/). */
const sharedMediaDir = fileURLToPath(new URL('../news/seed', import.meta.url));

const day = (offset: number) => berlinDate(daysFromNow(offset));

/** "{{date:14}}" in payload strings → the date 14 days from today, so demo data stays current. */
function withRelativeDates(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/\{\{date:(-?\d+)\}\}/g, (_, n) => day(Number(n)));
  if (Array.isArray(v)) return v.map(withRelativeDates);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withRelativeDates(x)]));
  return v;
}

/**
 * Categories of generic items with their resource tags (generic_item_job …); a category that
 * the news seed made already gets the tag added.
 */
async function seedCategories(db: Kysely<any>, nodes: SeedCategory[], parentId: number | null): Promise<void> {
  for (const [position, c] of nodes.entries()) {
    const contact = c.contact ? await assignPartIds(db, contactFrom(c.contact)) : null;
    const { rows } = await sql<{ id: number }>`
      INSERT INTO categories (name, icon_name, tag_list, parent_id, position, contact)
      VALUES (${c.name}, ${c.iconName ?? null}, ${c.tagList}::text[], ${parentId}, ${position}, ${contact ? JSON.stringify(contact) : null}::jsonb)
      ON CONFLICT (tenant_id, lower(name)) DO UPDATE
        SET tag_list = ARRAY(SELECT DISTINCT unnest(categories.tag_list || excluded.tag_list)),
            contact = coalesce(excluded.contact, categories.contact)
      RETURNING id`.execute(db);
    await seedCategories(db, c.children ?? [], rows[0].id);
  }
}

/** Demo generic items go through the same upsert as imports, as their data provider. */
export async function seedGenericItems(ctx: SeedContext): Promise<void> {
  const file = readSeedJson<SeedFile>(ctx);
  if (!file) return;
  await seedCategories(ctx.db, file.categories ?? [], null);
  const providers = await dataProviderIdsByKey(ctx);
  const published = new Map<string, string>();
  const image = (name: string) => {
    if (!published.has(name)) published.set(name, publishSeedMedia({ ...ctx, seedDir: sharedMediaDir }, name));
    return published.get(name)!;
  };
  const media = (list: SeedMedia[] | undefined) =>
    (list ?? []).map((m) => ({ contentType: 'image', captionText: m.captionText, copyright: m.copyright, sourceUrl: { url: image(m.image) } }));

  const toInput = (item: SeedItem): GenericItemInput => {
    const { daysAgo, scheduledInDays, time, categories, dates, mediaContents, contentBlocks, genericItems, payload, ...rest } = item;
    const at = daysFromNow(scheduledInDays ?? -(daysAgo ?? 0), time ?? '09:00').toISOString();
    return {
      ...rest,
      publishedAt: at,
      publicationDate: at,
      payload: payload === undefined ? undefined : withRelativeDates(payload),
      categories: (categories ?? []).map((name) => ({ name })),
      dates: (dates ?? []).map((d) => ({
        weekday: d.weekday,
        dateStart: d.startInDays === undefined ? undefined : day(d.startInDays),
        dateEnd: d.endInDays === undefined ? undefined : day(d.endInDays),
        timeStart: d.timeStart,
        timeEnd: d.timeEnd,
        timeDescription: d.timeDescription,
      })),
      mediaContents: media(mediaContents),
      contentBlocks: (contentBlocks ?? []).map((b) => ({ title: b.title, intro: b.intro, body: b.body, mediaContents: media(b.mediaContents) })),
      genericItems: (genericItems ?? []).map(toInput),
    };
  };

  for (const { dataProvider, ...item } of file.items) {
    const dataProviderId = dataProvider ? (providers.get(dataProvider) ?? null) : null;
    await upsertGenericItem(ctx.db, { kind: 'account', accountId: 0, applicationId: 0, role: 'data_provider', platformAdmin: false, dataProviderId }, toInput(item));
  }
  // Demo items were "written" when they were published, so the default order (createdAt) reads naturally.
  await ctx.db.updateTable('generic_items').set({ created_at: sql`least(created_at, published_at)`, updated_at: sql`least(updated_at, published_at)` }).execute();
}
