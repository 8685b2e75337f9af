import { berlinDate, fromBerlinWallClock } from '../../../lib/berlin-time.ts';

/** A schedule's times: once, or weekly at "HH:MM" per weekday (index 0 = Monday, as the mainserver's monday_at…sunday_at). */
export type ScheduleTimes = { onceAt: Date | null; weekdayTimes: (string | null)[]; recurring: number };

/** The first time the schedule fires after `after` (Berlin wall clock, summer time included); null when it never will again. */
export function nextOccurrence(s: ScheduleTimes, after: Date): Date | null {
  if (s.recurring === 0) return s.onceAt && s.onceAt > after ? s.onceAt : null;
  const [y, m, d] = berlinDate(after).split('-').map(Number) as [number, number, number];
  // Today and the next seven days cover every weekday once, today's passed times included.
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(y, m - 1, d + offset));
    const time = s.weekdayTimes[(day.getUTCDay() + 6) % 7];
    if (!time) continue;
    const [hh, mm] = time.split(':').map(Number) as [number, number];
    const at = fromBerlinWallClock(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), hh, mm);
    if (at > after) return at;
  }
  return null;
}
