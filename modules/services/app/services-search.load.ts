import { z } from 'zod';
import type { Loader } from '../../web-app/server/loader.ts';
import { PAGE_SIZE, pageParam, pager } from '../../places/app/pager.load.ts';
import type { ServicesSearchData } from './services-data.ts';
import { SERVICE_TEASER, STATUS, serviceTeaser, status } from './services-parts.load.ts';
import { servicesTexts } from './services-texts.ts';
import { MAX_QUERY, MIN_QUERY } from './search-limits.ts';


const query = `query ServicesSearch($q: String, $limit: Int, $skip: Int) {
  administrativeServices(search: $q, limit: $limit, skip: $skip) { ${SERVICE_TEASER} }
  administrativeServicesCount(search: $q)
  ${STATUS}
}`;

/**
 * `/rathaus/suche?q=…&seite=…`: services ranked by the API (pinned first), with their summaries,
 * a page at a time. A plain GET form leads here, so it works without JavaScript.
 */
export const servicesSearchLoader: Loader = async (ctx) => {
  const q = z.string().trim().catch('').parse(ctx.query.get('q') ?? '');
  const page = pageParam(ctx.query);
  if (page === null) return null;
  const t = servicesTexts(ctx.lang);
  const title = q ? `${q} – ${t.searchTitle}` : t.searchTitle;
  const base = { query: q, total: 0, items: [], pager: pager('/rathaus/suche', ctx.query, 1, 0), status: null };
  const result = (data: ServicesSearchData) => ({ title, data });
  if (!q) return result({ ...base, state: 'empty' });
  if (q.length < MIN_QUERY) return result({ ...base, state: 'too-short' });
  if (q.length > MAX_QUERY) return result({ ...base, state: 'too-long' });

  const r = await ctx.gql(query, { q, limit: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  const total = Number(r.administrativeServicesCount) || 0;
  // A page past the end of the results does not exist (the first page may be empty: nothing found).
  if (page > 1 && (page - 1) * PAGE_SIZE >= total) return null;
  return result({
    ...base,
    state: total ? 'results' : 'none',
    total,
    items: (r.administrativeServices ?? []).map(serviceTeaser),
    pager: pager('/rathaus/suche', ctx.query, page, total),
    status: status(r.administrativeServicesStatus),
  });
};
