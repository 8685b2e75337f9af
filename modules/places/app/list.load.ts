import type { Loader } from '../../web-app/server/loader.ts';
import { POI_TEASER, TOUR_TEASER, poiTeaser, tourTeaser } from '../../web-app/server/teasers.ts';
import { loadCategories, withDescendants } from './categories.load.ts';
import { LIST_PATH, listHref } from './list-links.ts';
import { firstPoint, mapSpec } from './map-spec.load.ts';
import type { MapMarker } from './map-spec.ts';
import { PAGE_SIZE, pageParam, pager } from './pager.load.ts';
import { placesTexts } from './places-texts.ts';
import type { ListData, ListKind } from './places-types.ts';

/** The map shows at most this many markers (the API's largest page); the list below has them all. */
const MAP_LIMIT = 1000;

const field = { poi: { list: 'pointsOfInterest', count: 'pointsOfInterestCount', teaser: POI_TEASER }, tour: { list: 'tours', count: 'toursCount', teaser: TOUR_TEASER } } as const;

const listQuery = (k: ListKind) => `query List($ids: [ID], $limit: Int, $skip: Int) {
  items: ${field[k].list}(categoryIds: $ids, limit: $limit, skip: $skip, order: name_ASC) { ${field[k].teaser} }
  total: ${field[k].count}(categoryIds: $ids)
}`;

const markerQuery = (k: ListKind) => `query Markers($ids: [ID], $limit: Int) {
  items: ${field[k].list}(categoryIds: $ids, limit: $limit, order: name_ASC) { id name addresses { geoLocation { latitude longitude } } location { geoLocation { latitude longitude } } }
}`;

/**
 * `/orte/liste` and `/touren`: places or tours, optionally of one category (`kategorie`, with its
 * subcategories), 20 a page (`seite`), as a list or — `ansicht=karte` — as a map above the list.
 * An unknown category, a page that does not exist or a malformed parameter is "not found".
 */
export function listLoader(kind: ListKind): Loader {
  return async (ctx) => {
    const t = placesTexts(ctx.lang);
    const categoryId = ctx.query.get('kategorie');
    const view = ctx.query.get('ansicht') ?? 'liste';
    const page = pageParam(ctx.query);
    if ((categoryId !== null && !/^\d{1,10}$/.test(categoryId)) || !['liste', 'karte'].includes(view) || page === null) return null;
    let ids: string[] | null = null;
    let title = kind === 'poi' ? t.allPlaces : t.allTours;
    if (categoryId) {
      const { categories } = await loadCategories(ctx.gql, false);
      const category = categories.find((c) => c.id === categoryId);
      if (!category) return null;
      ids = withDescendants(categories, categoryId);
      title = category.name;
    }
    const data = await ctx.gql(listQuery(kind), { ids, limit: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
    const total: number = data.total ?? 0;
    if (page > 1 && (page - 1) * PAGE_SIZE >= total) return null;
    let map: ListData['map'] = null;
    if (view === 'karte') {
      const m = await ctx.gql(markerQuery(kind), { ids, limit: MAP_LIMIT });
      const markers = (m.items ?? []).flatMap((r: any): MapMarker[] => {
        const point = firstPoint(...(r.addresses ?? []).map((a: any) => a?.geoLocation), r.location?.geoLocation);
        return point ? [{ id: String(r.id), lat: point[0], lng: point[1], title: r.name ?? '', href: `${kind === 'poi' ? '/orte' : '/touren'}/${r.id}` }] : [];
      });
      map = mapSpec(ctx.settings, markers);
    }
    const result: ListData = {
      kind,
      title,
      total,
      listHref: listHref(kind, categoryId),
      mapHref: listHref(kind, categoryId, true),
      items: (data.items ?? []).map(kind === 'poi' ? poiTeaser : tourTeaser),
      pager: pager(LIST_PATH[kind], ctx.query, page, total),
      map,
      mapLimit: map && total > MAP_LIMIT ? MAP_LIMIT : null,
    };
    return { title, data: result };
  };
}
