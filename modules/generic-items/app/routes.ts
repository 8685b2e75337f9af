import type { AppRoute } from '../../web-app/client/app-route.ts';

export const genericItemsRoutes: AppRoute[] = [
  { name: 'generic-items', path: '/eintraege/:genericType', module: 'generic-items', view: () => import('./generic-list.view.tsx') },
  { name: 'generic-item', path: '/eintrag/:id', module: 'generic-items', view: () => import('./generic-item.view.tsx') },
];
