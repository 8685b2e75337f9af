import { optionalText as text } from '../content-parts/parts.ts';
import { validationError } from '../../core/errors.ts';
import type { TrackPoint } from '../../lib/track-text.ts';
import { sanitizeRichText } from '../../lib/sanitize.ts';
import {
  type AccessibilityInformation,
  type Address,
  type Contact,
  type FixedDate,
  type Location,
  type MediaContent,
  type Named,
  type OpeningHour,
  type OperatingCompany,
  type Price,
  type WebUrl,
  accessibilityInformationFrom,
  addressesFrom,
  contactFrom,
  fixedDatesFrom,
  locationFrom,
  mediaContentsFrom,
  namesFrom,
  openingHoursFrom,
  operatingCompanyFrom,
  pricesFrom,
  webUrlsFrom,
} from '../content-parts/parts.ts';

/** Arguments every attraction mutation input has (createPointOfInterest, createTour, TourStopInput). */
export type AttractionArgs = {
  name?: string | null;
  description?: string | null;
  mobileDescription?: string | null;
  active?: boolean | null;
  categoryName?: string | null;
  payload?: unknown;
  categories?: Array<{ name?: string | null } | null> | null;
  addresses?: unknown[] | null;
  contact?: unknown;
  operatingCompany?: unknown;
  webUrls?: unknown[] | null;
  mediaContents?: unknown[] | null;
  location?: unknown;
  certificates?: unknown[] | null;
  accessibilityInformation?: unknown;
  tags?: Array<string | null> | null;
};

type UpsertArgs = { id?: string | number | null; forceCreate?: boolean | null; externalId?: string | null };

export type LunchArgs = {
  text?: string | null;
  dates?: unknown[] | null;
  lunchOffers?: Array<{ name?: string | null; price?: string | null } | null> | null;
  pointOfInterestId?: unknown;
  pointOfInterestAttributes?: string | null;
};

export type CreatePointOfInterestArgs = AttractionArgs &
  UpsertArgs & { priceInformations?: unknown[] | null; openingHours?: unknown[] | null; lunches?: Array<LunchArgs | null> | null };

export type CreateTourArgs = AttractionArgs &
  UpsertArgs & {
    lengthKm?: number | null;
    meansOfTransportation?: string | null;
    geometryTourData?: Array<{ latitude?: unknown; longitude?: unknown } | null> | null;
    tourStops?: Array<AttractionArgs | null> | null;
  };

/** Column values shared by points of interest, tours and tour stops (sub-resources without ids yet). */
export type AttractionValues = {
  name: string;
  description: string | null;
  mobile_description: string | null;
  active: boolean;
  payload: unknown;
  addresses: Address[];
  contact: Contact | null;
  web_urls: WebUrl[];
  media_contents: MediaContent[];
  operating_company: OperatingCompany | null;
  location: Location | null;
  certificates: Named[];
  accessibility_information: AccessibilityInformation | null;
  tag_list: string[];
};

export type LunchValues = {
  text: string | null;
  point_of_interest_attributes: string | null;
  dates: FixedDate[];
  lunch_offers: Array<{ id?: number; name: string | null; price: string | null }>;
};

export const MEANS_OF_TRANSPORTATION = ['bike', 'canoe', 'foot'] as const;
const MAX_LUNCHES = 100;
const MAX_OFFERS = 50;
export const MAX_TOUR_STOPS = 300;
export const MAX_TRACK_POINTS = 20_000;
const MAX_PAYLOAD = 200_000;


function list<T>(value: T[] | null | undefined, field: string, max: number): T[] {
  if (!value) return [];
  if (value.length > max) throw validationError(`Invalid input: ${field} has more than ${max} entries.`);
  return value;
}

function payloadFrom(value: unknown, field: string): unknown {
  if (value === undefined || value === null) return null;
  const json = JSON.stringify(value);
  if (json.length > MAX_PAYLOAD) throw validationError(`Invalid input: ${field} is larger than 200 kB.`);
  return value;
}

function tagsFrom(value: Array<string | null> | null | undefined, field: string): string[] {
  const tags = list(value, field, 100)
    .map((t, i) => text(t, `${field}[${i}]`, 200)?.trim())
    .filter((t): t is string => !!t);
  return [...new Set(tags)];
}

/** Validates and normalises the attraction fields; `field` prefixes messages of nested inputs. */
export function attractionValuesFrom(args: AttractionArgs, field = ''): AttractionValues {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const name = text(args.name, at('name'), 1000)?.trim();
  if (!name) throw validationError(`Invalid input: ${at('name')} must not be empty.`);
  const description = text(args.description, at('description'), 200_000);
  return {
    name,
    // descriptions are shown as HTML by the apps
    description: description === null ? null : sanitizeRichText(description),
    mobile_description: text(args.mobileDescription, at('mobileDescription')),
    active: args.active ?? true,
    payload: payloadFrom(args.payload, at('payload')),
    addresses: addressesFrom(args.addresses, at('addresses')),
    contact: contactFrom(args.contact),
    web_urls: webUrlsFrom(args.webUrls, at('webUrls')),
    media_contents: mediaContentsFrom(args.mediaContents, at('mediaContents')),
    operating_company: operatingCompanyFrom(args.operatingCompany, at('operatingCompany')),
    location: locationFrom(args.location, at('location')),
    certificates: namesFrom(args.certificates, at('certificates')),
    accessibility_information: accessibilityInformationFrom(args.accessibilityInformation, at('accessibilityInformation')),
    tag_list: tagsFrom(args.tags, at('tags')),
  };
}

/** `categoryName` first, then `categories` in the order sent; blank names dropped. */
export function categoryNamesFrom(args: AttractionArgs): string[] {
  const names = [args.categoryName, ...(args.categories ?? []).map((c) => c?.name)]
    .map((n) => (n ?? '').trim())
    .filter((n) => n !== '');
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n.toLowerCase()) ? false : (seen.add(n.toLowerCase()), true)));
}

/** Has at least one image (media content of type "image…" with a source URL): `onlyWithImage`. */
export function hasImage(media: MediaContent[]): boolean {
  return media.some((m) => /^image/i.test(m.contentType) && !!m.sourceUrl?.url);
}

/** What the `location` filter matches: the Location's name and the addresses' cities, lower-cased. */
export function locationKeys(values: Pick<AttractionValues, 'location' | 'addresses'>): string[] {
  const keys = [values.location?.name, ...values.addresses.map((a) => a.city)]
    .map((k) => (k ?? '').trim().toLowerCase())
    .filter((k) => k !== '');
  return [...new Set(keys)];
}

export function lunchesFrom(input: Array<LunchArgs | null> | null | undefined): LunchValues[] {
  return list(input, 'lunches', MAX_LUNCHES).map((l, i) => {
    const f = `lunches[${i}]`;
    if (!l) throw validationError(`Invalid input: ${f} is empty.`);
    return {
      text: text(l.text, `${f}.text`),
      point_of_interest_attributes: text(l.pointOfInterestAttributes, `${f}.pointOfInterestAttributes`, 1000),
      dates: fixedDatesFrom(l.dates, `${f}.dates`),
      lunch_offers: list(l.lunchOffers, `${f}.lunchOffers`, MAX_OFFERS).map((o, j) => ({
        name: text(o?.name, `${f}.lunchOffers[${j}].name`, 1000),
        price: text(o?.price, `${f}.lunchOffers[${j}].price`, 100),
      })),
    };
  });
}

/**
 * The days a lunch's dates cover, as a datemultirange literal, and the last of them. A date
 * without an end covers its start day; dates without a start are ignored (as in the mainserver).
 */
export function lunchSpan(dates: FixedDate[]): { span: string; lastDay: string | null } {
  const ranges = dates.filter((d) => d.dateStart).map((d) => [d.dateStart, d.dateEnd || d.dateStart] as const);
  const lastDay = ranges.length ? ranges.map((r) => r[1]).sort().at(-1)! : null;
  return { span: `{${ranges.map(([a, b]) => `[${a},${b}]`).join(',')}}`, lastDay };
}

function coordinate(v: unknown, field: string, limit: number): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw validationError(`Invalid input: ${field} must be a number between -${limit} and ${limit}.`);
  return n;
}

/** Track points in order; points missing a coordinate are dropped (as in the mainserver). */
export function trackFrom(input: CreateTourArgs['geometryTourData']): TrackPoint[] {
  return list(input, 'geometryTourData', MAX_TRACK_POINTS).flatMap((p, i) => {
    const latitude = coordinate(p?.latitude, `geometryTourData[${i}].latitude`, 90);
    const longitude = coordinate(p?.longitude, `geometryTourData[${i}].longitude`, 180);
    return latitude === null || longitude === null ? [] : [{ latitude, longitude }];
  });
}

export function tourFieldsFrom(args: CreateTourArgs): { length_km: number | null; means_of_transportation: string | null } {
  const length = args.lengthKm ?? null;
  if (length !== null && (!Number.isInteger(length) || length < 0 || length > 100_000)) {
    throw validationError('Invalid input: lengthKm must be a whole number of kilometres between 0 and 100000.');
  }
  const means = (args.meansOfTransportation ?? '').trim().toLowerCase();
  if (means && !(MEANS_OF_TRANSPORTATION as readonly string[]).includes(means)) {
    throw validationError(`Invalid input: meansOfTransportation "${args.meansOfTransportation}" must be one of ${MEANS_OF_TRANSPORTATION.join(', ')}.`);
  }
  return { length_km: length, means_of_transportation: means || null };
}

export function tourStopsFrom(input: CreateTourArgs['tourStops']): AttractionValues[] {
  return list(input, 'tourStops', MAX_TOUR_STOPS).map((s, i) => {
    if (!s) throw validationError(`Invalid input: tourStops[${i}] is empty.`);
    return attractionValuesFrom(s, `tourStops[${i}]`);
  });
}

export function pointOfInterestFieldsFrom(args: CreatePointOfInterestArgs): { opening_hours: OpeningHour[]; price_informations: Price[] } {
  return { opening_hours: openingHoursFrom(args.openingHours), price_informations: pricesFrom(args.priceInformations) };
}
