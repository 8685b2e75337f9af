import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { badRequest, forbidden, notFound, toAppError } from '../../../core/errors.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { CategoryAttributes } from '../model/category-attributes.ts';
import { NewReport } from '../model/report-input.ts';
import { createReport } from '../reports/create-report.ts';
import { getPublicReport, listPublicReports, publicUpdates } from '../reports/public-reports.ts';
import { useApiKey } from './api-keys.ts';
import { discoveryDocument, OPEN311_BASE } from './open311-discovery.ts';
import { argsOf, MAX_REQUESTS, postedReport, requestsQuery, single, wantsExtensions, type Args } from './open311-input.ts';
import { requestRecord, serviceDefinition, serviceRecord, type ServiceRow } from './open311-records.ts';
import { recentUpdates } from './open311-updates.ts';
import { formatOfUrl, open311Status, render, send, sendError, TYPES, zodDescriptions, type Answer, type Format } from './open311-answers.ts';

/** `file` is "name.json" or "name.xml". */
function split(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw notFound('Unbekanntes Format: .json oder .xml anhängen.');
  return { name: m[1]!, format: m[2] as Format };
}

/** jurisdiction_id is optional; given, it must name this municipality (slug, a domain, this host). */
function checkJurisdiction(args: Args, scope: RequestScope, host: string) {
  const j = single(args, 'jurisdiction_id', 300)?.toLowerCase();
  if (j === undefined) return;
  const t = scope.tenant;
  if (j !== t.slug && !t.domains.includes(j) && j !== host.toLowerCase().split(':')[0]) throw notFound(`jurisdiction_id „${j}“ wird hier nicht bedient (hier: ${t.slug}).`);
}

async function categories(db: RequestScope['db'], code?: string): Promise<ServiceRow[]> {
  let q = db.selectFrom('defect_categories').select(['code', 'name', 'description', 'keywords', 'group_name', 'type', 'attributes']).where('active', '=', true);
  if (code !== undefined) q = q.where('code', '=', code);
  const rows = await q.orderBy('position').orderBy('name').execute();
  return rows.map((r) => ({ ...r, attributes: CategoryAttributes.parse(typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes) }) as ServiceRow);
}

/**
 * Open311 GeoReport v2 under /open311/v2 on every municipality's host: discovery, services,
 * definitions, POST and GET requests, tokens, and the updates extension. JSON and XML by suffix;
 * errors in the spec's shape from this plugin's own handlers.
 */
export const open311Routes: RoutePlugin = async (app, scopeOf, { cache }) => {
  await app.register(
    async (o: FastifyInstance) => {
      o.setErrorHandler((err, req, reply) => {
        const format = formatOfUrl(req.url);
        if (err instanceof ZodError) return sendError(reply, format, 400, zodDescriptions(err));
        const e = toAppError(err);
        if (!e || e.httpStatus >= 500) {
          req.log.error({ err }, 'open311 request failed');
          return sendError(reply, format, 500, ['Interner Fehler; bitte später erneut versuchen.']);
        }
        return sendError(reply, format, open311Status(e), [e.message]);
      });
      // Anything else under the base: the spec's 404, not the platform's.
      o.all('/*', async (req, reply) => sendError(reply, formatOfUrl(req.url), 404, [`Unbekannte Adresse: ${req.url.split('?')[0]}`]));

      type Handler = (ctx: { scope: RequestScope; args: Args; name: string }) => Promise<Answer>;
      /** `cached`: a read whose answers are few per tenant (not one per request id or token: those would crowd out the app's entries). */
      const route = (method: 'GET' | 'POST', path: string, handle: Handler, cached = false) => {
        const run = async (req: FastifyRequest, reply: FastifyReply, file: string) => {
          const { name, format } = split(file);
          const args = method === 'GET' ? argsOf(req.query) : { ...argsOf(req.query), ...argsOf(req.body) };
          const scope = await scopeOf(req);
          checkJurisdiction(args, scope, req.host);
          if (method === 'POST') return send(reply, format, await handle({ scope, args, name }));
          // Public reads through the core's response cache (decision 002): every write to the
          // tenant's tables drops its entries. Only answers without filter arguments are kept, so
          // a tenant has a handful of (possibly large) entries, not one per query string.
          const key = cached && Object.keys(args).every((k) => k === 'jurisdiction_id' || k === 'extensions') ? `${scope.origin}\u0000${req.url.split('?')[0]}\u0000${wantsExtensions(args)}` : null;
          const hit = key && cache.get(scope.tenant.id, key);
          if (hit) return reply.header('x-cache', 'hit').type(TYPES[format]).send(hit);
          const generation = cache.generation(scope.tenant.id);
          const { status, body } = render(format, await handle({ scope, args, name }));
          if (key && status === 200) cache.set(scope.tenant.id, key, body, generation);
          return reply.code(status).header('x-cache', 'miss').type(TYPES[format]).send(body);
        };
        if (path.includes(':file')) o.route({ method, url: path, handler: (req, reply) => run(req, reply, (req.params as { file: string }).file) });
        else for (const fmt of ['json', 'xml']) o.route({ method, url: `${path}.${fmt}`, handler: (req, reply) => run(req, reply, `x.${fmt}`) });
      };

      route('GET', '/discovery', async ({ scope }) => ({ root: 'discovery', record: discoveryDocument(scope.tenant, scope.origin) }), true);

      route('GET', '/services', async ({ scope }) => ({ root: 'services', item: 'service', items: (await categories(scope.db)).map(serviceRecord) }), true);

      route('GET', '/services/:file', async ({ scope, name }) => {
        const [c] = await categories(scope.db, name);
        if (!c) throw notFound(`Den Dienst (service_code) „${name}“ gibt es hier nicht.`);
        return { root: 'service_definition', record: serviceDefinition(c) };
      }, true);

      route('POST', '/requests', async ({ scope, args }) => {
        const key = single(args, 'api_key', 200);
        const apiKeyId = key ? await useApiKey(scope.db, key) : null;
        if (!apiKeyId) throw forbidden(key ? 'Ungültiger oder widerrufener api_key.' : 'api_key fehlt: Schlüssel erteilt die Verwaltung.');
        const code = single(args, 'service_code', 64);
        if (!code) throw badRequest('service_code fehlt.');
        const [category] = await categories(scope.db, code);
        if (!category) throw notFound(`Den Dienst (service_code) „${code}“ gibt es hier nicht.`);
        const input = NewReport.parse(postedReport(args, category));
        const mediaUrl = single(args, 'media_url', 2000);
        const photos = mediaUrl ? [{ url: mediaUrl, storageKeys: [], width: 0, height: 0 }] : [];
        const created = await createReport(scope.db, input, { source: 'open311', apiKeyId }, { municipality: scope.tenant.name, photos });
        // Committed: this process reads its own write at once; others hear of it by NOTIFY.
        cache.invalidate(scope.tenant.id);
        const notice = created.moderation === 'approved' ? 'Vielen Dank für Ihre Meldung.' : 'Vielen Dank für Ihre Meldung. Sie wird geprüft und danach veröffentlicht.';
        const id = created.token ? { token: created.token } : { service_request_id: created.id };
        return { root: 'service_requests', item: 'request', items: [{ ...id, service_notice: notice, account_id: input.accountId }], status: 201 };
      });

      route('GET', '/requests', async ({ scope, args }) => {
        const extended = wantsExtensions(args);
        const q = requestsQuery(args, extended);
        const found = await listPublicReports(scope.db, { ids: q.ids, categoryCodes: q.codes, statuses: q.statuses, from: q.from, to: q.to, limit: MAX_REQUESTS });
        const origin = scope.origin;
        return { root: 'service_requests', item: 'request', items: found.map((r) => requestRecord(r, origin, extended ? {} : null)) };
      }, true);

      route('GET', '/requests/:file', async ({ scope, args, name }) => {
        const id = /^\d{1,10}$/.test(name) && Number(name) <= 2_147_483_647 ? Number(name) : null;
        const report = id === null ? undefined : await getPublicReport(scope.db, id);
        if (!report) throw notFound(await whyNotPublic(scope, name, id));
        const extended = wantsExtensions(args) ? { updates: await publicUpdates(scope.db, report.id) } : null;
        return { root: 'service_requests', item: 'request', items: [requestRecord(report, scope.origin, extended)] };
      });

      route('GET', '/tokens/:file', async ({ scope, name }) => {
        const row = await scope.db.selectFrom('defect_reports').select('id').where('token', '=', name.slice(0, 100)).executeTakeFirst();
        if (!row) throw notFound(`Das Token „${name}“ ist nicht bekannt.`);
        return { root: 'service_requests', item: 'request', items: [{ service_request_id: row.id, token: name }] };
      });

      route('GET', '/servicerequestupdates', async ({ scope, args }) => ({ root: 'service_request_updates', item: 'request_update', items: await recentUpdates(scope.db, args) }), true);
    },
    { prefix: OPEN311_BASE },
  );
};

/**
 * Why GET requests/{id} finds nothing. A report posted a moment ago waits for moderation where the
 * municipality moderates: the client is told so (it holds the id from its own POST). Hidden,
 * rejected and unknown ones are simply unknown.
 */
async function whyNotPublic(scope: RequestScope, name: string, id: number | null): Promise<string> {
  const row = id === null ? undefined : await scope.db.selectFrom('defect_reports').select(['moderation', 'public']).where('id', '=', id).executeTakeFirst();
  if (row?.moderation === 'pending' && row.public) return `Die Meldung ${id} wird noch geprüft und erscheint nach der Freigabe.`;
  return `Die Meldung (service_request_id) „${name}“ gibt es hier nicht.`;
}
