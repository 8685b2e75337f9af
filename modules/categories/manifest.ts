import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { categoryMigrations } from './migrations.ts';
import { categoryTypeDefs } from './schema.ts';
import { categoryResolvers } from './resolvers.ts';
import { seedCategories } from './seed.ts';

/** The category tree shared by all content types; content modules add their counts to Category. */
export const categoriesModule: ModuleManifest = {
  name: 'categories',
  title: { de: 'Kategorien', en: 'Categories' },
  dependsOn: ['content-parts'],
  migrations: categoryMigrations,
  graphql: { typeDefs: categoryTypeDefs, resolvers: categoryResolvers },
  seed: seedCategories,
};
