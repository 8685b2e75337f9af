import type { Announceable } from '../content-parts/announcement.ts';

/** Events marked "send as push": title and description. */
export const eventAnnouncement: Announceable = {
  recordType: 'EventRecord',
  table: 'event_records',
  publicColumns: ['visible'],
  summaryColumn: 'description',
  categoryTable: 'event_record_categories',
  categoryColumn: 'event_record_id',
  fallbackTitle: 'Neue Veranstaltung',
  job: 'events.announce',
};
