import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { ProviderInputSchema, listProviders, saveProvider, type ProviderInput } from '../content/provider-admin.ts';
import { libraryImages } from '../content/form-images.ts';
import { ProvidersPage } from '../pages/providers-page.tsx';
import { providersTexts } from '../pages/providers-texts.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { adminSession } from './admin-guard.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const EditQuery = z.object({ bearbeiten: z.coerce.number().int().positive().optional().catch(undefined) });
const EMPTY: ProviderInput = { name: '', dataType: 'general_importer', description: '', notice: '', logo: '', street: '', zip: '', city: '', firstName: '', lastName: '', phone: '', email: '' };

/** /studio/anbieter: tenant admins list, create and edit the data providers content comes from. */
export const providerRoutes: RoutePlugin = (app, scopeOf, { sessions }) => {
  const title = (req: FastifyRequest) => providersTexts(langOf(req)).title;

  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, o: { editing: number | null; form: ProviderInput; error?: string | null; notice?: string | null }) => {
    const db = (await scopeOf(req)).db;
    const [providers, images] = await Promise.all([listProviders(db), libraryImages(db)]);
    const content = h(ProvidersPage, { providers, csrf: session.csrf, editing: o.editing, form: o.form, logos: images.map((i) => ({ url: i.url, label: i.label })), error: o.error ?? null, notice: o.notice ?? null });
    return sendStudioPage(req, reply, status, title(req), content, session.csrf);
  };

  app.get('/studio/anbieter', async (req, reply) => {
    const session = await adminSession(sessions, req, reply, '/studio/anbieter', title(req));
    if (!session) return reply;
    const editing = EditQuery.parse(req.query ?? {}).bearbeiten ?? null;
    const current = editing === null ? null : (await listProviders((await scopeOf(req)).db)).find((p) => p.id === editing);
    if (editing !== null && !current) return page(req, reply, session, 404, { editing: null, form: EMPTY, error: providersTexts(langOf(req)).notFound });
    return page(req, reply, session, 200, { editing, form: current ?? EMPTY });
  });

  const save = (withId: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await adminSession(sessions, req, reply, '/studio/anbieter', title(req));
    if (!session) return reply;
    const t = providersTexts(langOf(req));
    const id = withId ? IdParam.safeParse(req.params) : null;
    if (id && !id.success) return page(req, reply, session, 404, { editing: null, form: EMPTY, error: t.notFound });
    const editing = id?.success ? id.data.id : null;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const typed = { ...EMPTY, ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, typeof body[k] === 'string' ? (body[k] as string).slice(0, 5000) : ''])) } as ProviderInput;
    if (!sameOrigin(req) || !csrfMatches(session.csrf, body._csrf)) return page(req, reply, session, 403, { editing, form: typed, error: studioTexts(langOf(req)).formExpired });
    const input = ProviderInputSchema.safeParse(body);
    if (!input.success) return page(req, reply, session, 400, { editing, form: typed, error: t.badInput });
    const db = (await scopeOf(req)).db;
    const current = editing === null ? null : (await listProviders(db)).find((p) => p.id === editing);
    const logoAllowed = !input.data.logo || input.data.logo === current?.logo || (await libraryImages(db)).some((i) => i.url === input.data.logo);
    if (!logoAllowed) return page(req, reply, session, 400, { editing, form: typed, error: t.badLogo });
    const outcome = await db.transaction().execute(async (trx) => {
      const saved = await saveProvider(trx, editing, input.data);
      if (saved.ok) await auditStudio(scopeOf, req, sessionActor(session), editing === null ? 'provider.create' : 'provider.update', { targetType: 'DataProvider', targetId: String(saved.id), detail: { name: input.data.name } }, trx);
      return saved;
    });
    if (!outcome.ok) return page(req, reply, session, outcome.reason === 'duplicate' ? 409 : 404, { editing, form: typed, error: outcome.reason === 'duplicate' ? t.duplicate : t.notFound });
    return page(req, reply, session, 200, { editing: outcome.id, form: input.data, notice: fillText(t.saved, { name: input.data.name }) });
  };
  app.post('/studio/anbieter', save(false));
  app.post('/studio/anbieter/:id', save(true));
};
