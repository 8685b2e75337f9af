import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { h } from 'preact';
import { readCookie, setCookie } from '../../../core/auth/cookies.ts';
import { csrfMatches } from '../../../core/auth/sessions.ts';
import { newSecret } from '../../../core/auth/secrets.ts';
import { parsePrefs } from '../../web-app/client/prefs.ts';
import { FolderMailer, type Mailer } from '../../../core/mail/mailer.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { StudioLayout } from '../pages/studio-layout.tsx';
import { studioCsp, studioDocument } from './studio-document.ts';
import { studioNav } from './studio-nav.ts';

/** Shared pieces of the studio's server-rendered pages and form handling. */
export const secure = (req: FastifyRequest) => req.protocol === 'https';
export const langOf = (req: FastifyRequest): Lang => parsePrefs(req.headers.cookie).lang;

/** Forms must come from our own pages: a foreign Origin is refused even with a valid token. */
export const sameOrigin = (req: FastifyRequest) => {
  const origin = req.headers.origin;
  return !origin || origin === `${req.protocol}://${req.host}`;
};

/**
 * Sends a studio page. With a session (csrf given) it carries the navigation of the sections this
 * account may use, so the UI offers only what the server would allow.
 */
export async function sendStudioPage(req: FastifyRequest, reply: FastifyReply, status: number, title: string, content: VNode<any>, csrf?: string, scripts: string[] = [], imageOrigins: string[] = []) {
  const scope = csrf ? await req.scope() : null;
  const routeExists = (href: string) => req.server.hasRoute({ method: 'GET', url: href });
  const nav = scope?.principal.kind === 'account' ? studioNav(scope.principal, req.url.split('?')[0]!, langOf(req), routeExists, req.tenant.enabledModules) : [];
  const page = h(StudioLayout, { tenantName: req.tenant.name, title, csrf, nav }, content);
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', studioCsp(scripts.length > 0, imageOrigins))
      // With the core's no-referrer, browsers send "Origin: null" on form posts; sameOrigin needs the real one.
      .header('referrer-policy', 'same-origin')
      .send(studioDocument(langOf(req), title, req.tenant.name, page, scripts))
  );
}

/** Token of forms shown before there is a session (double-submit cookie). */
const FORM_CSRF_COOKIE = 'dp_login_csrf';

export function formCsrf(req: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookie(req.headers.cookie, FORM_CSRF_COOKIE);
  if (existing && existing.length <= 100) return existing;
  const token = newSecret();
  reply.header('set-cookie', setCookie(FORM_CSRF_COOKIE, token, { secure: secure(req), sameSite: 'Strict', path: '/studio' }));
  return token;
}

export function formCsrfValid(req: FastifyRequest, presented: unknown): boolean {
  const expected = readCookie(req.headers.cookie, FORM_CSRF_COOKIE);
  return !!expected && sameOrigin(req) && csrfMatches(expected, presented);
}

export const clearFormCsrf = (req: FastifyRequest) => setCookie(FORM_CSRF_COOKIE, '', { secure: secure(req), sameSite: 'Strict', path: '/studio', maxAgeSeconds: 0 });

/**
 * The development mailbox shows reset links to anyone who can open the studio, so it exists only
 * without SMTP and outside production (NODE_ENV=production hides it; mails then stay in the folder).
 */
export const devMailboxEnabled = (mailer: Mailer) => mailer instanceof FolderMailer && process.env.NODE_ENV !== 'production';
