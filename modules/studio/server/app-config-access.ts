import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, csrfMatches, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import { isAdmin } from './admin-guard.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

/** A session allowed to see the app settings, and whether it may change them. */
export type ConfigSession = { session: SessionInfo; canEdit: boolean };

/**
 * Admins and editors edit the app configuration, read-only accounts look at it (forms disabled),
 * everybody else gets 403; without a session, 303 to the login. Checked on the server only.
 * Answers 404 when the tenant has switched static content off.
 */
export async function configSession(sessions: SessionStore, req: FastifyRequest, reply: FastifyReply, path: string): Promise<ConfigSession | null> {
  const session = await sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
  const t = appConfigTexts(langOf(req));
  if (!session) {
    reply.code(303).header('location', `/studio/anmelden?weiter=${encodeURIComponent(path)}`).send();
    return null;
  }
  const role = session.principal.role;
  const canEdit = isAdmin(session) || role === 'editor';
  if (!canEdit && role !== 'read_only') {
    sendStudioPage(req, reply, 403, t.title, h('p', { role: 'alert' }, t.notAllowed), session.csrf);
    return null;
  }
  if (!req.tenant.enabledModules.includes('static-content')) {
    sendStudioPage(req, reply, 404, t.title, h('p', { role: 'alert' }, t.noStaticContent), session.csrf);
    return null;
  }
  return { session, canEdit };
}

/** A write needs the edit right, our own origin and the session's token; else the 403 is sent. */
export function writeAllowed(req: FastifyRequest, reply: FastifyReply, { session, canEdit }: ConfigSession, presented: unknown): boolean {
  const st = studioTexts(langOf(req));
  if (!canEdit) {
    sendStudioPage(req, reply, 403, appConfigTexts(langOf(req)).title, h('p', { role: 'alert' }, appConfigTexts(langOf(req)).notAllowed), session.csrf);
    return false;
  }
  if (!sameOrigin(req) || !csrfMatches(session.csrf, presented)) {
    sendStudioPage(req, reply, 403, appConfigTexts(langOf(req)).title, h('p', { role: 'alert' }, st.formExpired), session.csrf);
    return false;
  }
  return true;
}
