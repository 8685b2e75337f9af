import type { AppRoute } from '../../web-app/client/app-route.ts';

const htmlPage = () => import('./html-page.view.tsx');
const tiles = () => import('./tiles.view.tsx');

export const staticContentRoutes: AppRoute[] = [
  { name: 'html-page', path: '/seite/:name', module: 'static-content', view: htmlPage },
  { name: 'accessibility', path: '/barrierefreiheit', module: 'static-content', view: htmlPage },
  { name: 'service', path: '/service', module: 'static-content', view: tiles },
  { name: 'tile-set', path: '/kacheln/:name', module: 'static-content', view: tiles },
];
