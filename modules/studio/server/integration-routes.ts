import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { INTEGRATION_ROLES } from '../../../core/auth/integrations.ts';
import { studioTexts, fill } from '../pages/studio-texts.ts';
import { integrationsTexts } from '../pages/integrations-texts.ts';
import { IntegrationsPage, type IntegrationsPageProps } from '../pages/integrations-page.tsx';
import { adminSession } from './admin-guard.ts';
import { dataProviders } from './account-routes.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

const ActionSchema = z.discriminatedUnion('aktion', [
  z.object({
    aktion: z.literal('anlegen'),
    _csrf: z.string().max(100),
    name: z.string().trim().min(1).max(100),
    rolle: z.enum(INTEGRATION_ROLES),
    anbieter: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
  }),
  z.object({ aktion: z.literal('widerrufen'), _csrf: z.string().max(100), anwendung: z.coerce.number().int().positive() }),
]);

type Outcome = Pick<IntegrationsPageProps, 'created' | 'error' | 'notice'>;
const none: Outcome = { created: null, error: null, notice: null };

/** /studio/integrationen: tenant admins create API clients (secret shown once) and revoke them. Every action is audited. */
export const integrationRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions, integrations } = services;
  const guard = (req: FastifyRequest, reply: FastifyReply) => adminSession(sessions, req, reply, '/studio/integrationen', integrationsTexts(langOf(req)).title);

  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, outcome: Outcome) => {
    const [list, providers] = await Promise.all([integrations.list(req.tenant.id), dataProviders(await scopeOf(req))]);
    const content = h(IntegrationsPage, { csrf: session.csrf, integrations: list, providers, ...outcome });
    return sendStudioPage(req, reply, status, integrationsTexts(langOf(req)).title, content, session.csrf);
  };

  app.get('/studio/integrationen', async (req, reply) => {
    const session = await guard(req, reply);
    return session ? page(req, reply, session, 200, none) : reply;
  });

  app.post('/studio/integrationen', async (req, reply) => {
    const session = await guard(req, reply);
    if (!session) return reply;
    const t = integrationsTexts(langOf(req));
    const parsed = ActionSchema.safeParse(req.body ?? {});
    if (!parsed.success) return page(req, reply, session, 400, { ...none, error: t.badInput });
    const form = parsed.data;
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form._csrf)) return page(req, reply, session, 403, { ...none, error: studioTexts(langOf(req)).formExpired });
    const tenantId = req.tenant.id;

    if (form.aktion === 'anlegen') {
      if (form.rolle === 'data_provider' && !(await dataProviders(await scopeOf(req))).some((p) => p.id === form.anbieter)) {
        return page(req, reply, session, 400, { ...none, error: t.needsProvider });
      }
      const app = await integrations.create(tenantId, session.principal.accountId, { name: form.name, role: form.rolle, dataProviderId: form.anbieter });
      const dataProviderId = form.rolle === 'data_provider' ? form.anbieter : null;
      await auditStudio(scopeOf, req, sessionActor(session), 'integration.create', { targetType: 'integration', targetId: String(app.id), detail: { name: form.name, clientId: app.clientId, role: form.rolle, dataProviderId } });
      return page(req, reply, session, 200, { ...none, created: { name: form.name, clientId: app.clientId, clientSecret: app.clientSecret } });
    }

    const target = (await integrations.list(tenantId)).find((i) => i.id === form.anwendung);
    if (!target || !(await integrations.revoke(tenantId, target.id))) return page(req, reply, session, 404, { ...none, error: t.unknown });
    await auditStudio(scopeOf, req, sessionActor(session), 'integration.revoke', { targetType: 'integration', targetId: String(target.id), detail: { name: target.name, clientId: target.clientId } });
    return page(req, reply, session, 200, { ...none, notice: fill(t.revokedNotice, { name: target.name }) });
  });
};
