import { z } from 'zod';
import { formatDate, type Lang } from '../../web-app/client/i18n.ts';
import { dayNumber, dayString } from '../recurrence.ts';
import type { EventDate } from './event-data.ts';

/** A real calendar day "YYYY-MM-DD" (no 31 February), years 1900–2999. */
export const dayParam = z.string().refine((s) => /^(19|2\d)\d\d-\d\d-\d\d$/.test(s) && dayString(dayNumber(s)) === s);

/** A month "YYYY-MM", years 1900–2999. */
export const monthParam = z.string().regex(/^(19|2\d)\d\d-(0[1-9]|1[0-2])$/);

/** "Samstag, 5. Dezember 2026" (en: "Saturday 5 December 2026"), always in Berlin. */
export const longDay = (day: string, lang: Lang) => formatDate(day, lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A date of the API (`Date`: days YYYY-MM-DD, times HH:MM, empty strings when missing). */
export type ApiDate = { dateStart?: string | null; dateEnd?: string | null; timeStart?: string | null; timeEnd?: string | null; timeDescription?: string | null; useOnlyTimeDescription?: string | null };

const isDay = (s: string | null | undefined): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

/** First and last day of a date; null when it has no usable start day. */
export function dayRange(d: ApiDate): { start: string; end: string } | null {
  if (!isDay(d.dateStart)) return null;
  return { start: d.dateStart, end: isDay(d.dateEnd) && d.dateEnd > d.dateStart ? d.dateEnd : d.dateStart };
}

/** Times as people read them: "10:00–10:45 Uhr", or only the description when the date asks for that. */
export function timeText(d: ApiDate, lang: Lang): string | null {
  const description = d.timeDescription?.trim() || null;
  if (d.useOnlyTimeDescription === 'true' || !d.timeStart) return description;
  const times = `${d.timeStart.slice(0, 5)}${d.timeEnd ? `–${d.timeEnd.slice(0, 5)}` : ''}${lang === 'de' ? ' Uhr' : ''}`;
  return description ? `${times} (${description})` : times;
}

/** One date of an event page: its day (or days) with weekday, and its time. */
export function describeDate(d: ApiDate, lang: Lang): EventDate | null {
  const range = dayRange(d);
  if (!range) return null;
  const label = range.end === range.start ? longDay(range.start, lang) : `${longDay(range.start, lang)} – ${longDay(range.end, lang)}`;
  return { start: range.start, label, time: timeText(d, lang) };
}
