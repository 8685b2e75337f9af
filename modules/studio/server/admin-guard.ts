import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { langOf, sendStudioPage } from './studio-http.ts';

export const isAdmin = (s: SessionInfo) => s.principal.platformAdmin || s.principal.role === 'admin';
export const isPlatformAdmin = (s: SessionInfo) => s.principal.platformAdmin;

/**
 * The session for a guarded page, or null once answered: 303 to the login without a session,
 * 403 with `refusal` when `allowed` says no. Checked on the server only.
 */
export async function guardedSession(
  sessions: SessionStore,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { path: string; title: string; allowed: (s: SessionInfo) => boolean; refusal: string },
): Promise<SessionInfo | null> {
  const session = await sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
  if (!session) {
    reply.code(303).header('location', `/studio/anmelden?weiter=${o.path}`).send();
    return null;
  }
  if (!o.allowed(session)) {
    sendStudioPage(req, reply, 403, o.title, h('p', { role: 'alert' }, o.refusal), session.csrf);
    return null;
  }
  return session;
}

/** A tenant admin's (or platform admin's) session for an admin page; 403 for every other role. */
export function adminSession(sessions: SessionStore, req: FastifyRequest, reply: FastifyReply, path: string, title: string): Promise<SessionInfo | null> {
  return guardedSession(sessions, req, reply, { path, title, allowed: isAdmin, refusal: studioTexts(langOf(req)).notAllowed });
}
