import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h, type VNode } from 'preact';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import { csrfMatches, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import type { AuditEntry } from '../../../core/audit/audit-log.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { guardedSession } from './admin-guard.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';

/**
 * What every route of a module's studio section needs, bound once (decision 022): its texts
 * (with `title` and `notAllowed`), the tenant's database, the role guard (login or 403), the
 * form token check and the audit entry (`studio:<section>.<action>`) in the write's transaction.
 */
export function moduleStudioKit<T extends { title: string; notAllowed: string }>(
  scopeOf: (req: FastifyRequest) => Promise<RequestScope>,
  sessions: SessionStore,
  section: { texts: (lang: Lang) => T; auditPrefix: string },
) {
  const texts = (req: FastifyRequest) => section.texts(langOf(req));
  return {
    texts,
    db: async (req: FastifyRequest): Promise<Kysely<any>> => (await scopeOf(req)).db,
    /** The session, if it may do this; else the login (back to `page`, not to a post's address) or 403 is sent. */
    guard: (req: FastifyRequest, reply: FastifyReply, allowed: (p: AccountPrincipal) => boolean, page = req.url.split('?')[0]!) =>
      guardedSession(sessions, req, reply, { path: page, title: texts(req).title, allowed: (s) => allowed(s.principal), refusal: texts(req).notAllowed }),
    /** A page of only a message (not found, refused). */
    alert: (req: FastifyRequest, reply: FastifyReply, status: number, text: string, session: SessionInfo) => sendStudioPage(req, reply, status, texts(req).title, h('p', { role: 'alert' }, text), session.csrf),
    page: (req: FastifyRequest, reply: FastifyReply, status: number, title: string, content: VNode<any>, session: SessionInfo, scripts: string[] = []) => sendStudioPage(req, reply, status, title, content, session.csrf, scripts),
    /** The form came from our page: same origin and the session's token. */
    tokenValid: (req: FastifyRequest, session: SessionInfo, presented: unknown) => sameOrigin(req) && csrfMatches(session.csrf, presented),
    audit: (req: FastifyRequest, session: SessionInfo, action: string, about: Pick<AuditEntry, 'targetType' | 'targetId' | 'detail'>, trx: Kysely<any>) =>
      auditStudio(scopeOf, req, sessionActor(session), `${section.auditPrefix}.${action}`, about, trx),
  };
}

/** A record id from the address; anything else is "not found". */
export function idOf(params: unknown): number | null {
  const id = Number((params as { id?: string }).id);
  return /^\d{1,10}$/.test(String((params as { id?: string }).id)) && id >= 1 && id <= 2_147_483_647 ? id : null;
}

/** The `_csrf` field of a posted form. */
export const csrfOf = (body: unknown) => (body as { _csrf?: unknown } | undefined)?._csrf;
