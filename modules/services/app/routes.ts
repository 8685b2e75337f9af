import type { AppRoute } from '../../web-app/client/app-route.ts';

/** "Rathaus / Bürgerservice": stable German paths (deep links); `/rathaus/suche` comes before the detail paths. */
export const servicesRoutes: AppRoute[] = [
  { name: 'services-home', path: '/rathaus', module: 'services', view: () => import('./services-home.view.tsx') },
  { name: 'services-search', path: '/rathaus/suche', module: 'services', view: () => import('./services-search.view.tsx') },
  { name: 'services-life-situation', path: '/rathaus/lebenslagen/:id', module: 'services', view: () => import('./life-situation.view.tsx') },
  { name: 'services-detail', path: '/rathaus/leistungen/:id', module: 'services', view: () => import('./service-detail.view.tsx') },
  { name: 'services-authority', path: '/rathaus/behoerden/:id', module: 'services', view: () => import('./authority.view.tsx') },
];
