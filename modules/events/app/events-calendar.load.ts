import type { Loader, LoaderContext } from '../../web-app/server/loader.ts';
import { queryValue } from '../../web-app/server/query-params.ts';
import { formatDate } from '../../web-app/client/i18n.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';
import { addDays, addMonths, dayNumber, weekdayOf } from '../recurrence.ts';
import { dayRange, monthParam, type ApiDate } from './event-days.ts';
import type { CalendarData, CalendarDay } from './event-data.ts';
import { eventsTexts, fill } from './events-texts.ts';

/** Every upcoming date touching the month; only the days are selected, so even a busy month stays small. */
const QUERY = `query WebEventMonth($range: [String], $limit: Int, $skip: Int) { eventRecords(dateRange: $range, limit: $limit, skip: $skip) { date { dateStart dateEnd } } }`;
/** The API's largest page; a month is read in as many pages as it needs, up to MAX_PAGES (20,000 dates). */
const PAGE = 1000;
const MAX_PAGES = 20;

async function monthDates(gql: LoaderContext['gql'], range: [string, string]): Promise<{ date?: ApiDate | null }[]> {
  const all: { date?: ApiDate | null }[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const batch = (await gql(QUERY, { range, limit: PAGE, skip: page * PAGE })).eventRecords ?? [];
    all.push(...batch);
    if (batch.length < PAGE) break;
  }
  return all;
}

/**
 * "/veranstaltungen/kalender?monat=YYYY-MM": the month as a table, days with upcoming dates linked
 * to the day's list (?tag=). A malformed month shows the current one with a note.
 */
export const eventsCalendarLoader: Loader = async (ctx) => {
  const t = eventsTexts(ctx.lang);
  const today = berlinDate(new Date());
  const asked = queryValue(ctx.query, 'monat');
  const valid = asked !== undefined && monthParam.safeParse(asked).success;
  const month = valid ? asked : today.slice(0, 7);
  const first = `${month}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const counts = new Map<string, number>();
  for (const e of await monthDates(ctx.gql, [first, last])) {
    const r = e.date ? dayRange(e.date) : null;
    if (!r) continue;
    // Only days from today on: past days of a running date are over.
    const from = [r.start, first, today].sort().at(-1)!;
    const until = r.end < last ? r.end : last;
    for (let d = from; d <= until; d = addDays(d, 1)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const cells: (CalendarDay | null)[] = Array.from({ length: weekdayOf(first) }, () => null);
  for (let n = dayNumber(first); n <= dayNumber(last); n++) {
    const day = addDays(first, n - dayNumber(first));
    const count = counts.get(day) ?? 0;
    cells.push({ day, number: Number(day.slice(8)), count, today: day === today });
  }
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const monthLabel = (m: string) => formatDate(`${m}-01`, ctx.lang, { month: 'long', year: 'numeric' });
  const prev = addMonths(first, -1).slice(0, 7);
  const next = addMonths(first, 1).slice(0, 7);
  const caption = monthLabel(month);
  const calendar: CalendarData = {
    month,
    caption,
    error: asked !== undefined && !valid ? fill(t.badMonth, { value: asked }) : null,
    weeks,
    prev: { href: `/veranstaltungen/kalender?monat=${prev}`, label: monthLabel(prev) },
    next: { href: `/veranstaltungen/kalender?monat=${next}`, label: monthLabel(next) },
  };
  return { title: `${t.calendar}: ${caption}`, data: calendar };
};
