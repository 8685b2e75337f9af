import { sql, type Kysely } from 'kysely';
import { sanitizeRichText } from '../../lib/sanitize.ts';
import { parseLenientDateTime } from '../../lib/lenient-date.ts';
import { validationError } from '../../core/errors.ts';

/**
 * Sub-resources are stored as JSON inside their owner's row (docs/decisions/003): they have no
 * life of their own, are replaced as a whole on update, and are read with their owner.
 * Stored shapes use the GraphQL field names, so reading needs no mapping.
 */
export type GeoLocation = { id?: number; latitude: number; longitude: number };
export type WebUrl = { id?: number; url: string; description: string | null };
export type Address = { id?: number; addition: string | null; street: string | null; city: string | null; zip: string | null; kind: string | null; geoLocation: GeoLocation | null };
export type Contact = { id?: number; firstName: string | null; lastName: string | null; phone: string | null; fax: string | null; email: string | null; webUrls: WebUrl[] };
export type MediaContent = { id?: number; captionText: string | null; copyright: string | null; height: number | null; width: number | null; contentType: string; sourceUrl: WebUrl | null };
export type ContentBlock = { id?: number; title: string | null; intro: string | null; body: string | null; mediaContents: MediaContent[]; createdAt?: string; updatedAt?: string };

const MAX_TEXT = 20_000;
const MAX_HTML = 200_000;
const MAX_LIST = 200;

/** Optional text input with a length limit; the error names the field. */
export function optionalText(v: unknown, field: string, max = MAX_TEXT): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v);
  if (s.length > max) throw validationError(`Invalid input: ${field} is longer than ${max} characters.`);
  return s;
}

/** Optional timestamp input in the lenient formats of the mainserver (see lib/lenient-date.ts). */
export function optionalTimestamp(v: string | null | undefined, field: string): Date | null {
  if (v === null || v === undefined || v.trim() === '') return null;
  const d = parseLenientDateTime(v);
  if (!d) throw validationError(`Invalid input: ${field} "${v}" is not a date (use e.g. 2024-05-01, 01.05.2024 or 2024-05-01 12:00:00).`);
  return d;
}

function list<T>(v: T[] | null | undefined, field: string): T[] {
  if (!v) return [];
  if (v.length > MAX_LIST) throw validationError(`Invalid input: ${field} has more than ${MAX_LIST} entries.`);
  return v;
}

function coordinate(v: unknown, field: string, limit: number): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw validationError(`Invalid input: ${field} must be a number between -${limit} and ${limit}.`);
  return n;
}

function size(v: unknown, field: string): number | null {
  if (v === undefined || v === null || v === '') return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw validationError(`Invalid input: ${field} must be a whole number of pixels.`);
  return n;
}

/** Incomplete coordinates are dropped silently, as in the mainserver. */
export function geoLocationFrom(input: any): GeoLocation | null {
  if (!input) return null;
  const latitude = coordinate(input.latitude, 'geoLocation.latitude', 90);
  const longitude = coordinate(input.longitude, 'geoLocation.longitude', 180);
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

/** Blank URLs are dropped silently, as in the mainserver; other schemes than http(s)/mailto/tel or a path are refused. */
export function webUrlFrom(input: any, field = 'url'): WebUrl | null {
  const url = optionalText(input?.url, field, 2000)?.trim();
  if (!url) return null;
  if (!/^(https?:\/\/|mailto:|tel:|\/)/i.test(url)) throw validationError(`Invalid input: ${field} must be an http(s) URL or a path starting with "/".`);
  return { url, description: optionalText(input.description, `${field}.description`) };
}

export function webUrlsFrom(input: any[] | null | undefined, field = 'webUrls'): WebUrl[] {
  return list(input, field).map((u, i) => webUrlFrom(u, `${field}[${i}].url`)).filter((u): u is WebUrl => u !== null);
}

export function addressFrom(input: any): Address | null {
  if (!input) return null;
  return {
    addition: optionalText(input.addition, 'address.addition'),
    street: optionalText(input.street, 'address.street'),
    city: optionalText(input.city, 'address.city'),
    zip: optionalText(input.zip, 'address.zip'),
    kind: optionalText(input.kind, 'address.kind') ?? 'default',
    geoLocation: geoLocationFrom(input.geoLocation),
  };
}

export function contactFrom(input: any): Contact | null {
  if (!input) return null;
  return {
    firstName: optionalText(input.firstName, 'contact.firstName'),
    lastName: optionalText(input.lastName, 'contact.lastName'),
    phone: optionalText(input.phone, 'contact.phone'),
    fax: optionalText(input.fax, 'contact.fax'),
    email: optionalText(input.email, 'contact.email'),
    webUrls: webUrlsFrom(input.webUrls, 'contact.webUrls'),
  };
}

export function mediaContentFrom(input: any, field = 'mediaContents'): MediaContent {
  const contentType = optionalText(input.contentType, `${field}.contentType`);
  if (!contentType) throw validationError(`Invalid input: ${field}.contentType is required (e.g. "image").`);
  return {
    captionText: optionalText(input.captionText, `${field}.captionText`),
    copyright: optionalText(input.copyright, `${field}.copyright`),
    height: size(input.height, `${field}.height`),
    width: size(input.width, `${field}.width`),
    contentType,
    sourceUrl: webUrlFrom(input.sourceUrl, `${field}.sourceUrl.url`),
  };
}

export function mediaContentsFrom(input: any[] | null | undefined, field = 'mediaContents'): MediaContent[] {
  return list(input, field).map((m, i) => mediaContentFrom(m, `${field}[${i}]`));
}

/** Content block bodies are HTML and are sanitised on the way in. */
export function contentBlocksFrom(input: any[] | null | undefined, now: Date): ContentBlock[] {
  return list(input, 'contentBlocks').map((b, i) => {
    const body = optionalText(b.body, `contentBlocks[${i}].body`, MAX_HTML);
    return {
      title: optionalText(b.title, `contentBlocks[${i}].title`),
      intro: optionalText(b.intro, `contentBlocks[${i}].intro`),
      body: body === null ? null : sanitizeRichText(body),
      mediaContents: mediaContentsFrom(b.mediaContents, `contentBlocks[${i}].mediaContents`),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  });
}

/**
 * Gives every sub-resource object in `value` a numeric id from one database sequence,
 * so ids stay unique across processes (clients use them as list keys).
 */
export async function assignPartIds<T>(db: Kysely<any>, value: T): Promise<T> {
  const targets: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (!('id' in o) || o.id === undefined) targets.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  if (targets.length === 0) return value;
  const { rows } = await sql<{ id: number }>`SELECT nextval('content_part_ids')::integer AS id FROM generate_series(1, ${targets.length})`.execute(db);
  targets.forEach((t, i) => (t.id = rows[i].id));
  return value;
}

/* ---- Sub-resources of events, places and generic items (reference §2.2) ---- */

export type FixedDate = { id?: number; weekday: string | null; dateStart: string; dateEnd: string; timeStart: string; timeEnd: string; timeDescription: string | null; useOnlyTimeDescription: string };
export type OpeningHour = { id?: number; weekday: string | null; dateFrom: string; dateTo: string; timeFrom: string; timeTo: string; sortNumber: number | null; open: boolean | null; useYear: boolean | null; description: string | null };
export type Price = { id?: number; name: string | null; category: string | null; amount: number | null; groupPrice: boolean | null; ageFrom: number | null; ageTo: number | null; minAdultCount: number | null; maxAdultCount: number | null; minChildrenCount: number | null; maxChildrenCount: number | null; description: string | null };
export type Location = { id?: number; name: string | null; department: string | null; district: string | null; regionName: string | null; state: string | null; geoLocation: GeoLocation | null };
export type OperatingCompany = { id?: number; name: string; address: Address | null; contact: Contact | null };
export type AccessibilityInformation = { id?: number; description: string | null; types: string | null; urls: WebUrl[] };
export type Named = { id?: number; name: string };

/**
 * A calendar date as the mainserver stores it: "YYYY-MM-DD", or "" when missing. Accepts the
 * lenient inputs importers send ("05.03.2017", "2017-03-05 10:00"); refuses what is no date.
 */
export function calendarDate(v: unknown, field: string): string {
  if (v === undefined || v === null || String(v).trim() === '') return '';
  const s = String(v).trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ ,].*)?$/.exec(s))) [y, mo, d] = [+m[3], +m[2], +m[1]];
  else throw validationError(`Invalid input: ${field} "${s}" is not a date (use 2024-05-01 or 01.05.2024).`);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || y > 2200 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw validationError(`Invalid input: ${field} "${s}" is not a calendar date.`);
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A wall-clock time "HH:MM", or "" when missing ("9:30", "09:30:00" and "2024-01-01 09:30" accepted). */
export function clockTime(v: unknown, field: string): string {
  if (v === undefined || v === null || String(v).trim() === '') return '';
  const m = /(?:^|[ T])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*(?:Uhr|[+-]\d{2}:?\d{2}|Z))?$/i.exec(String(v).trim());
  if (!m || +m[1] > 24 || +m[2] > 59) throw validationError(`Invalid input: ${field} "${v}" is not a time (use HH:MM).`);
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

function int(v: unknown, field: string): number | null {
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 100_000) throw validationError(`Invalid input: ${field} must be a whole number between 0 and 100000.`);
  return v as number;
}

export function fixedDateFrom(input: any, field = 'dates'): FixedDate {
  const dateStart = calendarDate(input.dateStart, `${field}.dateStart`);
  const dateEnd = calendarDate(input.dateEnd, `${field}.dateEnd`);
  if (dateStart && dateEnd && dateEnd < dateStart) throw validationError(`Invalid input: ${field} ends (${dateEnd}) before it starts (${dateStart}).`);
  return {
    weekday: optionalText(input.weekday, `${field}.weekday`, 50),
    dateStart,
    dateEnd,
    timeStart: clockTime(input.timeStart, `${field}.timeStart`),
    timeEnd: clockTime(input.timeEnd, `${field}.timeEnd`),
    timeDescription: optionalText(input.timeDescription, `${field}.timeDescription`),
    useOnlyTimeDescription: String(input.useOnlyTimeDescription ?? false),
  };
}

export function fixedDatesFrom(input: any[] | null | undefined, field = 'dates'): FixedDate[] {
  return list(input, field).map((d, i) => fixedDateFrom(d, `${field}[${i}]`));
}

export function openingHoursFrom(input: any[] | null | undefined, field = 'openingHours'): OpeningHour[] {
  return list(input, field).map((o, i) => {
    const f = `${field}[${i}]`;
    return {
      weekday: optionalText(o.weekday, `${f}.weekday`, 50),
      dateFrom: calendarDate(o.dateFrom, `${f}.dateFrom`),
      dateTo: calendarDate(o.dateTo, `${f}.dateTo`),
      timeFrom: clockTime(o.timeFrom, `${f}.timeFrom`),
      timeTo: clockTime(o.timeTo, `${f}.timeTo`),
      sortNumber: o.sortNumber ?? null,
      open: o.open ?? null,
      useYear: o.useYear ?? null,
      description: optionalText(o.description, `${f}.description`),
    };
  });
}

export function pricesFrom(input: any[] | null | undefined, field = 'priceInformations'): Price[] {
  return list(input, field).map((p, i) => {
    const f = `${field}[${i}]`;
    if (p.amount !== undefined && p.amount !== null && (!Number.isFinite(p.amount) || p.amount < 0)) throw validationError(`Invalid input: ${f}.amount must not be negative.`);
    return {
      name: optionalText(p.name, `${f}.name`),
      category: optionalText(p.category, `${f}.category`),
      amount: p.amount ?? null,
      groupPrice: p.groupPrice ?? null,
      ageFrom: int(p.ageFrom, `${f}.ageFrom`),
      ageTo: int(p.ageTo, `${f}.ageTo`),
      minAdultCount: int(p.minAdultCount, `${f}.minAdultCount`),
      maxAdultCount: int(p.maxAdultCount, `${f}.maxAdultCount`),
      minChildrenCount: int(p.minChildrenCount, `${f}.minChildrenCount`),
      maxChildrenCount: int(p.maxChildrenCount, `${f}.maxChildrenCount`),
      description: optionalText(p.description, `${f}.description`),
    };
  });
}

/** regionName is write-only in the mainserver (it links a Region); it is kept for the region link. */
export function locationFrom(input: any, field = 'location'): Location | null {
  if (!input) return null;
  return {
    name: optionalText(input.name, `${field}.name`),
    department: optionalText(input.department, `${field}.department`),
    district: optionalText(input.district, `${field}.district`),
    regionName: optionalText(input.regionName, `${field}.regionName`),
    state: optionalText(input.state, `${field}.state`),
    geoLocation: geoLocationFrom(input.geoLocation),
  };
}

export function operatingCompanyFrom(input: any, field = 'operatingCompany'): OperatingCompany | null {
  if (!input) return null;
  const name = optionalText(input.name, `${field}.name`);
  if (!name) throw validationError(`Invalid input: ${field}.name is required.`);
  return { name, address: addressFrom(input.address), contact: contactFrom(input.contact) };
}

export function accessibilityInformationFrom(input: any, field = 'accessibilityInformation'): AccessibilityInformation | null {
  if (!input) return null;
  return { description: optionalText(input.description, `${field}.description`), types: optionalText(input.types, `${field}.types`), urls: webUrlsFrom(input.urls, `${field}.urls`) };
}

/** Certificates, regions: name lists; blank names are dropped. */
export function namesFrom(input: any[] | null | undefined, field: string): Named[] {
  return list(input, field)
    .map((n, i) => optionalText(n?.name, `${field}[${i}].name`, 200)?.trim())
    .filter((n): n is string => !!n)
    .map((name) => ({ name }));
}

export function addressesFrom(input: any[] | null | undefined, field = 'addresses'): Address[] {
  return list(input, field).map((a) => addressFrom(a)!).filter(Boolean);
}

export function contactsFrom(input: any[] | null | undefined, field = 'contacts'): Contact[] {
  return list(input, field).map((c) => contactFrom(c)!).filter(Boolean);
}
