import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { servicesMigrations } from './migrations.ts';
import { servicesTypeDefs } from './graphql/services-schema.ts';
import { servicesResolvers } from './graphql/services-resolvers.ts';
import { servicesRestRoutes } from './rest/services-routes.ts';
import { servicesReadMigrations } from './read/read-migrations.ts';
import { loadSecretsKey } from './settings/secret-box.ts';

/**
 * Administrative services (OZG): the municipality's directory of services, life situations and
 * responsible authorities, kept as a copy fed by ZuFi (BUS-BB), file imports and manual entries.
 * See README.md.
 */
export const servicesModule: ModuleManifest = {
  name: 'services',
  title: { de: 'Verwaltungsleistungen', en: 'Administrative services' },
  // Text search uses the search module's SQL functions (search_weighted, search_query, search_matches).
  dependsOn: ['search'],
  migrations: [...servicesMigrations, ...servicesReadMigrations],
  graphql: { typeDefs: servicesTypeDefs, resolvers: servicesResolvers },
  routes: servicesRestRoutes,
  init: async ({ db, config }) => {
    await loadSecretsKey(db, config);
  },
};
