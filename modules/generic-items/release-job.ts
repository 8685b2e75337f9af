import { sql } from 'kysely';
import { enqueueJob, type JobHandler } from '../../core/jobs/job-queue.ts';
import { RELEASE_JOB } from './generic-item-upsert.ts';

/**
 * Scheduled publication, as for news: an item with a future publishedAt is stored unreleased and
 * this job, queued for that moment, releases it (the write also invalidates cached lists). It
 * compares with the database clock; should the item still lie in the future (its time was
 * moved), the job queues itself again for the new time.
 */
export const releaseGenericItem: JobHandler = async ({ db, payload }) => {
  const released = await db
    .updateTable('generic_items')
    .set({ released: true, updated_at: new Date() })
    .where('id', '=', payload.genericItemId)
    .where('released', '=', false)
    .where('published_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  if (Number(released.numUpdatedRows) > 0) return;
  const pending = await db.selectFrom('generic_items').select('published_at').where('id', '=', payload.genericItemId).where('released', '=', false).executeTakeFirst();
  if (pending) await enqueueJob(db, { name: RELEASE_JOB, payload, runAt: new Date(pending.published_at), dedupeKey: `${RELEASE_JOB}:${payload.genericItemId}` });
};
