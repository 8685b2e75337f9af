import { htmlToText, isHtml } from '../../web-app/server/rich-text.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { addDays } from '../recurrence.ts';
import { dayRange, timeText, type ApiDate } from './event-days.ts';
import { addressLines } from './event-detail.load.ts';
import { BERLIN_TZID, berlinTimezone, escapeText, icsDate, icsLocalDateTime, icsUtc, serializeIcs, type IcsComponent, type IcsProperty } from './ical.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d/;

/**
 * An event's upcoming dates as an iCalendar file: one VEVENT per date. A date on one day with a
 * start time is timed in Europe/Berlin; dates spanning days, without a time or described only in
 * words are all-day (VALUE=DATE, DTEND the day after the last). UIDs are stable per event and
 * day ("event-<id>-<day>@<host>", a second date on the same day gets "-2"), so re-importing
 * updates instead of duplicating. DTSTAMP is when the event was last changed.
 */
export function eventIcs(e: any, opts: { origin: string; host: string; now: Date }): string {
  const url = `${opts.origin}/veranstaltungen/${e.id}`;
  const stamp = icsUtc((e.updatedAt && parseLenientDateTime(e.updatedAt)) || opts.now);
  const location = [e.location?.name, ...addressLines(e.addresses?.[0])].filter(Boolean).join(', ');
  const geo = [e.addresses?.[0]?.geoLocation, e.location?.geoLocation].find((g) => typeof g?.latitude === 'number' && typeof g?.longitude === 'number');
  const text = e.description ? (isHtml(e.description) ? htmlToText(e.description) : e.description.trim()) : '';
  const categories = (e.categories ?? []).map((c: any) => c.name).filter(Boolean);
  const perDay = new Map<string, number>();
  let timed = false;
  const events: IcsComponent[] = [];
  for (const d of (e.dates ?? []) as ApiDate[]) {
    const range = dayRange(d);
    if (!range) continue;
    const n = (perDay.get(range.start) ?? 0) + 1;
    perDay.set(range.start, n);
    const isTimed = range.end === range.start && d.useOnlyTimeDescription !== 'true' && TIME.test(d.timeStart ?? '');
    timed ||= isTimed;
    const when = timeText(d, 'de');
    const props: IcsProperty[] = [
      { name: 'UID', value: `event-${e.id}-${range.start}${n > 1 ? `-${n}` : ''}@${opts.host}` },
      { name: 'DTSTAMP', value: stamp },
      ...(isTimed ? timedSpan(range.start, d) : allDaySpan(range.start, range.end)),
      { name: 'SUMMARY', value: escapeText(e.title ?? '') },
      { name: 'DESCRIPTION', value: escapeText([isTimed && !d.timeDescription ? null : when, text, url].filter(Boolean).join('\n\n')) },
      ...(location ? [{ name: 'LOCATION', value: escapeText(location) }] : []),
      ...(geo ? [{ name: 'GEO', value: `${geo.latitude};${geo.longitude}` }] : []),
      ...(categories.length ? [{ name: 'CATEGORIES', value: categories.map(escapeText).join(',') }] : []),
      { name: 'URL', params: { VALUE: 'URI' }, value: url },
    ];
    events.push({ name: 'VEVENT', properties: props });
  }
  return serializeIcs({
    name: 'VCALENDAR',
    properties: [
      { name: 'VERSION', value: '2.0' },
      { name: 'PRODID', value: '-//Dorfplatz//Veranstaltungen//DE' },
      { name: 'CALSCALE', value: 'GREGORIAN' },
      { name: 'X-WR-CALNAME', value: escapeText(e.title ?? '') },
    ],
    components: [...(timed ? [berlinTimezone] : []), ...events],
  });
}

function timedSpan(day: string, d: ApiDate): IcsProperty[] {
  const tz = { TZID: BERLIN_TZID };
  const start: IcsProperty = { name: 'DTSTART', params: tz, value: icsLocalDateTime(day, d.timeStart!) };
  if (!TIME.test(d.timeEnd ?? '')) return [start];
  // An end before the start is after midnight (a concert from 22:00 to 01:00).
  const endDay = d.timeEnd!.slice(0, 5) <= d.timeStart!.slice(0, 5) ? addDays(day, 1) : day;
  return [start, { name: 'DTEND', params: tz, value: icsLocalDateTime(endDay, d.timeEnd!) }];
}

function allDaySpan(start: string, end: string): IcsProperty[] {
  return [
    { name: 'DTSTART', params: { VALUE: 'DATE' }, value: icsDate(start) },
    { name: 'DTEND', params: { VALUE: 'DATE' }, value: icsDate(addDays(end, 1)) },
  ];
}
