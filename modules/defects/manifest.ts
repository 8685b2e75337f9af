import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { defectsMigrations } from './migrations.ts';
import { seedDefects } from './seed.ts';
import { open311Routes } from './open311/open311-routes.ts';
import { apiKeysStudioRoutes } from './studio/api-keys-routes.ts';

/**
 * Defect reports ("Mängelmelder"): citizens report problems in public space with photo and place;
 * staff route, answer and close them; Open311 GeoReport v2 for every client. See README.md.
 */
export const defectsModule: ModuleManifest = {
  name: 'defects',
  title: { de: 'Mängelmelder', en: 'Defect reports' },
  migrations: defectsMigrations,
  routes: async (app, scopeOf, services) => {
    await open311Routes(app, scopeOf, services);
    await apiKeysStudioRoutes(app, scopeOf, services);
  },
  seed: seedDefects,
};
