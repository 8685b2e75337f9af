import type { FastifyRequest } from 'fastify';
import type { SessionStore } from '../../../core/auth/sessions.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { moduleStudioKit } from '../../studio/server/module-studio-kit.ts';
import { servicesTexts } from './services-texts.ts';

export { csrfOf, idOf } from '../../studio/server/module-studio-kit.ts';

/** Where the services' studio pages live. */
export const SERVICES_PATH = '/studio/verwaltungsleistungen';

/** The services' studio routes: the studio's own parts, so these pages behave like the studio's (decision 022). */
export const servicesKit = (scopeOf: (req: FastifyRequest) => Promise<RequestScope>, sessions: SessionStore) => moduleStudioKit(scopeOf, sessions, { texts: servicesTexts, auditPrefix: 'services' });

export type ServicesKit = ReturnType<typeof servicesKit>;
