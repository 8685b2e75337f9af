import { z } from 'zod';
import type { Loader, LoaderContext } from '../../web-app/server/loader.ts';
import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import { NEWS_TEASER, EVENT_TEASER, POI_TEASER, TOUR_TEASER, GENERIC_TEASER, newsTeaser, eventTeaser, poiTeaser, tourTeaser, genericTeaser } from '../../web-app/server/teasers.ts';
import { MAX_QUERY_LENGTH, MAX_WORDS } from '../search-query.ts';
import { searchTexts } from './search-texts.ts';
import { SEARCH_TYPES, type SearchData, type SearchGroup, type SearchType } from './search-data.ts';

/** Hits asked for (the teasers of all of them would exceed the API's query cost limit); shown per type on the overview. */
const SEARCH_LIMIT = 100;
const PER_TYPE = 10;
const DEFAULT_MIN_LENGTH = 2;

/** How the hits of each type are loaded (the list queries by ids) and turned into teasers. */
const lists: Record<SearchType, { recordType: string; field: string; args?: string; selection: string; teaser: (x: any) => Teaser }> = {
  news_item: { recordType: 'NewsItem', field: 'newsItems', selection: NEWS_TEASER, teaser: newsTeaser },
  // One entry per event (its next date), not one per date.
  event_record: { recordType: 'EventRecord', field: 'eventRecords', args: 'onlyUniqEvents: true', selection: EVENT_TEASER, teaser: eventTeaser },
  point_of_interest: { recordType: 'PointOfInterest', field: 'pointsOfInterest', selection: POI_TEASER, teaser: poiTeaser },
  tour: { recordType: 'Tour', field: 'tours', selection: TOUR_TEASER, teaser: tourTeaser },
  generic_item: { recordType: 'GenericItem', field: 'genericItems', selection: GENERIC_TEASER, teaser: genericTeaser },
};

const typeByRecordType = new Map(SEARCH_TYPES.map((t) => [lists[t].recordType, t]));

const Params = z.object({
  q: z.string().trim().catch(''),
  // An unknown type is ignored (all types are shown), not an error page.
  typ: z.enum(SEARCH_TYPES).nullable().catch(null),
});

const SearchSettings = z
  .object({
    minSearchLength: z.coerce.number().int().min(1).max(20).catch(DEFAULT_MIN_LENGTH),
    filter: z.array(z.string()).catch([]),
    texts: z.object({ placeholder: z.string().optional().catch(undefined), noResults: z.string().optional().catch(undefined), minSearchLengthHint: z.string().optional().catch(undefined) }).catch({}),
  })
  .catch({ minSearchLength: DEFAULT_MIN_LENGTH, filter: [], texts: {} });

/**
 * The search page (/suche?q=…&typ=…): the API's `search` finds ids ranked across the types the
 * tenant configured (globalSettings.settings.search.filter, else all), then one request loads
 * their teasers through the list queries by ids, grouped by type in rank order.
 */
export const searchLoader: Loader = async (ctx) => {
  const { q, typ } = Params.parse({ q: ctx.query.get('q') ?? '', typ: ctx.query.get('typ') });
  const conf = SearchSettings.parse(ctx.settings.globalSettings.settings?.search ?? {});
  const configured = SEARCH_TYPES.filter((t) => conf.filter.includes(t));
  const types = typ ? [typ] : configured.length ? configured : [...SEARCH_TYPES];
  const base = { query: q, type: typ, minLength: conf.minSearchLength, total: 0, groups: [], tenantTexts: conf.texts };
  const name = searchTexts(ctx.lang).title;
  const title = q ? `${q} – ${name}` : name;
  const page = (data: SearchData) => ({ title, data });

  if (!q) return page({ ...base, state: 'empty' });
  if (q.length < conf.minSearchLength) return page({ ...base, state: 'too-short' });
  if (q.length > MAX_QUERY_LENGTH || q.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length > MAX_WORDS) return page({ ...base, state: 'too-long' });

  const found = await ctx.gql<{ search: { id: string; recordType: string }[] }>(
    `query WebSearch($q: String, $filter: [SearchRecord!], $limit: Int) { search(query: $q, filter: $filter, limit: $limit) { id recordType } }`,
    { q, filter: types, limit: SEARCH_LIMIT },
  );
  const idsByType = new Map<SearchType, string[]>();
  for (const hit of found.search) {
    const t = typeByRecordType.get(hit.recordType);
    if (t) idsByType.set(t, [...(idsByType.get(t) ?? []), hit.id]);
  }
  const groups = await teaserGroups(ctx, idsByType, typ ? SEARCH_LIMIT : PER_TYPE);
  const total = groups.reduce((n, g) => n + g.count, 0);
  return page({ ...base, state: total ? 'results' : 'none', total, groups });
};

/** The teasers of the first `shown` hits of each type, all types in one GraphQL request, in rank order; counts are the hits'. */
async function teaserGroups(ctx: LoaderContext, idsByType: Map<SearchType, string[]>, shown: number): Promise<SearchGroup[]> {
  const present = SEARCH_TYPES.filter((t) => idsByType.has(t));
  if (!present.length) return [];
  const ids = new Map(present.map((t) => [t, idsByType.get(t)!.slice(0, shown)]));
  const query = `query WebSearchTeasers(${present.map((t) => `$${t}: [ID]`).join(', ')}) {
${present.map((t) => `  ${t}: ${lists[t].field}(ids: $${t}, limit: ${ids.get(t)!.length}${lists[t].args ? `, ${lists[t].args}` : ''}) { ${lists[t].selection} }`).join('\n')}
}`;
  const data = await ctx.gql<Record<SearchType, any[] | null>>(query, Object.fromEntries(ids));
  return present.map((t) => {
    const byId = new Map((data[t] ?? []).map((r) => [String(r.id), r]));
    const items = ids.get(t)!.flatMap((id) => (byId.has(id) ? [lists[t].teaser(byId.get(id))] : []));
    return { type: t, count: idsByType.get(t)!.length, items };
  });
}
