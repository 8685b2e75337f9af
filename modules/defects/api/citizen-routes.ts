import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import type { RouteServices } from '../../../core/registry/manifest.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import { storageFromConfig } from '../../media/storage/media-storage.ts';
import { issueChallenge } from '../abuse/proof-of-work.ts';
import { CategoryAttributes } from '../model/category-attributes.ts';
import { statusesOfOpen311, type ReportStatus } from '../model/statuses.ts';
import { nearbyOpenReports } from '../reports/nearby-reports.ts';
import { getPublicReport, listPublicReports, publicUpdates } from '../reports/public-reports.ts';
import { registerCitizenErrors } from './citizen-errors.ts';
import { IdParam, ListQuery, NearbyQuery, parseInput, StatusQuery } from './citizen-input.ts';
import { fileCitizenReport } from './file-citizen-report.ts';
import { readReportForm } from './report-form.ts';
import { publicReportJson, statusView } from './report-json.ts';

export const CITIZEN_API = '/api/v1/defects';

/** Public lists may be a moment old in a browser; a device's own statuses never are. */
const PUBLIC_CACHE = 'public, max-age=15';

/**
 * The web app's REST API (no token; the municipality by host): categories, challenge, filing,
 * nearby reports, the public map and list, one report, and the statuses of a device's reports.
 * Answers are JSON; errors `{error: {code, message, field?}}` (citizen-errors.ts).
 * The core's response cache serves GraphQL only: these reads go to the database each time.
 */
export async function registerCitizenRoutes(app: FastifyInstance, scopeOf: (req: FastifyRequest) => Promise<RequestScope>, services: RouteServices): Promise<void> {
  registerCitizenErrors(app);
  await app.register(multipart);
  const storage = storageFromConfig(services.config, services.mediaDir);
  const maxPhotoBytes = Math.min(services.config.mediaMaxBytes, 15 * 1024 * 1024);

  app.get(`${CITIZEN_API}/categories`, async (req, reply) => {
    const { db } = await scopeOf(req);
    const rows = await db
      .selectFrom('defect_categories')
      .select(['code', 'name', 'description', 'group_name', 'attributes'])
      .where('active', '=', true)
      .orderBy('position')
      .orderBy('name')
      .execute();
    reply.header('cache-control', PUBLIC_CACHE);
    return rows.map((c) => ({ code: c.code, name: c.name, description: c.description, group: c.group_name, attributes: CategoryAttributes.parse(c.attributes) }));
  });

  app.get(`${CITIZEN_API}/challenge`, async (req, reply) => {
    const { db, tenant } = await scopeOf(req);
    reply.header('cache-control', 'no-store');
    return issueChallenge(db, tenant.id);
  });

  app.post(`${CITIZEN_API}/reports`, async (req, reply) => {
    const { db, tenant, ip } = await scopeOf(req);
    const form = await readReportForm(req, maxPhotoBytes);
    const filed = await fileCitizenReport(form, { db, tenantId: tenant.id, municipality: tenant.name, ip, storage, maxPhotoBytes });
    return reply.code(filed.created ? 201 : 200).header('cache-control', 'no-store').send(filed.body);
  });

  app.get(`${CITIZEN_API}/nearby`, async (req, reply) => {
    const { db } = await scopeOf(req);
    const q = parseInput(NearbyQuery, req.query ?? {});
    const category = await db.selectFrom('defect_categories').select('id').where('code', '=', q.category).where('active', '=', true).executeTakeFirst();
    if (!category) throw notFound(`Die Kategorie „${q.category}“ gibt es hier nicht.`);
    const near = await nearbyOpenReports(db, { categoryId: category.id, lat: q.lat, lng: q.lng, publicOnly: true });
    reply.header('cache-control', 'no-cache');
    return near.map((r) => ({ id: r.id, title: r.title, ...statusView(r.status as ReportStatus), distance: r.distance }));
  });

  app.get(`${CITIZEN_API}/reports`, async (req, reply) => {
    const scope = await scopeOf(req);
    const q = parseInput(ListQuery, req.query ?? {});
    const statuses = q.status === 'open' || q.status === 'closed' ? statusesOfOpen311(q.status) : q.status ? [q.status] : undefined;
    const items = await listPublicReports(scope.db, { statuses, categoryCodes: q.category ? [q.category] : undefined, bbox: q.bbox, limit: q.limit, offset: q.offset });
    reply.header('cache-control', PUBLIC_CACHE);
    return { items: items.map((r) => publicReportJson(r, scope.origin)), limit: q.limit, offset: q.offset };
  });

  // A static segment wins over /reports/:id in Fastify's router, whatever the order.
  app.get(`${CITIZEN_API}/reports/status`, async (req, reply) => {
    const { db } = await scopeOf(req);
    const { ids } = parseInput(StatusQuery, req.query ?? {});
    const rows = await db.selectFrom('defect_reports').select(['id', 'status', 'updated_at']).where('id', 'in', ids).orderBy('id').execute();
    reply.header('cache-control', 'no-store');
    return rows.map((r) => ({ id: r.id, ...statusView(r.status), updatedAt: new Date(r.updated_at).toISOString() }));
  });

  app.get(`${CITIZEN_API}/reports/:id`, async (req, reply) => {
    const scope = await scopeOf(req);
    const { id } = parseInput(IdParam, req.params);
    const report = await getPublicReport(scope.db, id);
    if (!report) throw notFound('Diese Meldung gibt es nicht oder sie ist (noch) nicht öffentlich.');
    const updates = await publicUpdates(scope.db, id);
    reply.header('cache-control', 'no-cache');
    return { ...publicReportJson(report, scope.origin), updates: updates.map((u) => ({ ...statusView(u.status), comment: u.comment, createdAt: new Date(u.createdAt).toISOString() })) };
  });
}
