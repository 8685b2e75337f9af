import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { servicesMigrations } from './migrations.ts';
import { servicesTypeDefs } from './graphql/services-schema.ts';
import { servicesResolvers } from './graphql/services-resolvers.ts';
import { servicesRestRoutes } from './rest/services-routes.ts';
import { servicesReadMigrations } from './read/read-migrations.ts';
import { loadSecretsKey } from './settings/secret-box.ts';
import { servicesStudioRoutes } from './studio/services-studio-routes.ts';
import { servicesImportRoutes } from './studio/import-routes.ts';
import { SYNC_JOB } from './sync/sync-request.ts';
import { syncJob } from './sync/sync-job.ts';
import { scheduleSyncSweep, SWEEP_JOB, syncSweepJob } from './sync/sync-schedule.ts';
import { REFRESH_JOB } from './sync/revalidate.ts';
import { refreshServiceJob } from './sync/refresh-service.ts';
import { seedServices } from './seed.ts';

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
  jobs: { [SYNC_JOB]: syncJob, [SWEEP_JOB]: syncSweepJob, [REFRESH_JOB]: refreshServiceJob },
  init: async ({ db, config }) => {
    await loadSecretsKey(db, config);
    // Starts the chain of scheduled-sync sweeps (it re-queues itself; the dedupe key keeps one).
    if (config.runJobs) await scheduleSyncSweep(db, new Date());
  },
  routes: async (app, scopeOf, services) => {
    await servicesStudioRoutes(app, scopeOf, services);
    await servicesImportRoutes(app, scopeOf, services);
    await servicesRestRoutes(app, scopeOf, services);
  },
  seed: seedServices,
};
