import type { AppRoute } from '../../web-app/client/app-route.ts';

export const newsRoutes: AppRoute[] = [
  { name: 'news-list', path: '/nachrichten', module: 'news', view: () => import('./news-list.view.tsx') },
  { name: 'news-detail', path: '/nachrichten/:id', module: 'news', view: () => import('./news-detail.view.tsx') },
];
