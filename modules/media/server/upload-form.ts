import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

const FieldsSchema = z.object({
  _csrf: z.string().max(100),
  alt: z.string().max(2000).default(''),
  copyright: z.string().max(1000).default(''),
});

export type UploadForm = z.infer<typeof FieldsSchema> & { file: { filename: string; data: Buffer } | null };
export type UploadFormResult = { ok: true; form: UploadForm } | { ok: false; reason: 'tooLarge' | 'badForm' };

/**
 * Reads the library's multipart form: one file ("datei") and a few short fields. The size limit
 * is @fastify/multipart's, which stops reading as soon as the file passes it.
 */
export async function readUploadForm(req: FastifyRequest): Promise<UploadFormResult> {
  if (!req.isMultipart()) return { ok: false, reason: 'badForm' };
  const fields: Record<string, string> = {};
  let file: UploadForm['file'] = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // An empty file input is sent as a part without name and content.
        if (part.fieldname === 'datei' && (part.filename || data.length)) file = { filename: part.filename, data };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') return { ok: false, reason: 'tooLarge' };
    if (e.statusCode && e.statusCode < 500) return { ok: false, reason: 'badForm' };
    throw err;
  }
  const parsed = FieldsSchema.safeParse(fields);
  return parsed.success ? { ok: true, form: { ...parsed.data, file } } : { ok: false, reason: 'badForm' };
}
