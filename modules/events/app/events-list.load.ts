import type { Loader, LoaderContext } from '../../web-app/server/loader.ts';
import { EVENT_TEASER, eventTeaser } from '../../web-app/server/teasers.ts';
import { idParam, pageParam, queryValue, listHref } from '../../web-app/server/query-params.ts';
import { formatDate } from '../../web-app/client/i18n.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';
import { addDays } from '../recurrence.ts';
import { dayParam, dayRange, longDay, timeText } from './event-days.ts';
import { EVENTS_PAGE_SIZE, type EventFilters, type EventListData } from './event-data.ts';
import { eventsTexts, fill } from './events-texts.ts';

const QUERY = `query WebEvents($categoryId: ID, $range: [String], $limit: Int, $skip: Int) {
  eventRecords(categoryId: $categoryId, dateRange: $range, limit: $limit, skip: $skip, order: listDate_ASC) {
    ${EVENT_TEASER} date { dateEnd timeEnd useOnlyTimeDescription }
  }
  categories { id name upcomingEventRecordsCount }
}`;

/** How far "from a day on" reaches: beyond the 19 months recurring dates are kept for. */
const OPEN_END_DAYS = 800;

type Filter = { filters: EventFilters; range: [string, string] | null; error: string | null };

/**
 * The filters of "/veranstaltungen" (a GET form, so it works without JavaScript): kategorie, a day
 * (tag) or a period (von/bis). A malformed value never fails the page: the list is shown without
 * that filter and the page says why.
 */
function readFilters(ctx: LoaderContext, today: string): Filter {
  const t = eventsTexts(ctx.lang);
  const raw = { kategorie: queryValue(ctx.query, 'kategorie'), tag: queryValue(ctx.query, 'tag'), von: queryValue(ctx.query, 'von'), bis: queryValue(ctx.query, 'bis') };
  const errors: string[] = [];
  const filters: EventFilters = {};
  if (raw.kategorie !== undefined) {
    if (idParam.safeParse(raw.kategorie).success) filters.kategorie = raw.kategorie;
    else errors.push(fill(t.badCategory, { value: raw.kategorie }));
  }
  const bad = (['tag', 'von', 'bis'] as const).find((k) => raw[k] !== undefined && !dayParam.safeParse(raw[k]).success);
  let range: [string, string] | null = null;
  if (bad) errors.push(fill(t.badDate, { value: raw[bad]! }));
  else if (raw.tag) {
    filters.tag = raw.tag;
    range = [raw.tag, raw.tag];
  } else if (raw.von && raw.bis && raw.bis < raw.von) errors.push(t.badRange);
  else if (raw.von || raw.bis) {
    Object.assign(filters, raw.von && { von: raw.von }, raw.bis && { bis: raw.bis });
    const from = raw.von ?? today;
    range = [from, raw.bis ?? addDays(from, OPEN_END_DAYS)];
  }
  return { filters, range, error: errors.join(' ') || null };
}

function summaryOf(f: EventFilters, category: string | undefined, ctx: LoaderContext): string | null {
  const t = eventsTexts(ctx.lang);
  const day = (d: string) => longDay(d, ctx.lang);
  const when = f.tag ? fill(t.onDay, { day: day(f.tag) }) : f.von && f.bis ? fill(t.fromUntil, { from: day(f.von), until: day(f.bis) }) : f.von ? fill(t.fromOnly, { from: day(f.von) }) : f.bis ? fill(t.untilOnly, { until: day(f.bis) }) : null;
  const where = category ? fill(t.inCategory, { category }) : null;
  return [when ?? (where ? t.dates : null), where].filter(Boolean).join(' ') || null;
}

/** "/veranstaltungen": one entry per upcoming date (as the API lists them), by day, 15 a page. */
export const eventsListLoader: Loader = async (ctx) => {
  const seite = pageParam.safeParse(queryValue(ctx.query, 'seite') ?? '1');
  if (!seite.success) return null;
  const page = seite.data;
  const today = berlinDate(new Date());
  const { filters, range, error } = readFilters(ctx, today);
  const data = await ctx.gql(QUERY, { categoryId: filters.kategorie ?? null, range, limit: EVENTS_PAGE_SIZE + 1, skip: (page - 1) * EVENTS_PAGE_SIZE });
  const entries: any[] = data.eventRecords ?? [];
  if (page > 1 && entries.length === 0) return null;
  const categories = (data.categories ?? [])
    .filter((c: any) => c.upcomingEventRecordsCount > 0)
    .map((c: any) => ({ id: String(c.id), name: c.name ?? '', count: c.upcomingEventRecordsCount }));
  const days: EventListData['days'] = [];
  for (const e of entries.slice(0, EVENTS_PAGE_SIZE)) {
    const day: string = e.listDate;
    if (days.at(-1)?.day !== day) days.push({ day, label: longDay(day, ctx.lang), items: [] });
    days.at(-1)!.items.push(teaser(e, ctx));
  }
  const href = (p: number) => listHref('/veranstaltungen', { ...filters, seite: p });
  const title = eventsTexts(ctx.lang).events;
  const list: EventListData = {
    filters,
    error,
    summary: summaryOf(filters, categories.find((c: { id: string }) => c.id === filters.kategorie)?.name, ctx),
    categories,
    days,
    page,
    prevHref: page > 1 ? href(page - 1) : null,
    nextHref: entries.length > EVENTS_PAGE_SIZE ? href(page + 1) : null,
  };
  return { title, data: list };
};

/** The shared event teaser, with the time as the events pages show it and the last day of a multi-day date. */
function teaser(e: any, ctx: LoaderContext) {
  const range = e.date ? dayRange(e.date) : null;
  const until = range && range.end !== range.start ? `${ctx.lang === 'de' ? 'bis' : 'until'} ${formatDate(range.end, ctx.lang)}` : null;
  return { ...eventTeaser(e), date: null, meta: [until, e.date ? timeText(e.date, ctx.lang) : null, e.location?.name].filter(Boolean).join(' · ') || null };
}
