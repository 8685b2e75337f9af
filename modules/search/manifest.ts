import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerSearchable } from '../content-parts/searchables.ts';
import { searchMigrations } from './migrations.ts';
import { searchTypeDefs } from './schema.ts';
import { searchResolvers } from './resolvers.ts';

// News is the first searchable type; its search_vector comes from this module's migration 002.
registerSearchable({ recordType: 'news_item', module: 'news', table: 'news_items', publicCondition: 'visible AND released' });

/**
 * German full-text search across the content types that register themselves as searchable
 * (modules/content-parts/searchables.ts); see README.md for what a content module provides.
 */
export const searchModule: ModuleManifest = {
  name: 'search',
  title: { de: 'Suche', en: 'Search' },
  dependsOn: ['content-parts', 'news'],
  migrations: searchMigrations,
  graphql: { typeDefs: searchTypeDefs, resolvers: searchResolvers },
};
