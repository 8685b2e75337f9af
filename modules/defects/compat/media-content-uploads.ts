import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../core/errors.ts';
import type { MediaStorage } from '../../media/storage/media-storage.ts';
import { sniffType } from '../../media/upload/sniff-type.ts';
import { preparePhoto } from '../photos/report-photos.ts';

export type MediaContentUpload = { id: number; url: string; storage_keys: string[]; content_type: string; mime: string; width: number | null; height: number | null };

/**
 * Stores a file of POST /media_contents: an image is checked and re-encoded like a report photo
 * (JPEG, no metadata; no point is known yet), a PDF is kept as it is; anything else is refused
 * (415). Files are removed again if the row cannot be written.
 */
export async function storeMediaContent(db: Kysely<any>, storage: MediaStorage, o: { tenantId: number; contentType: string; file: { filename: string; data: Buffer }; accountId: number; maxBytes: number }): Promise<MediaContentUpload> {
  const type = sniffType(o.file.data);
  let stored: { data: Buffer; ext: string; mime: string; width: number | null; height: number | null };
  if (type.kind === 'document') {
    if (o.file.data.length > o.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `Die Datei ist zu groß: höchstens ${Math.floor(o.maxBytes / 1024 / 1024)} MB sind erlaubt.`);
    stored = { data: o.file.data, ext: 'pdf', mime: type.mime, width: null, height: null };
  } else {
    const photo = await preparePhoto(o.file, null, o.maxBytes);
    stored = { data: photo.data, ext: 'jpg', mime: 'image/jpeg', width: photo.width, height: photo.height };
  }
  const key = `uploads/${o.tenantId}/${randomBytes(16).toString('base64url')}.${stored.ext}`;
  await storage.put(key, stored.data, stored.mime);
  try {
    return (await db
      .insertInto('media_content_uploads')
      .values({ url: storage.urlOf(key), storage_keys: [key], content_type: o.contentType, mime: stored.mime, width: stored.width, height: stored.height, uploaded_by: o.accountId })
      .returning(['id', 'url', 'storage_keys', 'content_type', 'mime', 'width', 'height'])
      .executeTakeFirstOrThrow()) as MediaContentUpload;
  } catch (err) {
    await storage.remove([key]).catch(() => {});
    throw err;
  }
}

/** Uploads named by URL — as answered (absolute on the tenant's host) or as stored — in the order given. */
export async function uploadsByUrl(db: Kysely<any>, urls: string[]): Promise<MediaContentUpload[]> {
  if (!urls.length) return [];
  const storedForm = (u: string) => {
    try {
      const parsed = new URL(u);
      return parsed.pathname.startsWith('/media/') ? parsed.pathname : u;
    } catch {
      return u;
    }
  };
  const wanted = urls.map((u) => [u, storedForm(u)]);
  const rows = (await db
    .selectFrom('media_content_uploads')
    .select(['id', 'url', 'storage_keys', 'content_type', 'mime', 'width', 'height'])
    .where('url', 'in', wanted.flat())
    .execute()) as MediaContentUpload[];
  const seen = new Set<number>();
  return wanted.flatMap((forms) => rows.filter((r) => forms.includes(r.url) && !seen.has(r.id) && seen.add(r.id)));
}

/** DELETE /media_contents/:id — the uploader's own files only; false when there is none. */
export async function deleteMediaContent(db: Kysely<any>, storage: MediaStorage, id: number, accountId: number): Promise<boolean> {
  const row = await db.deleteFrom('media_content_uploads').where('id', '=', id).where('uploaded_by', '=', accountId).returning('storage_keys').executeTakeFirst();
  if (!row) return false;
  // A photo already attached to a report keeps its file (the report row holds the key too).
  const used = await db.selectFrom('defect_report_photos').select('id').where(sql<boolean>`storage_keys @> ARRAY[${row.storage_keys[0]}]::text[]`).executeTakeFirst();
  if (!used) await storage.remove(row.storage_keys);
  return true;
}
