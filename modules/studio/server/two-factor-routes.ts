import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { otpauthUri } from '../../../core/auth/totp.ts';
import { TwoFactorPage } from '../pages/two-factor-page.tsx';
import { studioTexts } from '../pages/studio-texts.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';

const ActionSchema = z.object({ _csrf: z.string().max(100), aktion: z.enum(['einrichten', 'bestaetigen', 'ausschalten']), code: z.string().max(12).optional().default('') });

/** /studio/zwei-faktor: the logged-in account sets up or removes its TOTP second factor. */
export const twoFactorRoutes: RoutePlugin = (app, scopeOf, { sessions, secondFactor }) => {
  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, error: string | null, notice: string | null) => {
    const t = studioTexts(langOf(req));
    const s = await secondFactor.status(session.principal.accountId);
    const pending = s.pendingSecret ? { secret: s.pendingSecret, uri: otpauthUri(s.pendingSecret, session.email, `Dorfplatz ${req.tenant.name}`) } : null;
    return sendStudioPage(req, reply, status, t.twoFactor, h(TwoFactorPage, { csrf: session.csrf, enabled: s.enabled, pending, error, notice }), session.csrf);
  };
  const sessionOf = (req: FastifyRequest) => sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);

  app.get('/studio/zwei-faktor', async (req, reply) => {
    const session = await sessionOf(req);
    if (!session) return reply.code(303).header('location', '/studio/anmelden?weiter=/studio/zwei-faktor').send();
    return page(req, reply, session, 200, null, null);
  });

  app.post('/studio/zwei-faktor', async (req, reply) => {
    const session = await sessionOf(req);
    if (!session) return reply.code(303).header('location', '/studio/anmelden?weiter=/studio/zwei-faktor').send();
    const t = studioTexts(langOf(req));
    const parsed = ActionSchema.safeParse(req.body ?? {});
    if (!parsed.success || !sameOrigin(req) || !csrfMatches(session.csrf, parsed.data._csrf)) return page(req, reply, session, parsed.success ? 403 : 400, t.formExpired, null);
    const { aktion, code } = parsed.data;
    const id = session.principal.accountId;
    if (aktion === 'einrichten') {
      await secondFactor.begin(id);
      return page(req, reply, session, 200, null, null);
    }
    const done = aktion === 'bestaetigen' ? await secondFactor.confirm(id, code) : await secondFactor.disable(id, code);
    if (!done) return page(req, reply, session, 400, t.codeWrong, null);
    await auditStudio(scopeOf, req, sessionActor(session), aktion === 'bestaetigen' ? 'totp.enabled' : 'totp.disabled');
    return page(req, reply, session, 200, null, aktion === 'bestaetigen' ? t.twoFactorEnabled : t.twoFactorDisabled);
  });
};
