import { sql, type Kysely } from 'kysely';
import { sanitizeRichText } from '../../lib/sanitize.ts';
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

function text(v: unknown, field: string, max = MAX_TEXT): string | null {
  if (v === undefined || v === null) return null;
  const s = String(v);
  if (s.length > max) throw validationError(`Invalid input: ${field} is longer than ${max} characters.`);
  return s;
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
  const url = text(input?.url, field, 2000)?.trim();
  if (!url) return null;
  if (!/^(https?:\/\/|mailto:|tel:|\/)/i.test(url)) throw validationError(`Invalid input: ${field} must be an http(s) URL or a path starting with "/".`);
  return { url, description: text(input.description, `${field}.description`) };
}

export function webUrlsFrom(input: any[] | null | undefined, field = 'webUrls'): WebUrl[] {
  return list(input, field).map((u, i) => webUrlFrom(u, `${field}[${i}].url`)).filter((u): u is WebUrl => u !== null);
}

export function addressFrom(input: any): Address | null {
  if (!input) return null;
  return {
    addition: text(input.addition, 'address.addition'),
    street: text(input.street, 'address.street'),
    city: text(input.city, 'address.city'),
    zip: text(input.zip, 'address.zip'),
    kind: text(input.kind, 'address.kind') ?? 'default',
    geoLocation: geoLocationFrom(input.geoLocation),
  };
}

export function contactFrom(input: any): Contact | null {
  if (!input) return null;
  return {
    firstName: text(input.firstName, 'contact.firstName'),
    lastName: text(input.lastName, 'contact.lastName'),
    phone: text(input.phone, 'contact.phone'),
    fax: text(input.fax, 'contact.fax'),
    email: text(input.email, 'contact.email'),
    webUrls: webUrlsFrom(input.webUrls, 'contact.webUrls'),
  };
}

export function mediaContentFrom(input: any, field = 'mediaContents'): MediaContent {
  const contentType = text(input.contentType, `${field}.contentType`);
  if (!contentType) throw validationError(`Invalid input: ${field}.contentType is required (e.g. "image").`);
  return {
    captionText: text(input.captionText, `${field}.captionText`),
    copyright: text(input.copyright, `${field}.copyright`),
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
    const body = text(b.body, `contentBlocks[${i}].body`, MAX_HTML);
    return {
      title: text(b.title, `contentBlocks[${i}].title`),
      intro: text(b.intro, `contentBlocks[${i}].intro`),
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
