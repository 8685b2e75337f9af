import type { AppRoute } from '../client/app-route.ts';

/** The web app's own screens (not tied to one content module). */
export const webAppRoutes: AppRoute[] = [
  { name: 'home', path: '/', module: 'web-app', view: () => import('./home.view.tsx') },
  { name: 'bookmarks', path: '/lesezeichen', module: 'web-app', view: () => import('./bookmarks.view.tsx') },
  { name: 'settings', path: '/einstellungen', module: 'web-app', view: () => import('./settings.view.tsx') },
];
