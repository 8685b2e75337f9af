import type { AppRoute } from '../../web-app/client/app-route.ts';

/** Mängelmelder: stable German paths (deep links); the fixed paths come before the detail path. */
export const defectsRoutes: AppRoute[] = [
  { name: 'defects-home', path: '/maengelmelder', module: 'defects', view: () => import('./defects-home.view.tsx') },
  { name: 'defects-wizard', path: '/maengelmelder/melden', module: 'defects', view: () => import('./defects-wizard.view.tsx') },
  { name: 'defects-mine', path: '/maengelmelder/meine', module: 'defects', view: () => import('./defects-mine.view.tsx') },
  { name: 'defects-detail', path: '/maengelmelder/meldungen/:id', module: 'defects', view: () => import('./defects-detail.view.tsx') },
];
