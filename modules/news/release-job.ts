import type { JobHandler } from '../../core/jobs/job-queue.ts';

/**
 * Scheduled publication: a news item with a future publishedAt is stored unreleased and this
 * job, queued for that moment, releases it (the write also invalidates cached lists).
 */
export const releaseNewsItem: JobHandler = async ({ db, payload }) => {
  await db
    .updateTable('news_items')
    .set({ released: true, updated_at: new Date() })
    .where('id', '=', payload.newsItemId)
    .where('released', '=', false)
    .where('published_at', '<=', new Date())
    .execute();
};
