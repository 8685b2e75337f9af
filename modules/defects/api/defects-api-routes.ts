import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { registerMediaContentsRoutes } from '../compat/media-contents-route.ts';
import { registerCitizenRoutes } from './citizen-routes.ts';

/**
 * The routes of this part of the module, in a context of their own: multipart parsing and the
 * citizen error shape stay here and do not touch the module's other routes (Open311, studio);
 * the mainserver's /media_contents keeps the core's error shape.
 */
export const defectsApiRoutes: RoutePlugin = async (app, scopeOf, services) => {
  await app.register(async (scoped) => registerCitizenRoutes(scoped, scopeOf, services));
  await app.register(async (scoped) => registerMediaContentsRoutes(scoped, scopeOf, services));
};
