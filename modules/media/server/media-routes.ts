import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { AppError } from '../../../core/errors.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { langOf, sameOrigin, sendStudioPage } from '../../studio/server/studio-http.ts';
import { configureMedia, deleteMedia, findMedia, searchMedia, storeUpload, updateMediaMeta, type MediaFile, type MediaSettings } from '../media-library.ts';
import { storageFromConfig } from '../storage/media-storage.ts';
import { httpStatusOf, refusalTexts, type RefusalDetails, type RefusalReason } from '../upload/upload-refusals.ts';
import { LibraryPage } from '../pages/library-page.tsx';
import { DetailPage } from '../pages/detail-page.tsx';
import { mediaTexts } from '../pages/media-texts.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { mayChange, mayUpload, requireSession } from './media-access.ts';
import { readUploadForm } from './upload-form.ts';

const css = readFileSync(new URL('../pages/media.css', import.meta.url), 'utf8');
const PER_PAGE = 24;

const ListQuerySchema = z.object({
  q: z.string().max(200).catch('').default(''),
  art: z.enum(['bilder', 'dokumente']).optional().catch(undefined),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  geloescht: z.string().optional(),
});
const IdSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const DetailQuerySchema = z.object({ neu: z.string().optional() });
const EditSchema = z.discriminatedUnion('aktion', [
  z.object({ aktion: z.literal('speichern'), _csrf: z.string().max(100), alt: z.string().max(2000).default(''), copyright: z.string().max(1000).default('') }),
  z.object({ aktion: z.literal('loeschen'), _csrf: z.string().max(100) }),
]);

type Problem = { status: number; message: string };

/** /studio/medien: the tenant's media library (list, upload, detail, edit, delete). */
export const mediaRoutes: RoutePlugin = async (app, scopeOf, { sessions, config, mediaDir }) => {
  const settings: MediaSettings = { storage: storageFromConfig(config, mediaDir), maxBytes: config.mediaMaxBytes };
  configureMedia(settings);
  // Only this module reads multipart bodies; everywhere else they stay unsupported.
  await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } });

  const origin = settings.storage.imageOrigin;
  if (origin) {
    // Thumbnails come from the bucket: the studio's CSP must let those images in (and nothing else).
    app.addHook('onSend', async (_req, reply, payload) => {
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("img-src 'self' data:", `img-src 'self' data: ${origin}`));
      return payload;
    });
  }

  const maxMb = Math.floor(settings.maxBytes / 1024 / 1024);
  const refusalMessage = (req: FastifyRequest, reason: RefusalReason, values: Record<string, string | number> = {}) => fillText(refusalTexts(langOf(req))[reason], values);
  /** A refused upload or edit: the library's reason in the reader's language, with a fitting status. */
  const problemOf = (req: FastifyRequest, err: unknown): Problem => {
    if (!(err instanceof AppError)) throw err;
    const details = err.details as RefusalDetails | undefined;
    if (details?.reason) return { status: httpStatusOf(details.reason), message: refusalMessage(req, details.reason, details.values) };
    return { status: err.httpStatus, message: err.message };
  };

  const libraryPage = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, o: { status?: number; error?: string | null; notice?: string | null; draft?: { alt: string; copyright: string } } = {}) => {
    const query = ListQuerySchema.parse(req.query ?? {});
    const kind = query.art === 'bilder' ? 'image' : query.art === 'dokumente' ? 'document' : undefined;
    const { db } = await scopeOf(req);
    const { items, total } = await searchMedia(db, { q: query.q, kind, page: query.seite, perPage: PER_PAGE });
    const t = mediaTexts(langOf(req));
    const content = h(LibraryPage, {
      csrf: session.csrf,
      items,
      total,
      page: query.seite,
      perPage: PER_PAGE,
      q: query.q,
      kind,
      canUpload: mayUpload(session),
      maxMb,
      error: o.error ?? null,
      notice: o.notice ?? (query.geloescht !== undefined ? t.deleted : null),
      draft: o.draft ?? { alt: '', copyright: '' },
    });
    return sendStudioPage(req, reply, o.status ?? 200, t.library, content, session.csrf);
  };

  const detailPage = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, file: MediaFile, o: { status?: number; error?: string | null; notice?: string | null } = {}) =>
    sendStudioPage(req, reply, o.status ?? 200, file.fileName, h(DetailPage, { csrf: session.csrf, file, canEdit: mayChange(session, file), error: o.error ?? null, notice: o.notice ?? null }), session.csrf);

  const refusedPage = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, message: string) =>
    sendStudioPage(req, reply, status, mediaTexts(langOf(req)).library, h('p', { role: 'alert' }, message), session.csrf);

  app.get('/studio/medien.css', (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));

  app.get('/studio/medien', async (req, reply) => {
    const session = await requireSession(sessions, req, reply, '/studio/medien');
    return session ? libraryPage(req, reply, session) : reply;
  });

  app.post('/studio/medien', async (req, reply) => {
    const session = await requireSession(sessions, req, reply, '/studio/medien');
    if (!session) return reply;
    const t = mediaTexts(langOf(req));
    if (!mayUpload(session)) return refusedPage(req, reply, session, 403, t.notAllowed);
    const result = await readUploadForm(req);
    if (!result.ok) {
      return result.reason === 'tooLarge'
        ? libraryPage(req, reply, session, { status: 413, error: refusalMessage(req, 'tooLarge', { max: maxMb }) })
        : libraryPage(req, reply, session, { status: 400, error: t.badForm });
    }
    const { form } = result;
    const draft = { alt: form.alt, copyright: form.copyright };
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form._csrf)) return libraryPage(req, reply, session, { status: 403, error: studioTexts(langOf(req)).formExpired, draft });
    if (!form.file) return libraryPage(req, reply, session, { status: 400, error: refusalMessage(req, 'noFile'), draft });
    const { db } = await scopeOf(req);
    try {
      const file = await storeUpload(db, req.tenant.id, form.file, draft, session.principal.accountId, settings);
      return reply.code(303).header('location', `/studio/medien/${file.id}?neu=1`).send();
    } catch (err) {
      const problem = problemOf(req, err);
      return libraryPage(req, reply, session, { status: problem.status, error: problem.message, draft });
    }
  });

  /** The file of /studio/medien/:id in this tenant, or a 404 page. */
  const fileOf = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo): Promise<MediaFile | null> => {
    const id = IdSchema.safeParse(req.params);
    const file = id.success ? await findMedia((await scopeOf(req)).db, id.data.id, settings) : null;
    if (!file) refusedPage(req, reply, session, 404, mediaTexts(langOf(req)).notFound);
    return file;
  };

  app.get('/studio/medien/:id', async (req, reply) => {
    const session = await requireSession(sessions, req, reply, req.url.split('?')[0]!);
    if (!session) return reply;
    const file = await fileOf(req, reply, session);
    if (!file) return reply;
    const fresh = DetailQuerySchema.parse(req.query ?? {}).neu !== undefined;
    return detailPage(req, reply, session, file, { notice: fresh ? mediaTexts(langOf(req)).uploaded : null });
  });

  app.post('/studio/medien/:id', async (req, reply) => {
    const session = await requireSession(sessions, req, reply, req.url.split('?')[0]!);
    if (!session) return reply;
    const t = mediaTexts(langOf(req));
    if (!mayUpload(session)) return refusedPage(req, reply, session, 403, t.notAllowed);
    const file = await fileOf(req, reply, session);
    if (!file) return reply;
    if (!mayChange(session, file)) return detailPage(req, reply, session, file, { status: 403, error: t.notOwn });
    const parsed = EditSchema.safeParse(req.body ?? {});
    if (!parsed.success) return detailPage(req, reply, session, file, { status: 400, error: t.badForm });
    const form = parsed.data;
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form._csrf)) return detailPage(req, reply, session, file, { status: 403, error: studioTexts(langOf(req)).formExpired });
    const { db } = await scopeOf(req);
    if (form.aktion === 'loeschen') {
      await deleteMedia(db, file.id, settings);
      return reply.code(303).header('location', '/studio/medien?geloescht=1').send();
    }
    try {
      const updated = await updateMediaMeta(db, file.id, { alt: form.alt, copyright: form.copyright }, settings);
      return detailPage(req, reply, session, updated, { notice: t.saved });
    } catch (err) {
      const problem = problemOf(req, err);
      return detailPage(req, reply, session, { ...file, alt: form.alt, copyright: form.copyright }, { status: problem.status, error: problem.message });
    }
  });
};
