import compress from '@fastify/compress';
import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { pageRoutes } from './server/page-route.ts';
import { registerAssetRoutes } from './server/asset-routes.ts';
import { webManifestRoutes } from './server/web-manifest-route.ts';
import { settingsRoute } from './server/settings-route.ts';
import { currentWebAssets } from './server/vite-assets.ts';

/**
 * The citizen web app (PWA) on every tenant's host: server-rendered pages from the modules'
 * screens, the built JavaScript, the service worker and a per-tenant install manifest.
 */
export const webAppModule: ModuleManifest = {
  name: 'web-app',
  title: { de: 'Bürger-Web-App', en: 'Citizen web app' },
  dependsOn: ['static-content'],
  routes: async (app, scopeOf, services) => {
    // Pages, data and built files go out compressed (only this module's routes: the API's hot path keeps its own costs).
    await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
    await registerAssetRoutes(app, currentWebAssets);
    webManifestRoutes(app, scopeOf, services);
    settingsRoute(app, scopeOf, services);
    pageRoutes(currentWebAssets)(app, scopeOf, services);
  },
};
