import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { announceJob } from '../content-parts/announcement.ts';
import { eventAnnouncement } from './announcement.ts';
import { eventCalendarFileRoutes } from './app/ics-route.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { registerSearchable } from '../content-parts/searchables.ts';
import { eventMigrations } from './migrations.ts';
import { eventTypeDefs } from './schema.ts';
import { eventResolvers } from './resolvers.ts';
import { EXPAND_JOB, HORIZON_JOB, expandRecurrenceJob, extendHorizonJob } from './occurrences.ts';
import { seedEvents } from './seed.ts';
import { eventEditor } from './studio/event-editor.ts';

registerRecordType('EventRecord', { module: 'events', table: 'event_records', ownedByDataProvider: true, hasVisibility: true, hasExternalId: true });
registerSearchable({ recordType: 'event_record', module: 'events', table: 'event_records', publicCondition: 'visible' });

/** Events (Veranstaltungen) with fixed and recurring dates, expanded into an occurrences table. */
export const eventsModule: ModuleManifest = {
  name: 'events',
  title: { de: 'Veranstaltungen', en: 'Events' },
  dependsOn: ['content-parts', 'categories', 'data-providers'],
  migrations: eventMigrations,
  graphql: { typeDefs: eventTypeDefs, resolvers: eventResolvers },
  jobs: { [EXPAND_JOB]: expandRecurrenceJob, [HORIZON_JOB]: extendHorizonJob, [eventAnnouncement.job]: announceJob(eventAnnouncement) },
  routes: eventCalendarFileRoutes,
  seed: seedEvents,
  editors: [eventEditor],
};
