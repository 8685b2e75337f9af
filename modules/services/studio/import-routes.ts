import type { FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { AppError } from '../../../core/errors.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { readUploadForm } from '../../media/server/upload-form.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { guardedSession } from '../../studio/server/admin-guard.ts';
import { auditStudio, sessionActor } from '../../studio/server/studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from '../../studio/server/studio-http.ts';
import { importCatalogFile } from '../import/import-file.ts';
import { fileSourceSummary, findImportRun, type ImportRun } from '../import/import-run.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from '../import/upload-text.ts';
import { importTexts } from './import-texts.ts';
import { canConfigureServices } from './services-access.ts';
import { IMPORT_PATH, ImportPage } from './pages/import-page.tsx';

const RunQuery = z.object({ lauf: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });

/**
 * /studio/verwaltungsleistungen/import: upload an export file (XZuFi XML or Dorfplatz JSON) into
 * the tenant's "file" source, see the result. A plain multipart form with the session's CSRF
 * token, as the media library's upload; refused files answer 413 / 415 / 400 with the reason and
 * leave the catalogue as it was.
 */
export const servicesImportRoutes: RoutePlugin = async (app, scopeOf, { sessions }) => {
  // Own scope: only this form reads multipart bodies, with the import's size limit.
  await app.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6 } });
    const texts = (req: FastifyRequest) => importTexts(langOf(req));
    const guard = (req: FastifyRequest, reply: FastifyReply) =>
      guardedSession(sessions, req, reply, { path: IMPORT_PATH, title: texts(req).title, allowed: (s) => canConfigureServices(s.principal), refusal: texts(req).notAllowed });

    const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, o: { run?: ImportRun | null; error?: string } = {}) => {
      const { db } = await scopeOf(req);
      const content = h(ImportPage, { csrf: session.csrf, maxMb: MAX_IMPORT_MB, summary: await fileSourceSummary(db), run: o.run ?? null, error: o.error ?? null });
      return sendStudioPage(req, reply, status, texts(req).title, content, session.csrf);
    };

    scoped.get(IMPORT_PATH, async (req, reply) => {
      const session = await guard(req, reply);
      if (!session) return reply;
      const { lauf } = RunQuery.parse(req.query ?? {});
      if (lauf === undefined) return page(req, reply, session, 200);
      const run = await findImportRun((await scopeOf(req)).db, lauf);
      return run ? page(req, reply, session, 200, { run }) : page(req, reply, session, 404, { error: texts(req).runNotFound });
    });

    scoped.post(IMPORT_PATH, async (req, reply) => {
      const session = await guard(req, reply);
      if (!session) return reply;
      const t = texts(req);
      const result = await readUploadForm(req);
      if (!result.ok) return result.reason === 'tooLarge' ? page(req, reply, session, 413, { error: fillText(t.tooLarge, { max: MAX_IMPORT_MB }) }) : page(req, reply, session, 400, { error: t.badForm });
      const { form } = result;
      if (!sameOrigin(req) || !csrfMatches(session.csrf, form._csrf)) return page(req, reply, session, 403, { error: studioTexts(langOf(req)).formExpired });
      if (!form.file) return page(req, reply, session, 400, { error: t.noFile });
      const { db } = await scopeOf(req);
      try {
        const outcome = await importCatalogFile(db, { fileName: form.file.filename || 'Datei', bytes: form.file.data, trigger: 'upload' });
        const { services, authorities } = outcome.counts;
        await auditStudio(scopeOf, req, sessionActor(session), 'services.import', { targetType: 'ServicesImport', targetId: String(outcome.runId), detail: { fileName: form.file.filename, format: outcome.format, services, authorities, warnings: outcome.warnings.length } });
        return reply.code(303).header('location', `${IMPORT_PATH}?lauf=${outcome.runId}`).send();
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return page(req, reply, session, err.httpStatus, { error: err.message });
      }
    });
  });
};
