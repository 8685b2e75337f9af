import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../../../core/auth/sessions.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { moduleStudioKit } from '../../studio/server/module-studio-kit.ts';
import { defectsTexts } from './defects-texts.ts';

/** Where the defect reports' studio pages live. */
export const DEFECTS_PATH = '/studio/maengelmelder';
export const reportPath = (id: number) => `${DEFECTS_PATH}/${id}`;

/** The defects' studio routes: the studio's own parts (decision 022); audit actions `studio:defects.<action>`. */
export const defectsKit = (scopeOf: (req: FastifyRequest) => Promise<RequestScope>, sessions: SessionStore) => moduleStudioKit(scopeOf, sessions, { texts: defectsTexts, auditPrefix: 'defects' });

export type DefectsKit = ReturnType<typeof defectsKit>;

export const formBody = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
