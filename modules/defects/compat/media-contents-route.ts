import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireAccount } from '../../../core/auth/principal.ts';
import { AppError, badRequest, notFound } from '../../../core/errors.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import type { RouteServices } from '../../../core/registry/manifest.ts';
import { absoluteUrl } from '../../../lib/absolute-url.ts';
import { storageFromConfig } from '../../media/storage/media-storage.ts';
import { deleteMediaContent, storeMediaContent } from './media-content-uploads.ts';

/** "12" or "12.json", as the app asks. */
const IdParam = z.object({ id: z.string().regex(/^\d{1,10}(\.json)?$/).transform((s) => Number(s.replace('.json', ''))).pipe(z.number().int().positive().max(2_147_483_647)) });

/** The multipart form of the mainserver's media upload: `media_content[content_type]` and `media_content[attachment]`. */
async function readForm(req: FastifyRequest, maxBytes: number): Promise<{ contentType: string; file: { filename: string; data: Buffer } }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Bitte die Datei als multipart/form-data senden (media_content[attachment]).');
  let contentType = '';
  let file: { filename: string; data: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'media_content[attachment]') file = { filename: part.filename || 'datei', data };
      } else if (part.fieldname === 'media_content[content_type]') contentType = String(part.value ?? '').trim().slice(0, 50);
    }
  } catch (err) {
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', `Die Datei ist zu groß: höchstens ${Math.floor(maxBytes / 1024 / 1024)} MB sind erlaubt.`);
    if (e.statusCode && e.statusCode < 500) throw badRequest('Das Formular ist fehlerhaft.');
    throw err;
  }
  if (!file || file.data.length === 0) throw badRequest('Bitte eine Datei senden (media_content[attachment]).');
  return { contentType: contentType || 'image', file };
}

/**
 * POST /media_contents(.json) and DELETE /media_contents/:id(.json), as the mainserver's app uses
 * them for defect report and noticeboard photos: with the app's bearer token; 201
 * `{media_content: {id, content_type, service_url}, service_url}`. The file goes to the media
 * storage; a createGenericItem naming its service_url as a sourceUrl attaches it.
 */
export async function registerMediaContentsRoutes(app: FastifyInstance, scopeOf: (req: FastifyRequest) => Promise<RequestScope>, services: RouteServices): Promise<void> {
  await app.register(multipart);
  const storage = storageFromConfig(services.config, services.mediaDir);
  const maxBytes = services.config.mediaMaxBytes;
  const upload = async (req: FastifyRequest, reply: any) => {
    const scope = await scopeOf(req);
    const caller = requireAccount(scope.principal);
    const form = await readForm(req, maxBytes);
    const row = await storeMediaContent(scope.db, storage, { tenantId: scope.tenant.id, contentType: form.contentType, file: form.file, accountId: caller.accountId, maxBytes });
    const serviceUrl = absoluteUrl(row.url, scope.origin)!;
    return reply.code(201).send({ media_content: { id: row.id, content_type: row.content_type, service_url: serviceUrl }, service_url: serviceUrl });
  };
  const remove = async (req: FastifyRequest, reply: any) => {
    const scope = await scopeOf(req);
    const caller = requireAccount(scope.principal);
    const parsed = IdParam.safeParse(req.params);
    if (!parsed.success) throw badRequest('Ungültige Nummer der Datei.');
    if (!(await deleteMediaContent(scope.db, storage, parsed.data.id, caller.accountId))) throw notFound('Diese Datei gibt es nicht.');
    return reply.code(204).send();
  };
  app.post('/media_contents', upload);
  app.post('/media_contents.json', upload);
  app.delete('/media_contents/:id', remove);
}
