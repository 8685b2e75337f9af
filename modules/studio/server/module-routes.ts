import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { withDependencies } from '../../../core/registry/registry.ts';
import { ModulesPage } from '../pages/modules-page.tsx';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import { fill } from '../pages/studio-texts.ts';
import { adminSession } from './admin-guard.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

const PATH = '/studio/einstellungen/module';
/** Switching the studio off would lock everybody out of this page. */
const ALWAYS_ON = 'studio';
const ModulesForm = z.object({ _csrf: z.string().max(100), modul: z.union([z.string(), z.array(z.string())]).default([]) });

/**
 * Tenant admins switch modules on and off. Dependencies are added (withDependencies) and named;
 * the change goes through the core's tenant directory, so every process reloads the tenant and a
 * switched-off module's API answers NOT_FOUND at once.
 */
export const moduleRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions, tenants, modules } = services;

  const page = (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, enabled: string[], error: string | null, notice: string | null) => {
    const rows = modules.map((m) => ({ name: m.name, title: m.title, dependsOn: m.dependsOn ?? [], enabled: enabled.includes(m.name), locked: withDependencies(modules, [ALWAYS_ON]).includes(m.name) }));
    return sendStudioPage(req, reply, status, appConfigTexts(langOf(req)).modules, h(ModulesPage, { csrf: session.csrf, modules: rows, error, notice }), session.csrf);
  };
  const guard = (req: FastifyRequest, reply: FastifyReply) => adminSession(sessions, req, reply, PATH, appConfigTexts(langOf(req)).modules);

  app.get(PATH, async (req, reply) => {
    const session = await guard(req, reply);
    return session ? page(req, reply, session, 200, req.tenant.enabledModules, null, null) : reply;
  });

  app.post(PATH, async (req, reply) => {
    const session = await guard(req, reply);
    if (!session) return reply;
    const t = appConfigTexts(langOf(req));
    const form = ModulesForm.safeParse(req.body ?? {});
    if (!form.success) return page(req, reply, session, 400, req.tenant.enabledModules, t.badInput, null);
    if (!sameOrigin(req) || !csrfMatches(session.csrf, form.data._csrf)) return page(req, reply, session, 403, req.tenant.enabledModules, t.badInput, null);
    const known = new Set(modules.map((m) => m.name));
    const wanted = [...[form.data.modul].flat().filter((n) => known.has(n)), ALWAYS_ON];
    const enabled = withDependencies(modules, wanted);
    const added = enabled.filter((n) => !wanted.includes(n) && !withDependencies(modules, [ALWAYS_ON]).includes(n));
    const before = req.tenant.enabledModules;
    // Registration order, so the stored list reads like the module list.
    const ordered = modules.map((m) => m.name).filter((n) => enabled.includes(n));
    await tenants.update(req.tenant.id, { enabledModules: ordered });
    await auditStudio(scopeOf, req, sessionActor(session), 'modules.save', {
      targetType: 'tenant',
      targetId: String(req.tenant.id),
      detail: { on: ordered.filter((n) => !before.includes(n)), off: before.filter((n) => !ordered.includes(n)), addedDependencies: added },
    });
    const titles = added.map((n) => modules.find((m) => m.name === n)!.title[langOf(req)]);
    return page(req, reply, session, 200, ordered, null, [t.modulesSaved, titles.length ? fill(t.modulesAdded, { names: titles.join(', ') }) : ''].filter(Boolean).join(' '));
  });
};
