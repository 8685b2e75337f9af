import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.ts';
import { MAX_PHOTOS } from '../model/report-input.ts';
import { photoRefusal, type UploadedFile } from '../photos/report-photos.ts';
import { badForm } from './citizen-errors.ts';

export type ReportForm = { report: string; challenge: string; nonce: string; website: string; photos: UploadedFile[] };

const FIELDS = ['report', 'challenge', 'nonce', 'website'] as const;

/**
 * Reads the wizard's multipart body: the fields `report` (JSON), `challenge`, `nonce`, `website`
 * (the honeypot) and up to MAX_PHOTOS files `photo`. @fastify/multipart stops reading a file as
 * soon as it passes the size limit, and a sixth file as soon as it starts.
 */
export async function readReportForm(req: FastifyRequest, maxPhotoBytes: number): Promise<ReportForm> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Bitte senden Sie die Meldung als multipart/form-data.', { code: 'unsupported_media_type' });
  const form: ReportForm = { report: '', challenge: '', nonce: '', website: '', photos: [] };
  const parts = req.parts({ limits: { fileSize: maxPhotoBytes, files: MAX_PHOTOS, fields: 10, fieldSize: 64_000, parts: MAX_PHOTOS + 10 } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // An empty file input comes as a part without name and content.
        if (part.fieldname === 'photo' && (part.filename || data.length)) form.photos.push({ filename: part.filename || 'Foto', data });
        else if (part.fieldname !== 'photo') throw badForm(`Unbekanntes Feld „${part.fieldname.slice(0, 40)}“.`, 'bad_form', part.fieldname.slice(0, 40));
      } else if ((FIELDS as readonly string[]).includes(part.fieldname)) {
        form[part.fieldname as (typeof FIELDS)[number]] = String(part.value ?? '');
      }
    }
  } catch (err) {
    // The reader stops at the limit; say it with the limit, as the media library does.
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoRefusal('tooLarge', { max: Math.max(1, Math.floor(maxPhotoBytes / 1024 / 1024)) });
    throw err;
  }
  return form;
}
