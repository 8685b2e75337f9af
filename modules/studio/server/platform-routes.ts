import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import type { TenantAdminActor } from '../../../core/tenancy/tenant-administration.ts';
import { localHostOf, type Tenant } from '../../../core/tenancy/tenant.ts';
import { PlatformListPage, TenantFormPage, type TenantFormPageProps } from '../pages/platform-pages.tsx';
import { platformTexts } from '../pages/platform-texts.ts';
import { studioTexts, roleLabels } from '../pages/studio-texts.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { guardedSession, isPlatformAdmin } from './admin-guard.ts';
import { sendInvitation } from './account-routes.ts';
import { REQUIRED_MODULE, conflictOf, newTenantInput, readTenantForm, tenantUpdateOf, type TenantFormValues } from './platform-form.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

const SlugParam = z.object({ slug: z.string().max(63) });

const emptyValues: TenantFormValues = { name: '', slug: '', schluessel: '', land: '', domains: '', email: '', adminName: '', module: [] };
const valuesOf = (x: Tenant): TenantFormValues => ({ ...emptyValues, name: x.name, slug: x.slug, schluessel: x.officialKey, land: x.state, domains: x.domains.join('\n') });

/**
 * /studio/plattform: platform admins list, create and edit municipalities, on any tenant's host
 * (a platform admin may log in on every host). Everyone else gets 403, crafted posts included.
 * Creation and edits go through the core's TenantAdministration (the CLI's path too).
 */
export const platformRoutes: RoutePlugin = (app, _scopeOf, services) => {
  const { sessions, tenantAdmin, mailer } = services;
  const guard = (req: FastifyRequest, reply: FastifyReply, path: string) => {
    const t = platformTexts(langOf(req));
    return guardedSession(sessions, req, reply, { path, title: t.title, allowed: isPlatformAdmin, refusal: t.notAllowed });
  };
  const modules = services.modules.map((m) => ({ name: m.name, title: m.title, required: m.name === REQUIRED_MODULE }));
  const actor = (req: FastifyRequest, session: SessionInfo): TenantAdminActor => ({ source: 'studio', accountId: session.principal.accountId, actor: session.email, ip: req.ip, fromTenantId: req.tenant.id });

  const listPage = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, notice: string | null) =>
    sendStudioPage(req, reply, 200, platformTexts(langOf(req)).title, h(PlatformListPage, { tenants: tenantAdmin.directory.all(), notice }), session.csrf);

  type FormState = Pick<TenantFormPageProps, 'mode' | 'action' | 'values'> & Partial<Pick<TenantFormPageProps, 'errors' | 'error' | 'notice'>>;
  const formPage = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, f: FormState) => {
    const t = platformTexts(langOf(req));
    const title = f.mode === 'create' ? t.newTitle : fillText(t.editTitle, { name: f.values.name });
    const props: TenantFormPageProps = { errors: {}, error: null, notice: null, ...f, csrf: session.csrf, modules };
    return sendStudioPage(req, reply, status, title, h(TenantFormPage, props), session.csrf);
  };

  /** The tenant named in the URL, or null once a 404 page is sent. */
  const tenantOf = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo): Tenant | null => {
    const tenant = tenantAdmin.directory.get(SlugParam.parse(req.params).slug);
    if (!tenant) sendStudioPage(req, reply, 404, platformTexts(langOf(req)).title, h('p', { role: 'alert' }, platformTexts(langOf(req)).unknown), session.csrf);
    return tenant ?? null;
  };

  app.get('/studio/plattform', async (req, reply) => {
    const session = await guard(req, reply, '/studio/plattform');
    return session ? listPage(req, reply, session, null) : reply;
  });

  const createForm = { mode: 'create', action: '/studio/plattform/neu' } as const;
  app.get('/studio/plattform/neu', async (req, reply) => {
    const session = await guard(req, reply, '/studio/plattform/neu');
    // Sensible default: every module; the admin unticks what the municipality does not use.
    return session ? formPage(req, reply, session, 200, { ...createForm, values: { ...emptyValues, module: modules.map((m) => m.name) } }) : reply;
  });

  app.post('/studio/plattform/neu', async (req, reply) => {
    const session = await guard(req, reply, '/studio/plattform/neu');
    if (!session) return reply;
    const lang = langOf(req);
    const t = platformTexts(lang);
    const form = readTenantForm(req.body, t, 'create', modules.map((m) => m.name));
    if (!form) return formPage(req, reply, session, 400, { ...createForm, values: emptyValues, error: t.badForm });
    const { values, errors } = form;
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form.csrf)) return formPage(req, reply, session, 403, { ...createForm, values, error: studioTexts(lang).formExpired });
    if (Object.keys(errors).length) return formPage(req, reply, session, 400, { ...createForm, values, errors });

    let created;
    try {
      created = await tenantAdmin.create(newTenantInput(values), actor(req, session));
    } catch (err) {
      const conflict = conflictOf(err, t);
      if (!conflict) throw err;
      return formPage(req, reply, session, 400, { ...createForm, values, errors: conflict });
    }
    const { tenant, invitation } = created;
    // The link points at the new municipality's own host, with the port this request came in on.
    const host = `${tenant.domains[0] ?? localHostOf(tenant.slug)}${/:\d+$/.exec(req.host)?.[0] ?? ''}`;
    const base = `${req.protocol}://${host}`;
    await sendInvitation(mailer, lang, { email: values.email, name: values.adminName, role: roleLabels.admin[lang], token: invitation?.token ?? null, tenantName: tenant.name, base });
    return listPage(req, reply, session, fillText(t.createdNotice, { name: tenant.name, host: base, email: values.email }));
  });

  app.get('/studio/plattform/:slug/bearbeiten', async (req, reply) => {
    const session = await guard(req, reply, '/studio/plattform');
    const tenant = session && tenantOf(req, reply, session);
    if (!session || !tenant) return reply;
    return formPage(req, reply, session, 200, { mode: 'edit', action: `/studio/plattform/${tenant.slug}/bearbeiten`, values: valuesOf(tenant) });
  });

  app.post('/studio/plattform/:slug/bearbeiten', async (req, reply) => {
    const session = await guard(req, reply, '/studio/plattform');
    const tenant = session && tenantOf(req, reply, session);
    if (!session || !tenant) return reply;
    const lang = langOf(req);
    const t = platformTexts(lang);
    const editForm = { mode: 'edit', action: `/studio/plattform/${tenant.slug}/bearbeiten` } as const;
    const form = readTenantForm(req.body, t, 'edit', []);
    if (!form) return formPage(req, reply, session, 400, { ...editForm, values: valuesOf(tenant), error: t.badForm });
    const values = { ...form.values, slug: tenant.slug };
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form.csrf)) return formPage(req, reply, session, 403, { ...editForm, values, error: studioTexts(lang).formExpired });
    if (Object.keys(form.errors).length) return formPage(req, reply, session, 400, { ...editForm, values, errors: form.errors });
    try {
      const saved = await tenantAdmin.update(tenant.id, tenantUpdateOf(values), actor(req, session));
      return formPage(req, reply, session, 200, { ...editForm, values: valuesOf(saved), notice: fillText(t.savedNotice, { name: saved.name }) });
    } catch (err) {
      const conflict = conflictOf(err, t);
      if (!conflict) throw err;
      return formPage(req, reply, session, 400, { ...editForm, values, errors: conflict });
    }
  });
};
