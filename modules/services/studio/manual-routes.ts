import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { EditorValues } from '../../../core/registry/content-editor.ts';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import type { FieldErrors } from '../../studio/content/form-values.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { studioScript } from '../../studio/server/studio-assets.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { manualFormValues, manualServiceFields, readManualForm } from './manual-form.ts';
import { createManualService, deleteManualService, loadService, manualChoices, updateManualService } from './manual-services.ts';
import { canEditServices, canViewServices } from './services-access.ts';
import { csrfOf, idOf, SERVICES_PATH, type ServicesKit } from './services-studio-kit.ts';
import { ManualServicePage } from './pages/manual-service-page.tsx';
import { DeleteServicePage } from './pages/delete-service-page.tsx';

/** The rich-text toolbar of the text sections, when built (the form works without it). */
const richText = studioScript('rich-text');

/**
 * Local services (source 'manual'): /neu creates one, /:id edits it (or shows another source's
 * service read-only), /:id/loeschen deletes it after a confirmation.
 */
export function manualRoutes(app: FastifyInstance, kit: ServicesKit) {
  type FormState = { id: number | null; name: string; source: string; values: EditorValues; errors?: FieldErrors; error?: string; notice?: string };
  const formPage = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, s: FormState) => {
    const t = kit.texts(req);
    const fields = manualServiceFields(await manualChoices(await kit.db(req)));
    const editable = canEditServices(session.principal) && s.source === 'manual';
    const readOnly = editable ? null : s.source === 'manual' ? t.readOnlyRole : t.readOnlySource;
    const content = h(ManualServicePage, { id: s.id, csrf: session.csrf, fields, values: s.values, errors: s.errors ?? {}, error: s.error ?? null, notice: s.notice ?? null, readOnly });
    return kit.page(req, reply, status, s.id === null ? t.newServiceTitle : s.name || t.title, content, session, editable ? richText : []);
  };

  /** A service of this tenant as the form shows it; null once "not found" is answered. */
  const stored = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo) => {
    const id = idOf(req.params);
    const found = id === null ? null : await loadService(await kit.db(req), id);
    if (!found) {
      await kit.alert(req, reply, 404, kit.texts(req).notFound, session);
      return null;
    }
    return { id: id!, name: found.row.name as string, source: found.row.source as string, values: manualFormValues(found.row, found.links, req.tenant.officialKey) };
  };

  /** Reads the post; answers the form again on an expired token or errors, else returns what to store. */
  const read = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, s: Omit<FormState, 'values'>) => {
    const lang = langOf(req);
    const fields = manualServiceFields(await manualChoices(await kit.db(req)));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = readManualForm(body, fields, req.tenant.officialKey, lang);
    if (!kit.tokenValid(req, session, csrfOf(body))) {
      await formPage(req, reply, session, 403, { ...s, values: form.values, error: studioTexts(lang).formExpired });
      return null;
    }
    if (!form.service) {
      await formPage(req, reply, session, 400, { ...s, values: form.values, errors: form.errors, error: kit.texts(req).notSaved });
      return null;
    }
    return form.service;
  };

  app.get(`${SERVICES_PATH}/neu`, async (req, reply) => {
    const session = await kit.guard(req, reply, canEditServices);
    if (!session) return reply;
    return formPage(req, reply, session, 200, { id: null, name: '', source: 'manual', values: manualFormValues(null, null, req.tenant.officialKey) });
  });

  app.post(`${SERVICES_PATH}/neu`, async (req, reply) => {
    const session = await kit.guard(req, reply, canEditServices);
    if (!session) return reply;
    const m = await read(req, reply, session, { id: null, name: '', source: 'manual' });
    if (!m) return reply;
    const id = await (await kit.db(req)).transaction().execute(async (trx) => {
      const id = await createManualService(trx, m);
      await kit.audit(req, session, 'create', { targetType: 'AdministrativeService', targetId: String(id), detail: { name: m.service.name } }, trx);
      return id;
    });
    return reply.code(303).header('location', `${SERVICES_PATH}/${id}?gespeichert=1`).send();
  });

  app.get(`${SERVICES_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewServices);
    if (!session) return reply;
    const s = await stored(req, reply, session);
    if (!s) return reply;
    const saved = (req.query as { gespeichert?: unknown } | undefined)?.gespeichert !== undefined;
    return formPage(req, reply, session, 200, { ...s, notice: saved ? kit.texts(req).serviceSaved : undefined });
  });

  app.post(`${SERVICES_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canEditServices);
    if (!session) return reply;
    const s = await stored(req, reply, session);
    if (!s) return reply;
    if (s.source !== 'manual') return formPage(req, reply, session, 409, { ...s, error: kit.texts(req).onlyManual });
    const m = await read(req, reply, session, s);
    if (!m) return reply;
    await (await kit.db(req)).transaction().execute(async (trx) => {
      await updateManualService(trx, s.id, m);
      await kit.audit(req, session, 'update', { targetType: 'AdministrativeService', targetId: String(s.id), detail: { name: m.service.name } }, trx);
    });
    return reply.code(303).header('location', `${SERVICES_PATH}/${s.id}?gespeichert=1`).send();
  });

  const deletable = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await kit.guard(req, reply, canEditServices, req.url.split('?')[0]!.replace(/\/loeschen$/, ''));
    if (!session) return null;
    const s = await stored(req, reply, session);
    if (!s) return null;
    if (s.source !== 'manual') {
      await formPage(req, reply, session, 409, { ...s, error: kit.texts(req).onlyManual });
      return null;
    }
    return { session, s };
  };

  app.get(`${SERVICES_PATH}/:id/loeschen`, async (req, reply) => {
    const found = await deletable(req, reply);
    if (!found) return reply;
    return kit.page(req, reply, 200, kit.texts(req).deleteTitle, h(DeleteServicePage, { id: found.s.id, name: found.s.name, csrf: found.session.csrf, error: null }), found.session);
  });

  app.post(`${SERVICES_PATH}/:id/loeschen`, async (req, reply) => {
    const found = await deletable(req, reply);
    if (!found) return reply;
    const { session, s } = found;
    if (!kit.tokenValid(req, session, csrfOf(req.body))) {
      const content = h(DeleteServicePage, { id: s.id, name: s.name, csrf: session.csrf, error: studioTexts(langOf(req)).formExpired });
      return kit.page(req, reply, 403, kit.texts(req).deleteTitle, content, session);
    }
    await (await kit.db(req)).transaction().execute(async (trx) => {
      if (await deleteManualService(trx, s.id)) await kit.audit(req, session, 'delete', { targetType: 'AdministrativeService', targetId: String(s.id), detail: { name: s.name } }, trx);
    });
    return reply.code(303).header('location', `${SERVICES_PATH}?hinweis=deleted`).send();
  });
}
