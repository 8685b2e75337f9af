import type { Loader } from '../../web-app/server/loader.ts';
import { ACCESSIBILITY, ADDRESS, CONTACT, MEDIA, WEB_URL, addresses, contact, images, links, richHtml } from './detail-parts.load.ts';
import { ATTRACTION, attraction, isId } from './attraction.load.ts';
import { firstPoint, mapSpec } from './map-spec.load.ts';
import type { MapMarker } from './map-spec.ts';
import { placesTexts } from './places-texts.ts';
import type { TourData, TourStopData } from './places-types.ts';

const query = `query Tour($id: ID!) {
  tour(id: $id) {
    ${ATTRACTION}
    lengthKm meansOfTransportation
    geometryTourData { latitude longitude }
    tourStops { id name description mobileDescription addresses { ${ADDRESS} } location { geoLocation { latitude longitude } } contact { ${CONTACT} } webUrls { ${WEB_URL} } mediaContents { ${MEDIA} } accessibilityInformation { ${ACCESSIBILITY} } }
  }
}`;

/** A track may have 20,000 points; every n-th (and the last) is plenty for a map in a page. */
const MAX_TRACK_POINTS = 2000;

export function thinTrack(points: [number, number][]): [number, number][] {
  if (points.length <= MAX_TRACK_POINTS) return points;
  const step = Math.ceil(points.length / MAX_TRACK_POINTS);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/** `/touren/:id`: a tour — length, means of transport, description, its track and numbered stops on a map and as a list. */
export const tourLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const { tour: r } = await ctx.gql(query, { id: ctx.params.id });
  if (!r) return null;
  const t = placesTexts(ctx.lang);
  const common = attraction(r, ctx, 'tour');
  const track = thinTrack((r.geometryTourData ?? []).map((g: any) => firstPoint(g)).filter((p: unknown): p is [number, number] => p !== null));
  const stops: TourStopData[] = (r.tourStops ?? []).map((s: any, i: number) => ({
    id: String(s.id),
    number: i + 1,
    name: String(s.name ?? ''),
    summary: typeof s.mobileDescription === 'string' && s.mobileDescription.trim() ? s.mobileDescription.trim() : null,
    descriptionHtml: richHtml(s.description),
    images: images(s.mediaContents),
    addresses: addresses(s.addresses, ctx, String(s.name ?? '')).filter((a) => a.lines.length),
    contact: contact(s.contact),
    links: links(s.webUrls),
  }));
  const markers: MapMarker[] = (r.tourStops ?? []).flatMap((s: any, i: number) => {
    // Imports often put a stop's point in an address; the studio puts it in the stop's location.
    const point = firstPoint(s.location?.geoLocation, ...(s.addresses ?? []).map((a: any) => a?.geoLocation));
    return point ? [{ id: String(s.id), lat: point[0], lng: point[1], title: `${i + 1}. ${s.name ?? ''}`, href: `#stop-${s.id}`, label: String(i + 1) }] : [];
  });
  const start = firstPoint(...(r.addresses ?? []).map((a: any) => a?.geoLocation), r.location?.geoLocation);
  if (!markers.length && !track.length && start) markers.push({ id: common.id, lat: start[0], lng: start[1], title: common.name, href: null });
  const transport: string | null = typeof r.meansOfTransportation === 'string' ? r.meansOfTransportation : null;
  const data: TourData = {
    ...common,
    lengthKm: typeof r.lengthKm === 'number' && r.lengthKm > 0 ? r.lengthKm : null,
    transport: transport === 'bike' || transport === 'canoe' || transport === 'foot' ? t[transport] : transport,
    stops,
    hasTrack: track.length > 1,
    // Numbered stops are few and must stay apart: no clustering on a tour's map.
    map: markers.length || track.length > 1 ? { ...mapSpec(ctx.settings, markers, track.length > 1 ? track : null), clusterRadius: 0 } : null,
  };
  return { title: common.name, data };
};
