import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { readCookie, setCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, csrfMatches } from '../../../core/auth/sessions.ts';
import { LoginPage } from '../pages/login-page.tsx';
import { DashboardPage } from '../pages/dashboard-page.tsx';
import { studioTexts, fill } from '../pages/studio-texts.ts';
import { LoginFormSchema, NextParamSchema } from './login-form.ts';
import { attemptLogin } from './login-attempt.ts';
import { studioCss } from './studio-document.ts';
import { devMailboxEnabled, formCsrf, formCsrfValid, langOf, sameOrigin, secure, sendStudioPage } from './studio-http.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { isAdmin, isPlatformAdmin } from './admin-guard.ts';

/**
 * The studio's entry: login, logout and the start page. Passwords are checked by the core's
 * SessionStore (argon2id, back-off); a successful login always starts a new session.
 */
export const studioRoutes: RoutePlugin = (app, scopeOf, { sessions, mailer }) => {
  const loginPage = (req: FastifyRequest, reply: FastifyReply, status: number, o: { email?: string; next?: string; error?: string | null; notice?: string | null }) => {
    const t = studioTexts(langOf(req));
    const content = h(LoginPage, { csrf: formCsrf(req, reply), email: o.email ?? '', next: o.next ?? '/studio', error: o.error ?? null, notice: o.notice ?? null, devMailbox: devMailboxEnabled(mailer) });
    return sendStudioPage(req, reply, status, t.loginTitle, content);
  };

  app.get('/studio/studio.css', (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(studioCss()));

  app.get('/studio/anmelden', (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const t = studioTexts(langOf(req));
    return loginPage(req, reply, 200, { next: NextParamSchema.parse(q).weiter, notice: q.passwort === 'neu' ? t.passwordChanged : null });
  });

  app.post('/studio/anmelden', async (req, reply) => {
    const t = studioTexts(langOf(req));
    const parsed = LoginFormSchema.safeParse(req.body ?? {});
    const email = typeof (req.body as any)?.email === 'string' ? String((req.body as any).email).slice(0, 320) : '';
    if (!parsed.success) return loginPage(req, reply, 400, { email, error: t.badInput });
    const form = parsed.data;
    if (!formCsrfValid(req, form._csrf)) return loginPage(req, reply, 403, { email, next: form.weiter, error: t.formExpired });
    const result = await attemptLogin(sessions, scopeOf, req, reply, form);
    if (!result.ok) return loginPage(req, reply, result.status, { email, next: form.weiter, error: result.error });
    return reply.code(303).header('location', form.weiter).send();
  });

  app.post('/studio/abmelden', async (req, reply) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = await sessions.resolve(token, req.tenant.id);
    if (session && sameOrigin(req) && csrfMatches(session.csrf, (req.body as any)?._csrf)) {
      await sessions.logout(token);
      await auditStudio(scopeOf, req, sessionActor(session), 'logout');
    } else if (session) return reply.code(403).type('text/plain; charset=utf-8').send(studioTexts(langOf(req)).formExpired);
    reply.header('set-cookie', setCookie(SESSION_COOKIE, '', { secure: secure(req), maxAgeSeconds: 0 }));
    return reply.code(303).header('location', '/studio/anmelden').send();
  });

  app.get('/studio', async (req, reply) => {
    const session = await sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
    if (!session) return reply.code(303).header('location', '/studio/anmelden?weiter=/studio').send();
    const title = fill(studioTexts(langOf(req)).welcome, { name: session.name || session.email });
    return sendStudioPage(req, reply, 200, title, h(DashboardPage, { email: session.email, role: session.principal.role, isAdmin: isAdmin(session), isPlatformAdmin: isPlatformAdmin(session) }), session.csrf);
  });
};
