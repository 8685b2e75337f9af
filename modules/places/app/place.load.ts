import type { Loader } from '../../web-app/server/loader.ts';
import { ACCESSIBILITY, OPENING_HOURS, PRICE, accessibility, openingHours, prices } from './detail-parts.load.ts';
import { ATTRACTION, attraction, isId } from './attraction.load.ts';
import { firstPoint, mapSpec } from './map-spec.load.ts';
import { openNow } from './open-now.ts';
import type { PlaceData } from './places-types.ts';

const query = `query Place($id: ID!) {
  pointOfInterest(id: $id) {
    ${ATTRACTION}
    openingHours { ${OPENING_HOURS} }
    priceInformations { ${PRICE} }
    accessibilityInformation { ${ACCESSIBILITY} }
    certificates { name }
  }
}`;

/** `/orte/:id`: a place with everything the API knows; "open now" is decided here, at request time in Berlin. */
export const placeLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const { pointOfInterest: r } = await ctx.gql(query, { id: ctx.params.id });
  if (!r) return null;
  const common = attraction(r, ctx, 'poi');
  const point = firstPoint(...(r.addresses ?? []).map((a: any) => a?.geoLocation), r.location?.geoLocation);
  const data: PlaceData = {
    ...common,
    hours: openingHours(r.openingHours, ctx.lang),
    openNow: openNow(r.openingHours ?? [], new Date()),
    prices: prices(r.priceInformations, ctx.lang),
    accessibility: accessibility(r.accessibilityInformation),
    certificates: (r.certificates ?? []).map((c: any) => c?.name).filter((n: unknown): n is string => typeof n === 'string' && n.trim() !== ''),
    map: point ? mapSpec(ctx.settings, [{ id: common.id, lat: point[0], lng: point[1], title: common.name, href: null }]) : null,
  };
  return { title: common.name, data };
};
