import type { Announceable } from '../content-parts/announcement.ts';

/** Generic items marked "send as push": title, teaser (else the first block's intro). */
export const genericItemAnnouncement: Announceable = {
  recordType: 'GenericItem',
  table: 'generic_items',
  categoryTable: 'generic_item_categories',
  publicColumns: ['visible', 'released'],
  blocksColumn: 'content_blocks',
  payloadColumn: 'payload',
  categoryColumn: 'generic_item_id',
  summaryColumn: 'teaser',
  fallbackTitle: 'Neuer Eintrag',
  job: 'generic-items.announce',
};
