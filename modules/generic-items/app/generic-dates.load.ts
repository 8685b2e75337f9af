import { formatDate, type Lang } from '../../web-app/client/i18n.ts';
import { genericTexts } from './generic-texts.ts';

export const DATE = `dateStart dateEnd timeStart timeEnd timeDescription weekday`;

const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
const hhmm = (s: unknown) => (typeof s === 'string' && /^\d{1,2}:\d{2}/.test(s) ? s.slice(0, s.indexOf(':') + 3) : null);
const text = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : null);

/** One date of a generic item as a line of text: "26.11.2026 – 10.12.2026, 07:00–17:00 Uhr · Arbeiten werktags". */
export function dateText(d: Record<string, unknown>, lang: Lang): string | null {
  const t = genericTexts(lang);
  const start = isDate(d.dateStart) ? formatDate(d.dateStart, lang) : null;
  const end = isDate(d.dateEnd) ? formatDate(d.dateEnd, lang) : null;
  const days = start && end && start !== end ? `${start} – ${end}` : start ? start : end ? `${t.until} ${end}` : null;
  const [from, to] = [hhmm(d.timeStart), hhmm(d.timeEnd)];
  const time = from && to ? `${from}–${to}${t.oClock}` : from ? `${t.from} ${from}${t.oClock}` : to ? `${t.until} ${to}${t.oClock}` : null;
  const when = [days, text(d.weekday), time].filter(Boolean).join(', ');
  return [when, text(d.timeDescription)].filter(Boolean).join(' · ') || null;
}

export function datesText(dates: unknown, lang: Lang): string[] {
  return (Array.isArray(dates) ? dates : [])
    .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object')
    .map((d) => dateText(d, lang))
    .filter((s): s is string => s !== null);
}
