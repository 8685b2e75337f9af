import { validationError } from '../../core/errors.ts';
import {
  accessibilityInformationFrom,
  addressesFrom,
  contactsFrom,
  contentBlocksFrom,
  fixedDatesFrom,
  locationFrom,
  mediaContentsFrom,
  openingHoursFrom,
  operatingCompanyFrom,
  optionalText,
  optionalTimestamp as date,
  pricesFrom,
  webUrlsFrom,
} from '../content-parts/parts.ts';

const text = (value: unknown, field: string, max = 1000) => optionalText(value, field, max);

/** One item of createGenericItem (GenericItemInput), as GraphQL delivers it. */
export type GenericItemInput = {
  forceCreate?: boolean | null;
  pushNotification?: boolean | null;
  author?: string | null;
  title?: string | null;
  teaser?: string | null;
  description?: string | null;
  genericType?: string | null;
  externalId?: string | null;
  publicationDate?: string | null;
  publishedAt?: string | null;
  categoryName?: string | null;
  payload?: unknown;
  contacts?: unknown[] | null;
  genericItems?: Array<GenericItemInput | null> | null;
  companies?: unknown[] | null;
  categories?: Array<{ name?: string | null } | null> | null;
  webUrls?: unknown[] | null;
  addresses?: unknown[] | null;
  contentBlocks?: unknown[] | null;
  openingHours?: unknown[] | null;
  priceInformations?: unknown[] | null;
  mediaContents?: unknown[] | null;
  locations?: unknown[] | null;
  dates?: unknown[] | null;
  accessibilityInformations?: unknown[] | null;
};

export type CreateGenericItemArgs = GenericItemInput & { id?: string | number | null };

/** Levels of items in one createGenericItem: the item, its children and their children. */
export const MAX_LEVELS = 3;
/** Children of one item, and items in one request. */
export const MAX_CHILDREN = 100;
export const MAX_ITEMS = 300;
const MAX_PARTS = 200;

/** A validated item of the request tree, ready to be written. */
export type ParsedItem = {
  input: GenericItemInput;
  /** "genericItems[0].genericItems[2]" — where the item sits in the request, for messages. */
  path: string;
  values: ReturnType<typeof itemValuesFrom>;
  categoryNames: string[];
  children: ParsedItem[];
};



/** `[X]` list arguments may hold nulls (the schema accepts the permissive form); they are skipped. */
function present<T>(list: Array<T | null | undefined> | null | undefined, field: string): T[] {
  if (!list) return [];
  if (list.length > MAX_PARTS) throw validationError(`Invalid input: ${field} has more than ${MAX_PARTS} entries.`);
  return list.filter((x): x is T => x !== null && x !== undefined);
}

/** Lower-cased location names and address cities: what the `location:` filters match. */
function placeNames(locations: Array<{ name: string | null }>, addresses: Array<{ city: string | null }>): string[] {
  const names = [...locations.map((l) => l.name), ...addresses.map((a) => a.city)].map((n) => (n ?? '').trim().toLowerCase()).filter(Boolean);
  return [...new Set(names)];
}

/** Column values of one item (sub-resource ids are assigned on write). */
export function itemValuesFrom(input: GenericItemInput, path: string, now: Date) {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const genericType = input.genericType?.trim();
  if (!genericType) throw validationError(`Invalid input: ${at('genericType')} is required (e.g. "Job", "Offer", "Deadline", "ConstructionSite", "Noticeboard").`);
  if (genericType.length > 100) throw validationError(`Invalid input: ${at('genericType')} is longer than 100 characters.`);
  const payloadJson = input.payload === undefined || input.payload === null ? null : JSON.stringify(input.payload);
  if (payloadJson && payloadJson.length > 200_000) throw validationError(`Invalid input: ${at('payload')} is larger than 200 kB.`);
  const addresses = addressesFrom(present(input.addresses, at('addresses')), at('addresses'));
  const locations = present(input.locations, at('locations')).map((l, i) => locationFrom(l, at(`locations[${i}]`))!);
  return {
    generic_type: genericType,
    title: text(input.title, at('title')),
    author: text(input.author, at('author')),
    teaser: text(input.teaser, at('teaser'), 20_000),
    description: text(input.description, at('description'), 200_000),
    external_id: text(input.externalId, at('externalId'), 500),
    publication_date: date(input.publicationDate, at('publicationDate')),
    published_at: date(input.publishedAt, at('publishedAt')) ?? now,
    push_notification: input.pushNotification ?? false,
    payload: payloadJson,
    accessibility_informations: present(input.accessibilityInformations, at('accessibilityInformations')).map(
      (a, i) => accessibilityInformationFrom(a, at(`accessibilityInformations[${i}]`))!,
    ),
    addresses,
    companies: present(input.companies, at('companies')).map((c, i) => operatingCompanyFrom(c, at(`companies[${i}]`))!),
    contacts: contactsFrom(present(input.contacts, at('contacts')), at('contacts')),
    content_blocks: contentBlocksFrom(present(input.contentBlocks, at('contentBlocks')), now),
    dates: fixedDatesFrom(present(input.dates, at('dates')), at('dates')),
    locations,
    media_contents: mediaContentsFrom(present(input.mediaContents, at('mediaContents')), at('mediaContents')),
    opening_hours: openingHoursFrom(present(input.openingHours, at('openingHours')), at('openingHours')),
    price_informations: pricesFrom(present(input.priceInformations, at('priceInformations')), at('priceInformations')),
    web_urls: webUrlsFrom(present(input.webUrls, at('webUrls')), at('webUrls')),
    place_names: placeNames(locations, addresses),
  };
}

function categoryNamesFrom(input: GenericItemInput): string[] {
  return [input.categoryName, ...(input.categories ?? []).map((c) => c?.name)].filter((n): n is string => !!n && n.trim() !== '');
}

/**
 * Validates the whole request tree before anything is written: every item needs a genericType,
 * the tree has at most MAX_LEVELS levels, MAX_CHILDREN children per item and MAX_ITEMS items.
 */
export function parseItemTree(root: GenericItemInput, now: Date): ParsedItem {
  let count = 0;
  const parse = (input: GenericItemInput, path: string, level: number): ParsedItem => {
    count += 1;
    if (count > MAX_ITEMS) throw validationError(`Invalid input: at most ${MAX_ITEMS} generic items per request.`);
    const children = (input.genericItems ?? []).filter((c): c is GenericItemInput => c !== null && c !== undefined);
    const childPath = (i: number) => `${path ? `${path}.` : ''}genericItems[${i}]`;
    if (children.length && level >= MAX_LEVELS) {
      throw validationError(`Invalid input: ${childPath(0)} nests generic items too deeply (at most ${MAX_LEVELS} levels: item, children, grandchildren).`);
    }
    if (children.length > MAX_CHILDREN) throw validationError(`Invalid input: ${path ? `${path}.` : ''}genericItems has more than ${MAX_CHILDREN} entries.`);
    return {
      input,
      path,
      values: itemValuesFrom(input, path, now),
      categoryNames: categoryNamesFrom(input),
      children: children.map((c, i) => parse(c, childPath(i), level + 1)),
    };
  };
  return parse(root, '', 1);
}

