/**
 * Recurring events (reference §2.1): the first date of a recurring event is a template — a range
 * (dateStart … dateEnd) with times — and the rule says on which days of that range the event takes
 * place: `recurringType` 0 daily, 1 weekly (on `recurringWeekdays`, 0 = Monday … 6 = Sunday),
 * 2 monthly (on the template's day of the month), 3 yearly (on its day and month), every
 * `recurringInterval` days/weeks/months/years counted from dateStart.
 *
 * Everything here works on Berlin calendar days written "YYYY-MM-DD" and counted as whole days in
 * UTC arithmetic, so no clock change (summer time) can move an occurrence to another day; times
 * stay the wall-clock strings of the template. Pure functions, no database.
 */

export const RECURRING_TYPES = { daily: 0, weekly: 1, monthly: 2, yearly: 3 } as const;
export type RecurringType = 0 | 1 | 2 | 3;
export type RecurrenceRule = { type: RecurringType; interval: number; weekdays: number[] };

/** Occurrences are kept this far ahead (the horizon job runs daily; 19 keeps at least 18 filled). */
export const HORIZON_MONTHS = 19;
/** A guard against runaway expansion: a daily rule over the horizon yields fewer than 600 days. */
export const MAX_OCCURRENCES_PER_EXPANSION = 2000;

const DAY_MS = 86_400_000;
const GERMAN_WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** "YYYY-MM-DD" → days since 1970-01-01. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a calendar day: ${day}`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * The same day of the month `months` later; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28/29 February; 29 February + 1 year = 28 February).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const dd = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday, as the mainserver's recurringWeekdays. */
export function weekdayOf(day: string): number {
  return (new Date(dayNumber(day) * DAY_MS).getUTCDay() + 6) % 7;
}

export function germanWeekday(day: string): string {
  return GERMAN_WEEKDAYS[weekdayOf(day)];
}

/** The horizon up to which occurrences are kept, seen from `today`. */
export function horizonFrom(today: string): string {
  return addMonths(today, HORIZON_MONTHS);
}

/**
 * The days on which a recurring event takes place within [window.from, window.until], given the
 * template's first day `start` and last day `end` (null: no end, the window bounds it).
 * Intervals count from `start`, whatever the window, so extending the window later yields exactly
 * the days a longer expansion would have yielded.
 */
export function expandRecurrence(start: string, end: string | null, rule: RecurrenceRule, window: { from: string; until: string }): string[] {
  if (!Number.isInteger(rule.interval) || rule.interval < 1) throw new Error('recurrence interval must be a whole number ≥ 1');
  const s = dayNumber(start);
  const lo = Math.max(s, dayNumber(window.from));
  const hi = Math.min(end === null ? Infinity : dayNumber(end), dayNumber(window.until));
  const out: string[] = [];
  if (hi < lo) return out;
  const push = (n: number) => {
    if (out.length >= MAX_OCCURRENCES_PER_EXPANSION) throw new Error('recurrence expands to too many dates');
    out.push(dayString(n));
  };
  const n = rule.interval;
  switch (rule.type) {
    case 0: {
      for (let d = s + Math.ceil((lo - s) / n) * n; d <= hi; d += n) push(d);
      break;
    }
    case 1: {
      const weekdays = [...new Set(rule.weekdays)].sort((a, b) => a - b);
      if (weekdays.length === 0 || weekdays.some((w) => !Number.isInteger(w) || w < 0 || w > 6)) throw new Error('weekly recurrence needs weekdays 0–6');
      const firstMonday = s - weekdayOf(start);
      const period = 7 * n;
      for (let week = firstMonday + Math.max(0, Math.floor((lo - firstMonday) / period)) * period; week <= hi; week += period) {
        for (const w of weekdays) {
          const d = week + w;
          if (d >= lo && d <= hi) push(d);
        }
      }
      break;
    }
    case 2:
    case 3: {
      const step = rule.type === 2 ? n : 12 * n;
      const [sy, sm] = start.split('-').map(Number);
      const [ly, lm] = dayString(lo).split('-').map(Number);
      // Start one step before the window's month, so the clamped day of that month is not missed.
      let k = Math.max(0, Math.floor(((ly - sy) * 12 + (lm - sm)) / step) - 1);
      for (;; k++) {
        const d = dayNumber(addMonths(start, k * step));
        if (d > hi) break;
        if (d >= lo) push(d);
      }
      break;
    }
    default:
      throw new Error(`unknown recurrence type ${String(rule.type)}`);
  }
  return out;
}
