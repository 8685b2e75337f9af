import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { fromBerlinWallClock } from '../../../lib/berlin-time.ts';
import { AuditPage } from '../pages/audit-page.tsx';
import { auditTexts } from '../pages/audit-texts.ts';
import { adminSession } from './admin-guard.ts';
import { langOf, sendStudioPage } from './studio-http.ts';

const PAGE_SIZE = 50;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Unusable filter values are dropped rather than refused: the page always shows something. */
const QuerySchema = z.object({
  wer: z.string().trim().max(320).catch(''),
  aktion: z.string().trim().max(120).catch(''),
  von: day.catch(''),
  bis: day.catch(''),
  seite: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** Midnight in Berlin at the start of a "YYYY-MM-DD" day, `plusDays` later. */
function berlinMidnight(date: string, plusDays = 0): Date | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split('-').map(Number);
  return fromBerlinWallClock(y, m, d + plusDays);
}

/** /studio/protokoll: the tenant's audit log for its admins (and platform admins); others get 403. */
export const auditRoutes: RoutePlugin = (app, scopeOf, { sessions }) => {
  app.get('/studio/protokoll', async (req, reply) => {
    const t = auditTexts(langOf(req));
    const session = await adminSession(sessions, req, reply, '/studio/protokoll', t.title);
    if (!session) return reply;
    const q = QuerySchema.parse(req.query ?? {});
    const scope = await scopeOf(req);
    // One row more than shown tells whether there is an older page.
    const rows = await listAudit(scope.db, {
      actor: q.wer || undefined,
      action: q.aktion || undefined,
      from: berlinMidnight(q.von),
      to: berlinMidnight(q.bis, 1),
      limit: PAGE_SIZE + 1,
      offset: (q.seite - 1) * PAGE_SIZE,
    });
    const filter = { wer: q.wer, aktion: q.aktion, von: q.von, bis: q.bis };
    const href = (seite: number) => `/studio/protokoll?${new URLSearchParams({ ...filter, seite: String(seite) })}`;
    const content = h(AuditPage, {
      rows: rows.slice(0, PAGE_SIZE),
      filter,
      page: q.seite,
      newerHref: q.seite > 1 ? href(q.seite - 1) : null,
      olderHref: rows.length > PAGE_SIZE ? href(q.seite + 1) : null,
    });
    return sendStudioPage(req, reply, 200, t.title, content, session.csrf);
  });
};
