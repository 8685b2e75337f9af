import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { dataProviderMigrations } from './migrations.ts';
import { dataProviderTypeDefs } from './schema.ts';
import { dataProviderRoutes } from './data-provider-route.ts';
import { seedDataProviders } from './seed.ts';

/** Data providers: who publishes content (an authority, a club, an importer). */
export const dataProvidersModule: ModuleManifest = {
  name: 'data-providers',
  title: { de: 'Datenlieferanten', en: 'Data providers' },
  dependsOn: ['content-parts'],
  migrations: dataProviderMigrations,
  graphql: {
    typeDefs: dataProviderTypeDefs,
    resolvers: { DataProvider: { dataType: (p: { data_type: string }) => p.data_type } },
  },
  routes: dataProviderRoutes,
  seed: seedDataProviders,
};
