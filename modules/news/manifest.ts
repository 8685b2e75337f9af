import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { newsMigrations } from './migrations.ts';
import { newsTypeDefs } from './schema.ts';
import { newsResolvers } from './resolvers.ts';
import { RELEASE_JOB } from './news-upsert.ts';
import { releaseNewsItem } from './release-job.ts';
import { announceJob } from '../content-parts/announcement.ts';
import { newsAnnouncement } from './announcement.ts';
import { seedNews } from './seed.ts';
import { newsEditor } from './studio/news-editor.ts';

registerRecordType('NewsItem', { module: 'news', table: 'news_items', ownedByDataProvider: true, hasVisibility: true, hasExternalId: true });

/** News (Nachrichten), including civil-protection warnings that arrive as news with regional keys. */
export const newsModule: ModuleManifest = {
  name: 'news',
  title: { de: 'Nachrichten', en: 'News' },
  dependsOn: ['content-parts', 'categories', 'data-providers'],
  migrations: newsMigrations,
  graphql: { typeDefs: newsTypeDefs, resolvers: newsResolvers },
  jobs: { [RELEASE_JOB]: releaseNewsItem, [newsAnnouncement.job]: announceJob(newsAnnouncement) },
  seed: seedNews,
  editors: [newsEditor],
};
