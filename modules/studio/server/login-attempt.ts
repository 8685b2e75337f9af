import type { FastifyReply, FastifyRequest } from 'fastify';
import { setCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, SESSION_MAX_MS, type SessionStore } from '../../../core/auth/sessions.ts';
import { studioTexts, fill } from '../pages/studio-texts.ts';
import { clearFormCsrf, langOf, secure } from './studio-http.ts';
import { auditStudio } from './studio-audit.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';

export type LoginAttempt = { ok: true; token: string } | { ok: false; status: number; error: string };

/**
 * Checks e-mail, password and code, and on success sets the new session's cookie (every login
 * starts a new session). Shared by the login page and the re-login inside an edit form.
 */
export async function attemptLogin(
  sessions: SessionStore,
  scopeOf: (req: FastifyRequest) => Promise<RequestScope>,
  req: FastifyRequest,
  reply: FastifyReply,
  form: { email: string; password: string; code: string },
): Promise<LoginAttempt> {
  const t = studioTexts(langOf(req));
  const result = await sessions.login(form.email, form.password, req.tenant.id, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') }, form.code);
  if (!result.ok) {
    await auditStudio(scopeOf, req, { accountId: null, actor: form.email }, 'login.failed', { detail: { reason: result.reason } });
    if (result.reason === 'locked') {
      reply.header('retry-after', String(result.retryAfterSeconds ?? 60));
      return { ok: false, status: 429, error: fill(t.locked, { minutes: Math.ceil((result.retryAfterSeconds ?? 60) / 60) }) };
    }
    const error = result.reason === 'no-access' ? t.noAccess : result.reason === 'code' ? t.codeWrong : t.invalid;
    return { ok: false, status: result.reason === 'no-access' ? 403 : 401, error };
  }
  await auditStudio(scopeOf, req, { accountId: result.accountId, actor: form.email }, 'login');
  reply.header('set-cookie', [setCookie(SESSION_COOKIE, result.token, { secure: secure(req), sameSite: 'Lax', maxAgeSeconds: SESSION_MAX_MS / 1000 }), clearFormCsrf(req)]);
  return { ok: true, token: result.token };
}
