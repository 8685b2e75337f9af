import type { AppRoute } from '../../web-app/client/app-route.ts';

/** The calendar comes before ":id", which would match "kalender" too. The .ics file is a server route (ics-route.ts). */
export const eventsRoutes: AppRoute[] = [
  { name: 'events-list', path: '/veranstaltungen', module: 'events', view: () => import('./events-list.view.tsx') },
  { name: 'events-calendar', path: '/veranstaltungen/kalender', module: 'events', view: () => import('./events-calendar.view.tsx') },
  { name: 'event-detail', path: '/veranstaltungen/:id', module: 'events', view: () => import('./event-detail.view.tsx') },
];
