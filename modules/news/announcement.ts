import type { Announceable } from '../content-parts/announcement.ts';

/** News marked "send as push" (mainserver: title, else the first block's, else "Neue Nachricht"; text: the first block's intro). */
export const newsAnnouncement: Announceable = {
  recordType: 'NewsItem',
  table: 'news_items',
  categoryTable: 'news_item_categories',
  publicColumns: ['visible', 'released'],
  blocksColumn: 'content_blocks',
  payloadColumn: 'payload',
  categoryColumn: 'news_item_id',
  fallbackTitle: 'Neue Nachricht',
  job: 'news.announce',
};
