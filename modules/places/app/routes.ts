import type { AppRoute } from '../../web-app/client/app-route.ts';

/** Places & tours screens; `/orte/liste` comes before `/orte/:id`, the first match wins. */
export const placesRoutes: AppRoute[] = [
  { name: 'places', path: '/orte', module: 'places', view: () => import('./categories.view.tsx') },
  { name: 'places-list', path: '/orte/liste', module: 'places', view: () => import('./list.view.tsx') },
  { name: 'place', path: '/orte/:id', module: 'places', view: () => import('./place.view.tsx') },
  { name: 'tours-list', path: '/touren', module: 'places', view: () => import('./list.view.tsx') },
  { name: 'tour', path: '/touren/:id', module: 'places', view: () => import('./tour.view.tsx') },
];
