import type { Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../../../core/jobs/job-queue.ts';
import { createMessage, everyone } from '../messages/message.ts';
import { nativeQueryType } from '../messages/native-query-type.ts';
import { nextOccurrence, type ScheduleTimes } from './next-occurrence.ts';

export const SCHEDULE_JOB = 'push.schedule';

export type ScheduleRow = { id: number; pushable_type: string; pushable_id: number; once_at: Date | null; weekday_times: (string | null)[]; recurring: number; title: string; body: string; data: Record<string, unknown> };

const timesOf = (s: ScheduleRow): ScheduleTimes => ({ onceAt: s.once_at && new Date(s.once_at), weekdayTimes: s.weekday_times, recurring: s.recurring });

/** Queues the schedule's next occurrence after `after` (one job per occurrence: a dedupe key, not a search through queued jobs). */
export async function planNext(db: Kysely<any>, s: ScheduleRow, after: Date): Promise<Date | null> {
  const at = nextOccurrence(timesOf(s), after);
  if (at) await enqueueJob(db, { name: SCHEDULE_JOB, payload: { scheduleId: s.id, at: at.toISOString() }, runAt: at, dedupeKey: `${SCHEDULE_JOB}:${s.id}:${at.toISOString()}` });
  return at;
}

/** An occurrence is due: a message to the devices following the record (once per occurrence), then the next one is planned. */
export const scheduleJob: JobHandler = async ({ db, payload }) => {
  const s = (await db.selectFrom('push_schedules').selectAll().where('id', '=', payload.scheduleId).executeTakeFirst()) as ScheduleRow | undefined;
  if (!s) return;
  const at = new Date(payload.at);
  await db.transaction().execute(async (trx) => {
    await createMessage(trx, {
      title: s.title,
      body: s.body,
      url: null,
      data: { id: s.pushable_id, query_type: nativeQueryType(s.pushable_type), ...s.data },
      target: { ...everyone, platform: 'native', followersOf: { type: s.pushable_type, id: s.pushable_id } },
      source: 'schedule',
      sourceKey: `schedule:${s.id}:${at.toISOString()}`,
    });
    await planNext(trx, s, at);
  });
};
