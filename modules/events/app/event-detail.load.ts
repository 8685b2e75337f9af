import type { Loader } from '../../web-app/server/loader.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { idParam } from '../../web-app/server/query-params.ts';
import { demoteHeadings, isHtml } from '../../web-app/server/rich-text.ts';
import { toFigures } from '../../web-app/client/media-figure.tsx';
import { describeDate } from './event-days.ts';
import type { EventDate, EventDetailData, Link, Party } from './event-data.ts';
import { eventsTexts, fill } from './events-texts.ts';

const ADDRESS = `addition street zip city geoLocation { latitude longitude }`;
const CONTACT = `firstName lastName phone fax email webUrls { url description }`;

/** Everything the event page and its calendar file show. */
export const EVENT_DETAIL = `id title description updatedAt
  dates { dateStart dateEnd timeStart timeEnd timeDescription useOnlyTimeDescription }
  categories { id name }
  location { name geoLocation { latitude longitude } }
  addresses { ${ADDRESS} }
  organizer { name address { ${ADDRESS} } contact { ${CONTACT} } }
  contacts { ${CONTACT} }
  priceInformations { name amount category description ageFrom ageTo groupPrice }
  urls { url description }
  mediaContents { contentType captionText copyright sourceUrl { url } }
  accessibilityInformation { description types urls { url description } }
  dataProvider { name logo { url } }`;

export const EVENT_QUERY = `query WebEvent($id: ID!) { eventRecord(id: $id) { ${EVENT_DETAIL} } }`;

/** "/veranstaltungen/:id": one visible event with its upcoming dates; unknown or malformed ids are not found. */
export const eventDetailLoader: Loader = async (ctx) => {
  const id = idParam.safeParse(ctx.params.id);
  if (!id.success) return null;
  const e = (await ctx.gql(EVENT_QUERY, { id: id.data })).eventRecord;
  if (!e) return null;
  const data: EventDetailData = {
    id: String(e.id),
    title: e.title ?? '',
    categories: (e.categories ?? []).map((c: any) => ({ id: String(c.id), name: c.name ?? '' })),
    figures: toFigures(e.mediaContents),
    description: descriptionOf(e.description),
    dates: (e.dates ?? []).map((d: any) => describeDate(d, ctx.lang)).filter((d: EventDate | null): d is EventDate => d !== null),
    prices: (e.priceInformations ?? []).map((p: any) => priceOf(p, ctx.lang)),
    place: placeOf(e),
    organizer: e.organizer ? partyOf(e.organizer.contact ?? {}, e.organizer.name, e.organizer.address) : null,
    contacts: (e.contacts ?? []).map((c: any) => partyOf(c, null, null)),
    links: linksOf(e.urls),
    accessibility: e.accessibilityInformation && (e.accessibilityInformation.description || e.accessibilityInformation.types || e.accessibilityInformation.urls?.length) ? { description: e.accessibilityInformation.description || null, types: e.accessibilityInformation.types || null, links: linksOf(e.accessibilityInformation.urls) } : null,
    provider: e.dataProvider?.name ? { name: e.dataProvider.name, logo: e.dataProvider.logo?.url ?? null } : null,
  };
  return { title: data.title, data };
};

/** HTML descriptions were sanitised when saved (events event-input.ts); plain text becomes paragraphs. */
function descriptionOf(s: string | null | undefined): EventDetailData['description'] {
  if (!s?.trim()) return null;
  if (isHtml(s)) return { html: demoteHeadings(s, 2) };
  return { paragraphs: s.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) };
}

const httpUrl = (u: unknown): u is string => typeof u === 'string' && /^https?:\/\//i.test(u);

function linksOf(urls: any[] | null | undefined): Link[] {
  return (urls ?? []).filter((u) => httpUrl(u?.url)).map((u) => ({ url: u.url, label: u.description || u.url.replace(/^https?:\/\//i, '') }));
}

export function addressLines(a: any): string[] {
  if (!a) return [];
  return [a.addition, a.street, [a.zip, a.city].filter(Boolean).join(' ')].map((s) => (typeof s === 'string' ? s.trim() : '')).filter(Boolean);
}

function placeOf(e: any): EventDetailData['place'] {
  const address = e.addresses?.[0] ?? null;
  const lines = addressLines(address);
  const name = e.location?.name || null;
  if (!name && !lines.length) return null;
  const geo = [address?.geoLocation, e.location?.geoLocation].find((g) => typeof g?.latitude === 'number' && typeof g?.longitude === 'number');
  // Directions on openstreetmap.org (an ordinary external link; this page loads nothing from there).
  const to = geo ? `${geo.latitude},${geo.longitude}` : [name, ...lines].join(', ');
  return { name, address: lines, routeHref: `https://www.openstreetmap.org/directions?from=&to=${encodeURIComponent(to)}` };
}

function partyOf(c: any, name: string | null, address: any): Party {
  const person = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return {
    name: [name, person].filter(Boolean).join(', ') || null,
    address: addressLines(address),
    phone: c.phone || null,
    fax: c.fax || null,
    email: c.email || null,
    links: linksOf(c.webUrls),
  };
}

function priceOf(p: any, lang: Lang): EventDetailData['prices'][number] {
  const t = eventsTexts(lang);
  const amount = typeof p.amount === 'number' ? (p.amount === 0 ? t.free : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR' }).format(p.amount)) : null;
  const ages = p.ageFrom != null || p.ageTo != null ? fill(t.years, { from: p.ageFrom ?? 0, to: p.ageTo ?? '' }) : null;
  return { name: [p.category, p.name].filter(Boolean).join(': ') || t.prices, amount, details: [ages, p.groupPrice ? t.groupPrice : null, p.description || null].filter((s): s is string => !!s) };
}
