import { sql } from 'kysely';
import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { applyVisibility, TRASH_DAYS } from './editorial-state.ts';

type Payload = { recordType: string; id: number };

const sourceOf = (ctx: Parameters<JobHandler>[0]) => {
  const { recordType, id } = ctx.payload as Payload;
  return ctx.db.selectFrom('editorial_states').select(['source_table', 'deleted_at']).where('record_type', '=', recordType).where('record_id', '=', id).executeTakeFirst();
};

/** A publication window opened or closed: the record's visibility follows (by the database clock). */
export const applyScheduleJob: JobHandler = async (ctx) => {
  const { recordType, id } = ctx.payload as Payload;
  const state = await sourceOf(ctx);
  if (state) await applyVisibility(ctx.db, { recordType, table: state.source_table, id });
};

/** Thirty days after a record went to the trash it is deleted for good, with its history. */
export const purgeTrashedJob: JobHandler = async (ctx) => {
  const { recordType, id } = ctx.payload as Payload;
  const due = await ctx.db
    .selectFrom('editorial_states')
    .select(['source_table'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', id)
    .where('deleted_at', '<=', sql<Date>`now() - make_interval(days => ${TRASH_DAYS})`)
    .executeTakeFirst();
  // Restored meanwhile (or deleted again later, which enqueued a later purge): nothing to do now.
  if (!due) return;
  await ctx.db.deleteFrom(due.source_table).where('id', '=', id).execute();
  await ctx.db.deleteFrom('content_revisions').where('record_type', '=', recordType).where('record_id', '=', id).execute();
  await ctx.db.deleteFrom('editorial_states').where('record_type', '=', recordType).where('record_id', '=', id).execute();
};
