import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { defectsMigrations } from './migrations.ts';
import { seedDefects } from './seed.ts';
import { defectsApiMigrations } from './api/api-migrations.ts';
import { defectsApiRoutes } from './api/defects-api-routes.ts';
import { defectsApiJobs } from './notices/notice-jobs.ts';
import { fileGenericItemReport } from './compat/generic-item-report.ts';
import { defectsPlaceRoute } from './app/place-route.ts';

/**
 * Defect reports ("Mängelmelder"): citizens report problems in public space with photo and place;
 * staff route, answer and close them; Open311 GeoReport v2 for every client. See README.md.
 */
export const defectsModule: ModuleManifest = {
  name: 'defects',
  title: { de: 'Mängelmelder', en: 'Defect reports' },
  migrations: [...defectsMigrations, ...defectsApiMigrations],
  routes: async (app, scopeOf, services) => {
    await defectsApiRoutes(app, scopeOf, services);
    await defectsPlaceRoute(app, scopeOf, services);
  },
  jobs: { ...defectsApiJobs },
  on: { 'generic-item.created': fileGenericItemReport },
  seed: seedDefects,
};
