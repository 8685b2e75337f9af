import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { defectsMigrations } from './migrations.ts';
import { seedDefects } from './seed.ts';
import { defectsApiMigrations } from './api/api-migrations.ts';
import { defectsApiRoutes } from './api/defects-api-routes.ts';
import { defectsApiJobs } from './notices/notice-jobs.ts';
import { fileGenericItemReport } from './compat/generic-item-report.ts';
import { defectsStudioMigrations } from './studio/studio-migrations.ts';
import { defectsStudioRoutes } from './studio/defects-studio-routes.ts';
import { notifyTeamJob } from './team/notify-team-job.ts';
import { NOTIFY_TEAM_JOB } from './reports/report-jobs.ts';
import { open311Routes } from './open311/open311-routes.ts';
import { apiKeysStudioRoutes } from './studio/api-keys-routes.ts';
import { defectsPlaceRoute } from './app/place-route.ts';

/**
 * Defect reports ("Mängelmelder"): citizens report problems in public space with photo and place;
 * staff route, answer and close them; Open311 GeoReport v2 for every client. See README.md.
 */
export const defectsModule: ModuleManifest = {
  name: 'defects',
  title: { de: 'Mängelmelder', en: 'Defect reports' },
  migrations: [...defectsMigrations, ...defectsStudioMigrations, ...defectsApiMigrations],
  routes: async (app, scope, services) => {
    await defectsApiRoutes(app, scope, services);
    await defectsPlaceRoute(app, scope, services);
    await defectsStudioRoutes(app, scope, services);
    await open311Routes(app, scope, services);
    await apiKeysStudioRoutes(app, scope, services);
  },
  jobs: { ...defectsApiJobs, [NOTIFY_TEAM_JOB]: notifyTeamJob },
  on: { 'generic-item.created': fileGenericItemReport },
  seed: seedDefects,
};
