import type { SeedContext } from '../../core/registry/manifest.ts';
import { daysFromNow, publishSeedMedia, readSeedJson } from '../../lib/seed-files.ts';
import { dataProviderIdsByKey } from '../data-providers/seed.ts';
import { upsertNewsItem } from './news-upsert.ts';

type SeedMedia = { image: string; captionText?: string; copyright?: string };
type SeedNews = {
  title: string;
  author?: string;
  dataProvider: string;
  categories: string[];
  daysAgo?: number;
  scheduledInDays?: number;
  time?: string;
  showPublishDate?: boolean;
  sourceUrl?: { url: string; description?: string } | null;
  address?: unknown;
  payload?: unknown;
  externalId?: string;
  contentBlocks: Array<{ title?: string; intro?: string; body?: string; mediaContents?: SeedMedia[] }>;
};

/** Demo news go through the same upsert as imports, as their data provider. */
export async function seedNews(ctx: SeedContext): Promise<void> {
  const items = readSeedJson<SeedNews[]>(ctx) ?? [];
  const providers = await dataProviderIdsByKey(ctx);
  for (const item of items) {
    const days = item.scheduledInDays ?? -(item.daysAgo ?? 0);
    const publishedAt = daysFromNow(days, item.time ?? '09:00').toISOString();
    await upsertNewsItem(
      ctx.db,
      { kind: 'account', accountId: 0, applicationId: 0, role: 'data_provider', platformAdmin: false, dataProviderId: providers.get(item.dataProvider) ?? null },
      {
        title: item.title,
        author: item.author,
        externalId: item.externalId,
        publishedAt,
        publicationDate: publishedAt,
        showPublishDate: item.showPublishDate ?? true,
        categories: item.categories.map((name) => ({ name })),
        sourceUrl: item.sourceUrl ?? null,
        address: item.address ?? null,
        payload: item.payload ?? null,
        contentBlocks: item.contentBlocks.map((b) => ({
          title: b.title,
          intro: b.intro,
          body: b.body,
          mediaContents: (b.mediaContents ?? []).map((m) => ({
            contentType: 'image',
            captionText: m.captionText,
            copyright: m.copyright,
            sourceUrl: { url: publishSeedMedia(ctx, m.image) },
          })),
        })),
      },
    );
  }
}
