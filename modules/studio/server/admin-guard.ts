import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { langOf, sendStudioPage } from './studio-http.ts';

export const isAdmin = (s: SessionInfo) => s.principal.platformAdmin || s.principal.role === 'admin';

/**
 * The session of a tenant admin (or platform admin) for an admin page, or null once answered:
 * 303 to the login without a session, 403 for every other role. Checked on the server only.
 */
export async function adminSession(sessions: SessionStore, req: FastifyRequest, reply: FastifyReply, path: string, title: string): Promise<SessionInfo | null> {
  const session = await sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
  if (!session) {
    reply.code(303).header('location', `/studio/anmelden?weiter=${path}`).send();
    return null;
  }
  if (!isAdmin(session)) {
    sendStudioPage(req, reply, 403, title, h('p', { role: 'alert' }, studioTexts(langOf(req)).notAllowed), session.csrf);
    return null;
  }
  return session;
}
