import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { readZufiSettings, type ZufiSettings } from '../settings/zufi-settings.ts';
import { requestSync } from '../sync/sync-request.ts';
import { canEditServices, canViewServices } from './services-access.ts';
import { csrfOf, SERVICES_PATH, type ServicesKit } from './services-studio-kit.ts';
import { recentRuns, sourceStatuses } from './sync-history.ts';
import { SyncPage } from './pages/sync-page.tsx';

const PATH = `${SERVICES_PATH}/abgleich`;

/** Whether a sync can reach ZuFi at all: switched on, with an address, an area and a key that opens. */
export const zufiReady = (s: ZufiSettings) => s.enabled && !!s.baseUrl && !!s.areaId && s.apiKey !== null;

/** /studio/verwaltungsleistungen/abgleich: the last runs with counts and logs, each source's state, and "sync now". */
export function syncRoutes(app: FastifyInstance, kit: ServicesKit) {
  type Shown = { requested?: boolean; error?: string };
  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, shown: Shown = {}) => {
    const t = kit.texts(req);
    const db = await kit.db(req);
    const [runs, statuses, settings] = await Promise.all([recentRuns(db), sourceStatuses(db), readZufiSettings(db)]);
    const now = new Date();
    const content = h(SyncPage, {
      runs,
      statuses,
      now,
      ready: zufiReady(settings),
      circuitOpenUntil: settings.circuitOpenUntil && settings.circuitOpenUntil > now ? settings.circuitOpenUntil : null,
      csrf: canEditServices(session.principal) ? session.csrf : null,
      notice: shown.requested ? t.syncRequested : null,
      error: shown.error ?? null,
    });
    return kit.page(req, reply, status, t.syncTitle, content, session);
  };

  app.get(PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewServices);
    if (!session) return reply;
    return page(req, reply, session, 200, { requested: (req.query as { angefordert?: unknown } | undefined)?.angefordert !== undefined });
  });

  app.post(PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canEditServices);
    if (!session) return reply;
    if (!kit.tokenValid(req, session, csrfOf(req.body))) return page(req, reply, session, 403, { error: studioTexts(langOf(req)).formExpired });
    const db = await kit.db(req);
    if (!zufiReady(await readZufiSettings(db))) return page(req, reply, session, 409, { error: kit.texts(req).notConfigured });
    await db.transaction().execute(async (trx) => {
      await requestSync(trx, req.tenant.id, 'studio');
      await kit.audit(req, session, 'sync', { targetType: 'ServicesProvider', targetId: 'zufi' }, trx);
    });
    return reply.code(303).header('location', `${PATH}?angefordert=1`).send();
  });
}
