import { randomBytes } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';
import type { MediaStorage } from '../../media/storage/media-storage.ts';
import { sniffType } from '../../media/upload/sniff-type.ts';
import { checkImage, encodeChecked } from '../../media/upload/process-image.ts';
import { httpStatusOf, refusal, type RefusalDetails } from '../../media/upload/upload-refusals.ts';
import type { StoredPhoto } from '../reports/create-report.ts';
import { exifGpsOf } from './exif-point.ts';

/** Longest side of a stored report photo: enough to see the defect, small on a phone's connection. */
export const PHOTO_MAX_SIDE = 1600;

export type UploadedFile = { filename: string; data: Buffer };
export type PreparedPhoto = { data: Buffer; width: number; height: number };

/**
 * A photo as it is kept: an image by its content (JPEG, PNG, WebP, AVIF, still GIF), at most
 * PHOTO_MAX_SIDE, as JPEG with no metadata of the original — the camera's GPS position, device
 * and times are dropped — and the report's chosen point written as EXIF GPS instead (null: none).
 */
export async function preparePhoto(file: UploadedFile, point: { lat: number; lng: number } | null, maxBytes: number): Promise<PreparedPhoto> {
  const name = file.filename.split(/[\\/]/).pop()?.slice(0, 200) || 'Foto';
  if (file.data.length === 0) throw photoRefusal('empty', { name });
  if (file.data.length > maxBytes) throw photoRefusal('tooLarge', { max: Math.floor(maxBytes / 1024 / 1024) });
  const type = sniffType(file.data);
  if (type.kind !== 'image') throw photoRefusal(type.kind === 'refused' ? type.reason : 'unknown', { name });
  const image = await checkImage(file.data, name);
  return encodeChecked(image, name, async (base) => {
    let out = base.resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
    // withExif replaces the input's EXIF altogether; without it sharp writes no metadata at all.
    if (point) out = out.withExif({ IFD3: exifGpsOf(point.lat, point.lng) });
    const { data, info } = await out.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  });
}

/** The media library's refusal (German text and reason), with the status the API answers and the form field. */
export function photoRefusal(reason: RefusalDetails['reason'], values: Record<string, string | number>): AppError {
  const r = refusal(reason, values);
  const code = httpStatusOf(reason) === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : httpStatusOf(reason) === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  return new AppError(code, r.message, { code: `photo_${reason}`, field: 'photo' });
}

/**
 * Writes prepared photos to the media storage under random keys ("defects/<tenant>/<random>.jpg":
 * nothing in the address tells which report it belongs to) and returns them for createReport,
 * with `remove` to delete them again should the report's transaction fail.
 */
export async function storePhotos(storage: MediaStorage, tenantId: number, photos: PreparedPhoto[]): Promise<{ stored: StoredPhoto[]; remove: () => Promise<void> }> {
  const keys: string[] = [];
  const remove = () => storage.remove(keys).catch(() => {});
  try {
    const stored: StoredPhoto[] = [];
    for (const p of photos) {
      const key = `defects/${tenantId}/${randomBytes(16).toString('base64url')}.jpg`;
      await storage.put(key, p.data, 'image/jpeg');
      keys.push(key);
      stored.push({ url: storage.urlOf(key), storageKeys: [key], width: p.width, height: p.height });
    }
    return { stored, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
