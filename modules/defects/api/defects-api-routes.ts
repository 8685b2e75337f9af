import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { registerCitizenRoutes } from './citizen-routes.ts';

/**
 * The routes of this part of the module, in a context of their own: multipart parsing and the
 * citizen error shape stay here and do not touch the module's other routes (Open311, studio).
 */
export const defectsApiRoutes: RoutePlugin = async (app, scopeOf, services) => {
  await app.register(async (scoped) => registerCitizenRoutes(scoped, scopeOf, services));
};
