import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h, type VNode } from 'preact';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import { csrfMatches, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import type { AuditEntry } from '../../../core/audit/audit-log.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { guardedSession } from '../../studio/server/admin-guard.ts';
import { auditStudio, sessionActor } from '../../studio/server/studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from '../../studio/server/studio-http.ts';
import { defectsTexts } from './defects-texts.ts';

/** Where the defect reports' studio pages live. */
export const DEFECTS_PATH = '/studio/maengelmelder';
export const reportPath = (id: number) => `${DEFECTS_PATH}/${id}`;

/**
 * What every defects studio route needs, bound once (decision 022): texts, the tenant's database,
 * the role guard (login or 403), the form token check and the audit entry in the write's transaction.
 */
export function defectsKit(scopeOf: (req: FastifyRequest) => Promise<RequestScope>, sessions: SessionStore) {
  const texts = (req: FastifyRequest) => defectsTexts(langOf(req));
  return {
    texts,
    db: async (req: FastifyRequest): Promise<Kysely<any>> => (await scopeOf(req)).db,
    guard: (req: FastifyRequest, reply: FastifyReply, allowed: (p: AccountPrincipal) => boolean, page = req.url.split('?')[0]!) =>
      guardedSession(sessions, req, reply, { path: page, title: texts(req).title, allowed: (s) => allowed(s.principal), refusal: texts(req).notAllowed }),
    alert: (req: FastifyRequest, reply: FastifyReply, status: number, text: string, session: SessionInfo) => sendStudioPage(req, reply, status, texts(req).title, h('p', { role: 'alert' }, text), session.csrf),
    page: (req: FastifyRequest, reply: FastifyReply, status: number, title: string, content: VNode<any>, session: SessionInfo) => sendStudioPage(req, reply, status, title, content, session.csrf),
    tokenValid: (req: FastifyRequest, session: SessionInfo, presented: unknown) => sameOrigin(req) && csrfMatches(session.csrf, presented),
    audit: (req: FastifyRequest, session: SessionInfo, action: string, about: Pick<AuditEntry, 'targetType' | 'targetId' | 'detail'>, trx: Kysely<any>) =>
      auditStudio(scopeOf, req, sessionActor(session), `defects.${action}`, about, trx),
  };
}

export type DefectsKit = ReturnType<typeof defectsKit>;

/** A record id from the address; anything else is "not found". */
export function idParam(params: unknown): number | null {
  const raw = String((params as { id?: string }).id);
  return /^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

export const formBody = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
