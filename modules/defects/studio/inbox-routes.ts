import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { langOf } from '../../studio/server/studio-http.ts';
import { loadDefectSettings } from '../area/defect-settings.ts';
import { staffLabel, staffMembers } from '../team/staff-members.ts';
import { canConfigureDefects, canSeeContact, canViewDefects } from './defects-access.ts';
import { DEFECTS_PATH, type DefectsKit } from './defects-studio-kit.ts';
import { EXPORT_LIMIT, inboxCount, inboxRows, InboxQuery, MAP_LIMIT, PER_PAGE } from './inbox-query.ts';
import { reportsCsv } from './report-csv.ts';
import { InboxPage } from './pages/inbox-page.tsx';

/** Names of assignees by account id ('–' for none or a former member). */
async function assigneeNames(db: Parameters<typeof staffMembers>[0]) {
  const names = new Map((await staffMembers(db)).map((m) => [m.accountId, staffLabel(m)]));
  return (id: number | null) => (id === null ? '–' : (names.get(id) ?? '–'));
}

/** /studio/maengelmelder: the inbox (filters, map, list) and its CSV export. */
export function inboxRoutes(app: FastifyInstance, kit: DefectsKit) {
  app.get(DEFECTS_PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewDefects);
    if (!session) return reply;
    const query = InboxQuery.parse(req.query ?? {});
    const db = await kit.db(req);
    const me = session.principal.accountId;
    const [rows, total, points, settings, categories, assignee] = await Promise.all([
      inboxRows(db, query, me, PER_PAGE, (query.seite - 1) * PER_PAGE),
      inboxCount(db, query, me),
      inboxRows(db, query, me, MAP_LIMIT),
      loadDefectSettings(db),
      db.selectFrom('defect_categories').select(['code', 'name']).orderBy('position').orderBy('name').execute(),
      assigneeNames(db),
    ]);
    const content = h(InboxPage, { query, rows, total, points, mapMore: total > MAP_LIMIT, area: settings.area, categories, assignee, canConfigure: canConfigureDefects(session.principal) });
    return kit.page(req, reply, 200, kit.texts(req).title, content, session);
  });

  app.get(`${DEFECTS_PATH}/export.csv`, async (req, reply) => {
    const session = await kit.guard(req, reply, canViewDefects, DEFECTS_PATH);
    if (!session) return reply;
    const query = InboxQuery.parse(req.query ?? {});
    const db = await kit.db(req);
    const rows = await inboxRows(db, query, session.principal.accountId, EXPORT_LIMIT);
    const csv = reportsCsv(rows, { withContact: canSeeContact(session.principal), lang: langOf(req), t: kit.texts(req), assignee: await assigneeNames(db) });
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="maengelmeldungen-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
