import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { recordAudit, type AuditEntry } from '../../../core/audit/audit-log.ts';

export type StudioActor = { accountId: number | null; actor: string };
export const sessionActor = (s: SessionInfo): StudioActor => ({ accountId: s.principal.accountId, actor: s.email });

/** Records a studio action (`studio:<action>`) in the tenant's audit log, with the request's address. */
export async function auditStudio(
  scopeOf: (req: FastifyRequest) => Promise<RequestScope>,
  req: FastifyRequest,
  who: StudioActor,
  action: string,
  about: Pick<AuditEntry, 'targetType' | 'targetId' | 'detail'> = {},
  /** The write's transaction, so that the entry and the change stand or fall together. */
  db?: Kysely<any>,
): Promise<void> {
  const scope = await scopeOf(req);
  await recordAudit(db ?? scope.db, { tenantId: req.tenant.id, ...who, action: `studio:${action}`, ...about, ip: scope.ip });
}
