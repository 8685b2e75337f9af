import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { studioRoutes } from './server/studio-routes.ts';
import { passwordResetRoutes } from './server/password-reset-routes.ts';
import { twoFactorRoutes } from './server/two-factor-routes.ts';
import { accountRoutes } from './server/account-routes.ts';
import { contentRoutes } from './server/content-routes.ts';
import { categoryRoutes } from './server/category-routes.ts';
import { providerRoutes } from './server/provider-routes.ts';
import { registerStudioAssets } from './server/studio-assets.ts';
import { editorialMigrations } from './content/editorial-migrations.ts';
import { PURGE_JOB, SCHEDULE_JOB } from './content/editorial-state.ts';
import { applyScheduleJob, purgeTrashedJob } from './content/editorial-jobs.ts';
import { auditRoutes } from './server/audit-routes.ts';
import { integrationRoutes } from './server/integration-routes.ts';
import { platformRoutes } from './server/platform-routes.ts';
import { appConfigRoutes } from './server/app-config-routes.ts';
import { themeRoutes } from './server/theme-routes.ts';
import { moduleRoutes } from './server/module-routes.ts';
import { previewRoutes } from './server/preview-routes.ts';

/** The editors' studio at /studio on every tenant's host (issue 5); starts with login and sessions. */
export const studioModule: ModuleManifest = {
  name: 'studio',
  title: { de: 'Studio für die Redaktion', en: 'Editors’ studio' },
  // Authors are tied to one of the tenant's data providers; content forms pick images from the media library.
  dependsOn: ['data-providers', 'categories', 'media'],
  migrations: editorialMigrations,
  jobs: { [SCHEDULE_JOB]: applyScheduleJob, [PURGE_JOB]: purgeTrashedJob },
  routes: async (app, scopeOf, services) => {
    await registerStudioAssets(app);
    await studioRoutes(app, scopeOf, services);
    await passwordResetRoutes(app, scopeOf, services);
    await twoFactorRoutes(app, scopeOf, services);
    await accountRoutes(app, scopeOf, services);
    await contentRoutes(app, scopeOf, services);
    await categoryRoutes(app, scopeOf, services);
    await providerRoutes(app, scopeOf, services);
    await auditRoutes(app, scopeOf, services);
    await integrationRoutes(app, scopeOf, services);
    await platformRoutes(app, scopeOf, services);
    await appConfigRoutes(app, scopeOf, services);
    await themeRoutes(app, scopeOf, services);
    await moduleRoutes(app, scopeOf, services);
    await previewRoutes(app, scopeOf, services);
  },
};
