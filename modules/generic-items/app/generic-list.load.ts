import type { Loader } from '../../web-app/server/loader.ts';
import { GENERIC_TEASER, genericTeaser } from '../../web-app/server/teasers.ts';
import { PAGE_SIZE, pageParam, pager } from '../../places/app/pager.load.ts';
import { DATE, datesText } from './generic-dates.load.ts';
import { typeName } from './generic-texts.ts';
import type { GenericListData } from './generic-types.ts';

const query = `query GenericList($type: String, $limit: Int, $skip: Int) {
  genericItems(genericType: $type, limit: $limit, skip: $skip, order: publishedAt_DESC) { ${GENERIC_TEASER} dates { ${DATE} } }
  genericItemsCount(genericType: $type)
}`;

/**
 * `/eintraege/:genericType`: the newest items of one type, 20 a page. The types the apps know
 * always have a page (possibly empty); any other type only when it has items.
 */
export const genericListLoader: Loader = async (ctx) => {
  const type = ctx.params.genericType ?? '';
  const page = pageParam(ctx.query);
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(type) || page === null) return null;
  const data = await ctx.gql(query, { type, limit: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  const total: number = data.genericItemsCount ?? 0;
  const { name, known } = typeName(type, ctx.lang);
  if ((!known && total === 0) || (page > 1 && (page - 1) * PAGE_SIZE >= total)) return null;
  const result: GenericListData = {
    title: name,
    total,
    // An item's own dates (deadline, construction period) say more in a list than its publication day.
    items: (data.genericItems ?? []).map((g: any) => {
      const when = datesText(g.dates, ctx.lang)[0] ?? null;
      return when ? { ...genericTeaser(g), date: null, meta: when } : genericTeaser(g);
    }),
    pager: pager(`/eintraege/${encodeURIComponent(type)}`, ctx.query, page, total),
  };
  return { title: name, data: result };
};
