import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import type { FastifyInstance } from 'fastify';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { applyEditorialAction, EditorialAction } from './editorial-actions.ts';
import { canConfigureServices, canEditServices, canViewServices } from './services-access.ts';
import { csrfOf, idOf, SERVICES_PATH, type ServicesKit } from './services-studio-kit.ts';
import { listServices, ServiceQuery, topServices } from './service-list.ts';
import { OverviewPage, type OverviewNotice } from './pages/overview-page.tsx';

const NOTICES = ['hide', 'show', 'pin', 'unpin', 'top', 'untop', 'deleted'] as const satisfies readonly OverviewNotice[];

/** The overview's address a form came from (its filters and page), or the plain overview: never another address. */
function backOf(value: unknown): string {
  const s = typeof value === 'string' ? value : '';
  return /^\/studio\/verwaltungsleistungen(\?[\w%.~+=&-]*)?$/.test(s) ? s : SERVICES_PATH;
}

function withNotice(back: string, notice: OverviewNotice): string {
  const url = new URL(back, 'http://x');
  url.searchParams.set('hinweis', notice);
  return `${url.pathname}${url.search}`;
}

/** /studio/verwaltungsleistungen: every service with search and filters, the top list, and hiding, pinning and placing services. */
export function overviewRoutes(app: FastifyInstance, kit: ServicesKit) {
  type Shown = { notice?: OverviewNotice; error?: string };
  const overview = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, back: string, shown: Shown = {}) => {
    const query = ServiceQuery.parse(Object.fromEntries(new URL(back, 'http://x').searchParams));
    const db = await kit.db(req);
    const [{ rows, total }, top] = await Promise.all([listServices(db, query), topServices(db)]);
    const p = session.principal;
    const content = h(OverviewPage, { query, rows, total, top, back, csrf: canEditServices(p) ? session.csrf : null, canConfigure: canConfigureServices(p), notice: shown.notice ?? null, error: shown.error ?? null });
    return kit.page(req, reply, status, kit.texts(req).title, content, session);
  };

  app.get(SERVICES_PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewServices);
    if (!session) return reply;
    const hinweis = (req.query as { hinweis?: unknown } | undefined)?.hinweis;
    const notice = NOTICES.find((n) => n === hinweis);
    const url = new URL(req.url, 'http://x');
    url.searchParams.delete('hinweis');
    return overview(req, reply, session, 200, backOf(`${url.pathname}${url.search}`), { notice });
  });

  app.post(`${SERVICES_PATH}/:id/redaktion`, async (req, reply) => {
    const session = await kit.guard(req, reply, canEditServices, SERVICES_PATH);
    if (!session) return reply;
    const t = kit.texts(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const back = backOf(body.zurueck);
    const id = idOf(req.params);
    if (id === null) return kit.alert(req, reply, 404, t.notFound, session);
    if (!kit.tokenValid(req, session, csrfOf(body))) return overview(req, reply, session, 403, back, { error: studioTexts(langOf(req)).formExpired });
    const action = EditorialAction.safeParse(body);
    if (!action.success) return overview(req, reply, session, 400, back, { error: body.action === 'top' ? t.badPlace : t.badForm });
    const outcome = await (await kit.db(req)).transaction().execute(async (trx) => {
      const result = await applyEditorialAction(trx, req.tenant.id, id, action.data);
      if (result.done) await kit.audit(req, session, action.data.action, { targetType: 'AdministrativeService', targetId: String(id), detail: { ...action.data, moves: result.moves } }, trx);
      return result;
    });
    if (!outcome.done) return outcome.reason === 'notFound' ? kit.alert(req, reply, 404, t.notFound, session) : overview(req, reply, session, 409, back, { error: t.topFull });
    return reply.code(303).header('location', withNotice(back, action.data.action)).send();
  });
}
