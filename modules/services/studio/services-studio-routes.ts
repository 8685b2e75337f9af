import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { manualRoutes } from './manual-routes.ts';
import { overviewRoutes } from './overview-routes.ts';
import { providerRoutes } from './provider-routes.ts';
import { servicesKit } from './services-studio-kit.ts';
import { syncRoutes } from './sync-routes.ts';

/**
 * /studio/verwaltungsleistungen: the services in the studio — overview with hiding, pinning and
 * the top list, provider settings, syncs, local services. Registered by the services module, so
 * the pages exist only where it is enabled; every rule is checked here (services-access.ts).
 */
export const servicesStudioRoutes: RoutePlugin = (app, scopeOf, { sessions }) => {
  const kit = servicesKit(scopeOf, sessions);
  overviewRoutes(app, kit);
  providerRoutes(app, kit);
  syncRoutes(app, kit);
  manualRoutes(app, kit);
};
