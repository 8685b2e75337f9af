import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { categoryRoutes } from './category-routes.ts';
import { defectsKit } from './defects-studio-kit.ts';
import { inboxRoutes } from './inbox-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

/**
 * /studio/maengelmelder: the staff side of the defect reports — inbox with map and export, a
 * report's page with its actions, categories and settings. Registered by the defects module, so
 * the pages exist only where it is enabled; every rule is checked here (defects-access.ts).
 */
export const defectsStudioRoutes: RoutePlugin = async (app, scopeOf, { sessions }) => {
  const kit = defectsKit(scopeOf, sessions);
  inboxRoutes(app, kit);
  categoryRoutes(app, kit);
  reportRoutes(app, kit);
  await settingsRoutes(app, kit);
};
