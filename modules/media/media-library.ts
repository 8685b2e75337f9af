import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { MediaStorage } from './storage/media-storage.ts';
import { sniffType } from './upload/sniff-type.ts';
import { contentTypeOf, processImage } from './upload/process-image.ts';
import { refusal } from './upload/upload-refusals.ts';

export type MediaKind = 'image' | 'document';
export type MediaVariant = { width: number; height: number; format: 'webp' | 'avif' | 'jpeg'; url: string };

/**
 * A file of a tenant's library. URLs are as stored elsewhere in Dorfplatz: a path on the tenant's
 * host ("/media/…", turn it into an absolute URL with absoluteUrl(url, scope.origin)) or, with
 * S3, the bucket's absolute URL.
 */
export type MediaFile = {
  id: number;
  kind: MediaKind;
  /** The JPEG fallback of an image (largest width) or the PDF. */
  url: string;
  variants: MediaVariant[];
  width: number | null;
  height: number | null;
  alt: string;
  copyright: string;
  fileName: string;
  mime: string;
  bytes: number;
  uploadedBy: number | null;
  createdAt: Date;
};

/** Where files go and how large they may be; set once by the module's routes from the configuration. */
export type MediaSettings = { storage: MediaStorage; maxBytes: number };
let configured: MediaSettings | undefined;

export function configureMedia(settings: MediaSettings): void {
  configured = settings;
}

function settings(given?: MediaSettings): MediaSettings {
  const s = given ?? configured;
  if (!s) throw new Error('The media module is not configured (its routes register the storage at start).');
  return s;
}

const MetaSchema = z.object({ alt: z.string().trim().max(500), copyright: z.string().trim().max(200) });
export type MediaMeta = z.input<typeof MetaSchema>;

function checkMeta(kind: MediaKind, meta: MediaMeta) {
  const parsed = MetaSchema.safeParse(meta);
  if (!parsed.success) throw refusal('tooLong');
  if (kind === 'image' && !parsed.data.alt) throw refusal('altMissing');
  if (kind === 'image' && !parsed.data.copyright) throw refusal('copyrightMissing');
  return parsed.data;
}

/** The name as the user knows it, without folders and control characters. */
const cleanFileName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200) || 'datei';
const asciiStem = (name: string) =>
  name.replace(/\.[^.]*$/, '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase() || 'dokument';

type Stored = { key: string; data: Buffer; contentType: string; width?: number; height?: number; format?: MediaVariant['format'] };

/**
 * Checks an upload completely (type by content, size, pixels, alt text and copyright), makes the
 * variants, and only then writes files and the row; on any refusal nothing is left behind.
 * Throws a VALIDATION AppError with a German message (details.reason says which check failed).
 */
export async function storeUpload(
  db: Kysely<any>,
  tenantId: number,
  file: { filename: string; data: Buffer },
  meta: MediaMeta,
  uploaderAccountId: number,
  given?: MediaSettings,
): Promise<MediaFile> {
  const { storage, maxBytes } = settings(given);
  const fileName = cleanFileName(file.filename);
  if (file.data.length === 0) throw refusal('empty', { name: fileName });
  if (file.data.length > maxBytes) throw refusal('tooLarge', { max: Math.floor(maxBytes / 1024 / 1024) });
  const type = sniffType(file.data);
  if (type.kind === 'refused') throw refusal(type.reason, { name: fileName });
  const { alt, copyright } = checkMeta(type.kind, meta);

  const prefix = `library/${tenantId}/${randomBytes(16).toString('base64url')}`;
  let files: Stored[];
  let size: { width: number | null; height: number | null } = { width: null, height: null };
  if (type.kind === 'image') {
    const image = await processImage(file.data, fileName);
    size = { width: image.width, height: image.height };
    files = image.outputs.map((o) => ({ key: `${prefix}/${o.width}.${o.format === 'jpeg' ? 'jpg' : o.format}`, data: o.data, contentType: contentTypeOf(o.format), width: o.width, height: o.height, format: o.format }));
  } else {
    files = [{ key: `${prefix}/${asciiStem(fileName)}.pdf`, data: file.data, contentType: type.mime }];
  }
  const fileKey = (files.find((f) => f.format === 'jpeg') ?? files[0]!).key;
  const variants = files.filter((f) => f.format).map((f) => ({ width: f.width, height: f.height, format: f.format, key: f.key }));

  const written: string[] = [];
  try {
    for (const f of files) {
      await storage.put(f.key, f.data, f.contentType);
      written.push(f.key);
    }
    const row = await db
      .insertInto('media_files')
      .values({ kind: type.kind, file_name: fileName, mime: type.mime, bytes: file.data.length, ...size, alt, copyright, file_key: fileKey, variants: JSON.stringify(variants), uploaded_by: uploaderAccountId })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMediaFile(row, storage);
  } catch (err) {
    await storage.remove(written).catch(() => {});
    throw err;
  }
}

export async function findMedia(db: Kysely<any>, id: number, given?: MediaSettings): Promise<MediaFile | null> {
  const row = await db.selectFrom('media_files').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMediaFile(row, settings(given).storage) : null;
}

export type MediaQuery = { q?: string; kind?: MediaKind; page?: number; perPage?: number };

/** Newest first; `q` matches file name, alt text and copyright (case-insensitive, as typed). */
export async function searchMedia(db: Kysely<any>, query: MediaQuery, given?: MediaSettings): Promise<{ items: MediaFile[]; total: number }> {
  const perPage = Math.min(Math.max(query.perPage ?? 24, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const pattern = query.q?.trim() ? `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  let base = db.selectFrom('media_files');
  if (query.kind) base = base.where('kind', '=', query.kind);
  if (pattern) base = base.where((eb) => eb.or([eb('file_name', 'ilike', pattern), eb('alt', 'ilike', pattern), eb('copyright', 'ilike', pattern)]));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(perPage).offset((page - 1) * perPage).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const storage = settings(given).storage;
  return { items: rows.map((r) => toMediaFile(r, storage)), total: count.n };
}

/** Changes alt text and copyright (the same rules as at upload). */
export async function updateMediaMeta(db: Kysely<any>, id: number, meta: MediaMeta, given?: MediaSettings): Promise<MediaFile> {
  const current = await findMedia(db, id, given);
  if (!current) throw notFound('Diese Datei gibt es in der Mediathek nicht (mehr).');
  const { alt, copyright } = checkMeta(current.kind, meta);
  const row = await db.updateTable('media_files').set({ alt, copyright }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toMediaFile(row, settings(given).storage);
}

/** Removes the row, then the files; returns false when the tenant has no such file. */
export async function deleteMedia(db: Kysely<any>, id: number, given?: MediaSettings): Promise<boolean> {
  const row = await db.deleteFrom('media_files').where('id', '=', id).returning(['file_key', 'variants']).executeTakeFirst();
  if (!row) return false;
  const keys = new Set<string>([row.file_key, ...(row.variants as { key: string }[]).map((v) => v.key)]);
  await settings(given).storage.remove([...keys]);
  return true;
}

function toMediaFile(row: any, storage: MediaStorage): MediaFile {
  return {
    id: row.id,
    kind: row.kind,
    url: storage.urlOf(row.file_key),
    variants: (row.variants as { width: number; height: number; format: MediaVariant['format']; key: string }[]).map((v) => ({ width: v.width, height: v.height, format: v.format, url: storage.urlOf(v.key) })),
    width: row.width,
    height: row.height,
    alt: row.alt,
    copyright: row.copyright,
    fileName: row.file_name,
    mime: row.mime,
    bytes: row.bytes,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at),
  };
}
