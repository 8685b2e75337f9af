import type { Loader } from '../../web-app/server/loader.ts';
import { eventsListLoader } from './events-list.load.ts';
import { eventsCalendarLoader } from './events-calendar.load.ts';
import { eventDetailLoader } from './event-detail.load.ts';

export const eventsLoaders: Record<string, Loader> = { 'events-list': eventsListLoader, 'events-calendar': eventsCalendarLoader, 'event-detail': eventDetailLoader };
