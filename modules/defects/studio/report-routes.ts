import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { AppError } from '../../../core/errors.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { isOpen } from '../model/statuses.ts';
import { nearbyOpenReports } from '../reports/nearby-reports.ts';
import { staffMembers } from '../team/staff-members.ts';
import { canSeeContact, canViewDefects, canWorkDefects } from './defects-access.ts';
import { idOf } from '../../studio/server/module-studio-kit.ts';
import { DEFECTS_PATH, formBody, reportPath, type DefectsKit } from './defects-studio-kit.ts';
import { applyReportAction, ReportAction, type ActionOutcome } from './report-actions.ts';
import { loadStaffReport } from './report-detail.ts';
import { ReportPage } from './pages/report-page.tsx';

const NOTICES = ['moderated', 'assignedNotice', 'statusNotice', 'mergeNotice'] as const satisfies readonly ActionOutcome['notice'][];

/** /studio/maengelmelder/:id: one report with everything staff may see, and its actions (POST to the same address). */
export function reportRoutes(app: FastifyInstance, kit: DefectsKit) {
  type Shown = { notice?: string; error?: string };
  const detail = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, id: number | null, shown: Shown = {}) => {
    const db = await kit.db(req);
    const t = kit.texts(req);
    const report = id === null ? undefined : await loadStaffReport(db, id);
    if (!report) return kit.alert(req, reply, 404, t.notFound, session);
    const p = session.principal;
    const [staff, nearby] = await Promise.all([
      staffMembers(db),
      canWorkDefects(p) && isOpen(report.status) ? nearbyOpenReports(db, { categoryId: report.categoryId, lat: report.lat, lng: report.lng, publicOnly: false, excludeId: report.id }) : [],
    ]);
    const content = h(ReportPage, { report, csrf: canWorkDefects(p) ? session.csrf : null, showContact: canSeeContact(p), staff, nearby, notice: shown.notice ?? null, error: shown.error ?? null });
    return kit.page(req, reply, status, `${fillText(t.reportNo, { id: report.id })}: ${report.title}`, content, session);
  };

  app.get(`${DEFECTS_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewDefects);
    if (!session) return reply;
    const t = kit.texts(req);
    const hinweis = (req.query as { hinweis?: unknown } | undefined)?.hinweis;
    const notice = NOTICES.find((n) => n === hinweis);
    return detail(req, reply, session, 200, idOf(req.params), { notice: notice && t[notice] });
  });

  app.post(`${DEFECTS_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canWorkDefects);
    if (!session) return reply;
    const id = idOf(req.params);
    const body = formBody(req);
    if (!kit.tokenValid(req, session, body._csrf)) return detail(req, reply, session, 403, id, { error: studioTexts(langOf(req)).formExpired });
    const action = ReportAction.safeParse(body);
    if (!action.success) return detail(req, reply, session, 400, id, { error: kit.texts(req).badForm });
    if (id === null) return kit.alert(req, reply, 404, kit.texts(req).notFound, session);
    try {
      const outcome = await (await kit.db(req)).transaction().execute(async (trx) => {
        const done = await applyReportAction(trx, id, action.data, session.principal.accountId, kit.texts(req));
        await kit.audit(req, session, action.data.aktion, { targetType: 'DefectReport', targetId: String(id), detail: done.detail }, trx);
        return done;
      });
      return reply.code(303).header('location', `${reportPath(id)}?hinweis=${outcome.notice}`).send();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return detail(req, reply, session, err.httpStatus, id, { error: err.message });
    }
  });
}
