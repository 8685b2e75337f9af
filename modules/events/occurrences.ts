import { sql, type Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../../core/jobs/job-queue.ts';
import { berlinDate, tomorrowInBerlinAt } from '../../lib/berlin-time.ts';
import type { FixedDate } from '../content-parts/parts.ts';
import { ruleOf } from './event-input.ts';
import { addDays, expandRecurrence, germanWeekday, horizonFrom } from './recurrence.ts';

export const EXPAND_JOB = 'events.expand-recurrence';
export const HORIZON_JOB = 'events.extend-horizon';
/**
 * Occurrences that ended this long ago are removed by the daily horizon job: listings only need
 * upcoming ones, and a past event's listDate falls back to its stored dates.
 */
const KEEP_PAST_DAYS = 7;

/**
 * Dates lasting longer than this many days are "long" (event_occurrences.spans_long, indexed):
 * date-range listings find the others by their start, at most this many days before the range.
 * Migration 003 bakes the number into the column; changing it needs a new migration.
 */
export const LONG_SPAN_DAYS = 7;

export const expandDedupeKey = (eventRecordId: number) => `${EXPAND_JOB}:${eventRecordId}`;
export const horizonDedupeKey = (tenantId: number) => `${HORIZON_JOB}:${tenantId}`;

let lastToday = { minute: NaN, day: '' };

/**
 * Today's date in Berlin, "YYYY-MM-DD". Kept for the minute: list and count fields ask for it per
 * row, and Intl formatting is the dearest part of such a field. Exact, as Berlin's day begins on a
 * UTC minute (its offsets are whole hours).
 */
export function berlinToday(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastToday.minute) lastToday = { minute, day: berlinDate(now) };
  return lastToday.day;
}

type OccurrenceRow = { id: number; event_record_id: number; starts_on: string; ends_on: string; time_start: string; generated: boolean; date: string };

/**
 * Occurrences of the fixed dates of an event: every date with a start or an end, except the
 * template (first date) of a recurring event, which only describes the rule's range.
 */
export function fixedOccurrences(eventRecordId: number, dates: FixedDate[], recurring: boolean): OccurrenceRow[] {
  const out: OccurrenceRow[] = [];
  dates.forEach((d, i) => {
    if (recurring && i === 0) return;
    const starts = d.dateStart || d.dateEnd;
    if (!starts || d.id === undefined) return;
    out.push({ id: d.id, event_record_id: eventRecordId, starts_on: starts, ends_on: d.dateEnd || starts, time_start: d.timeStart, generated: false, date: JSON.stringify(d) });
  });
  return out;
}

async function insertOccurrences(db: Kysely<any>, rows: OccurrenceRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('event_occurrences')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Replaces the fixed-date occurrences of an event (expanded days are the job's business). */
export async function writeFixedOccurrences(db: Kysely<any>, eventRecordId: number, dates: FixedDate[], recurring: boolean): Promise<void> {
  await db.deleteFrom('event_occurrences').where('event_record_id', '=', eventRecordId).where('generated', '=', false).execute();
  await insertOccurrences(db, fixedOccurrences(eventRecordId, dates, recurring));
}

type RecurringEvent = {
  id: number;
  recurring: boolean;
  recurring_type: number | null;
  recurring_interval: number | null;
  recurring_weekdays: number[];
  dates: FixedDate[];
  expanded_until: string | null;
};

/** Occurrence rows for the expanded days of a recurring event between `from` and `until`. */
async function expandedRows(db: Kysely<any>, event: RecurringEvent, from: string, until: string): Promise<OccurrenceRow[]> {
  const template = event.dates[0];
  if (!event.recurring || !template?.dateStart) return [];
  const days = expandRecurrence(template.dateStart, template.dateEnd || null, ruleOf(event), { from, until });
  if (days.length === 0) return [];
  const { rows: ids } = await sql<{ id: number }>`SELECT nextval('content_part_ids')::integer AS id FROM generate_series(1, ${days.length})`.execute(db);
  return days.map((day, i) => {
    const date: FixedDate = {
      id: ids[i].id,
      weekday: germanWeekday(day),
      dateStart: day,
      dateEnd: day,
      timeStart: template.timeStart,
      timeEnd: template.timeEnd,
      timeDescription: template.timeDescription,
      useOnlyTimeDescription: template.useOnlyTimeDescription,
    };
    return { id: date.id!, event_record_id: event.id, starts_on: day, ends_on: day, time_start: template.timeStart, generated: true, date: JSON.stringify(date) };
  });
}

/** Runs `fn` in a transaction, or in the caller's when there is one (the seed, a mutation). */
function inTransaction<T>(db: Kysely<any>, fn: (trx: Kysely<any>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

const lockEvent = (db: Kysely<any>, id: number) =>
  db
    .selectFrom('event_records')
    .select(['id', 'recurring', 'recurring_type', 'recurring_interval', 'recurring_weekdays', 'dates', sql<string | null>`expanded_until::text`.as('expanded_until')])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst() as Promise<RecurringEvent | undefined>;

/**
 * (Re)builds the expanded days of one event from today to the horizon: after a create, or after
 * its rule or template changed. An event that is gone or no longer recurring loses them.
 */
export async function expandEventRecurrence(db: Kysely<any>, eventRecordId: number, today = berlinToday()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const event = await lockEvent(trx, eventRecordId);
    if (!event) return 0;
    await trx.deleteFrom('event_occurrences').where('event_record_id', '=', eventRecordId).where('generated', '=', true).execute();
    if (!event.recurring) {
      await trx.updateTable('event_records').set({ expanded_until: null }).where('id', '=', eventRecordId).execute();
      return 0;
    }
    const horizon = horizonFrom(today);
    const rows = await expandedRows(trx, event, today, horizon);
    await insertOccurrences(trx, rows);
    await trx.updateTable('event_records').set({ expanded_until: horizon }).where('id', '=', eventRecordId).execute();
    return rows.length;
  });
}

/**
 * The daily job of a tenant: extends every recurring event's days up to the horizon (events never
 * expanded, e.g. whose expansion job failed, are expanded from today) and drops occurrences
 * that ended more than a week ago, so the date index holds little but upcoming dates.
 * Returns the number of days added.
 */
export async function extendHorizon(db: Kysely<any>, today = berlinToday()): Promise<number> {
  const horizon = horizonFrom(today);
  await db
    .deleteFrom('event_occurrences')
    .where('ends_on', '<', sql<string>`${addDays(today, -KEEP_PAST_DAYS)}::date`)
    .execute();
  let added = 0;
  let afterId = 0;
  for (;;) {
    const due = await db
      .selectFrom('event_records')
      .select('id')
      .where('recurring', '=', true)
      .where((eb) => eb.or([eb('expanded_until', 'is', null), eb('expanded_until', '<', sql<string>`${horizon}::date`)]))
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(200)
      .execute();
    if (due.length === 0) return added;
    for (const { id } of due) {
      afterId = id;
      added += await inTransaction(db, async (trx) => {
        const event = await lockEvent(trx, id);
        if (!event?.recurring) return 0;
        const from = event.expanded_until === null ? today : [addDays(event.expanded_until, 1), today].sort()[1];
        const rows = await expandedRows(trx, event, from, horizon);
        await insertOccurrences(trx, rows);
        await trx.updateTable('event_records').set({ expanded_until: horizon }).where('id', '=', id).execute();
        return rows.length;
      });
    }
  }
}

/** The next 01:30 in Berlin after `now`: when the horizon job of a tenant runs. */
export function nextHorizonRun(now = new Date()): Date {
  return tomorrowInBerlinAt(1, 30, now);
}

/** Queues the tenant's daily horizon job (one waiting job per tenant). */
export function scheduleHorizonJob(db: Kysely<any>, tenantId: number, runAt = nextHorizonRun()): Promise<void> {
  return enqueueJob(db, { name: HORIZON_JOB, runAt, dedupeKey: horizonDedupeKey(tenantId) });
}

export const expandRecurrenceJob: JobHandler = async ({ db, payload }) => {
  await expandEventRecurrence(db, Number(payload.eventRecordId));
};

/** Extends the horizon, then queues itself for the next night. */
export const extendHorizonJob: JobHandler = async ({ db, tenantId, log }) => {
  const added = await extendHorizon(db);
  if (added) log.info({ added }, 'recurring event dates extended');
  if (tenantId !== null) await scheduleHorizonJob(db, tenantId);
};
