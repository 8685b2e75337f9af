import type { AppRoute } from '../../web-app/client/app-route.ts';

export const searchRoutes: AppRoute[] = [{ name: 'search', path: '/suche', module: 'search', view: () => import('./search.view.tsx') }];
