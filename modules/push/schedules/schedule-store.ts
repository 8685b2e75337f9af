import type { Kysely } from 'kysely';
import { WEEKDAYS, type ScheduleInput } from './schedule-input.ts';
import { planNext, type ScheduleRow } from './schedule-job.ts';

/** Stores a record's push schedule and plans its first occurrence (validated input: it has one). */
export async function createSchedule(db: Kysely<any>, input: ScheduleInput, data: Record<string, unknown>, by: string | undefined): Promise<{ id: number; firstAt: Date | null }> {
  const row = (await db
    .insertInto('push_schedules')
    .values({
      pushable_type: input.notificationPushableType,
      pushable_id: input.notificationPushableId,
      once_at: input.recurring === 0 ? input.onceAt : null,
      weekday_times: WEEKDAYS.map((d) => (input.recurring > 0 ? (input[`${d}At`] ?? null) : null)),
      recurring: input.recurring,
      title: input.title,
      body: input.body,
      data: JSON.stringify(data),
      created_by: by ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as ScheduleRow;
  return { id: row.id, firstAt: await planNext(db, row, new Date()) };
}
