import type { FastifyRequest } from 'fastify';
import { notFound } from '../../../core/errors.ts';
import type { RequestScope } from '../../../core/http/request-scope.ts';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { authorityById, findAuthorities } from '../read/authorities.ts';
import { lifeSituationsOfServices, lifeSituationsUnder, servicesCounts } from '../read/life-situations.ts';
import { idOf, leikaKeyOf, optionalAreaOf, optionalIdOf, pageOf, searchWordsOf, serviceFilterOf, suggestionLimitOf } from '../read/read-input.ts';
import { responsibleAuthorities } from '../read/responsible-authorities.ts';
import { servicesReader, type ServicesReader } from '../read/services-reader.ts';
import type { ServiceView } from '../read/service-view.ts';
import { servicesStatus } from '../read/status.ts';
import { suggestServices } from '../read/suggestions.ts';
import { openApiDocument, SERVICES_API } from './openapi.ts';

/**
 * REST JSON of the services directory under /api/v1/services: public, read-only, the
 * municipality by host; the same read functions as GraphQL. Errors are AppErrors, which the
 * core's error handler answers as `{"error": {"code", "message"}}` with 400 or 404.
 * openapi.ts describes every route here (tests/rest-openapi.test.ts checks it).
 */

type Query = Record<string, unknown>;
type Handler = (req: FastifyRequest, scope: RequestScope) => Promise<unknown>;

/** Services with their life situations, in one statement. */
async function withLifeSituations(reader: ServicesReader, services: ServiceView[]) {
  const of = await lifeSituationsOfServices(reader.db, services.map((s) => Number(s.id)));
  return services.map((s) => ({ ...s, lifeSituations: of.get(Number(s.id)) ?? [] }));
}

/** One service with its life situations and the authorities responsible at `area` (else the municipality). */
async function detail(reader: ServicesReader, by: { id: number } | { leikaKey: string }, missing: string, area: string | null) {
  const service = await reader.one(by);
  if (!service) throw notFound(missing);
  const at = await reader.covering(area);
  const [full] = await withLifeSituations(reader, [service]);
  const authorities = at ? ((await responsibleAuthorities(reader.db, [Number(service.id)], at)).get(Number(service.id)) ?? []) : [];
  return { ...full!, responsibleAuthorities: authorities };
}

const reader = (scope: RequestScope) => servicesReader(scope.db, scope.tenant);
const query = (req: FastifyRequest) => (req.query ?? {}) as Query;
const params = (req: FastifyRequest) => req.params as Record<string, string>;

/** Path (as in openapi.ts, Fastify's `:param` there written `{param}`) → handler. */
const SERVICE_ROUTES: Record<string, Handler> = {
  [SERVICES_API]: async (req, scope) => {
    const q = query(req);
    const page = pageOf({ limit: q.limit, skip: q.offset }, { skipName: 'offset' });
    const r = reader(scope);
    const found = await r.list(serviceFilterOf({ search: q.q, lifeSituationId: q.lifeSituation, leikaKey: q.leika }, { search: 'q', lifeSituationId: 'lifeSituation' }), page);
    return { items: await withLifeSituations(r, found.items), total: found.total, limit: page.limit, offset: page.offset };
  },
  [`${SERVICES_API}/suggestions`]: async (req, scope) => {
    const q = query(req);
    return { items: await suggestServices(scope.db, searchWordsOf(q.q, 'q'), suggestionLimitOf(q.limit)) };
  },
  [`${SERVICES_API}/life-situations`]: async (req, scope) => {
    const items = await lifeSituationsUnder(scope.db, optionalIdOf(query(req).parent, 'parent'));
    const counts = await servicesCounts(scope.db, items.map((c) => Number(c.id)));
    return { items: items.map((c) => ({ ...c, servicesCount: counts.get(Number(c.id)) ?? 0 })) };
  },
  [`${SERVICES_API}/authorities`]: async (req, scope) => {
    const q = query(req);
    const page = pageOf({ limit: q.limit, skip: q.offset }, { skipName: 'offset' });
    return { ...(await findAuthorities(scope.db, searchWordsOf(q.q, 'q'), page)), limit: page.limit, offset: page.offset };
  },
  [`${SERVICES_API}/authorities/{id}`]: async (req, scope) => {
    const id = idOf(params(req).id);
    const authority = await authorityById(scope.db, id);
    if (!authority) throw notFound(`Es gibt keine Behörde mit der Nummer ${id}.`);
    return authority;
  },
  [`${SERVICES_API}/status`]: async (_req, scope) => servicesStatus(scope.db),
  [`${SERVICES_API}/leika/{key}`]: async (req, scope) => {
    const key = leikaKeyOf(params(req).key);
    return detail(reader(scope), { leikaKey: key }, `Zum LeiKa-Schlüssel ${key} ist hier keine Leistung verzeichnet.`, optionalAreaOf(query(req).area));
  },
  [`${SERVICES_API}/{id}`]: async (req, scope) => {
    const id = idOf(params(req).id);
    return detail(reader(scope), { id }, `Es gibt keine Leistung mit der Nummer ${id}.`, optionalAreaOf(query(req).area));
  },
  [`${SERVICES_API}/openapi.json`]: async (_req, scope) => openApiDocument(scope.origin),
};

export const servicesRestRoutes: RoutePlugin = (app, scopeOf) => {
  for (const [path, handle] of Object.entries(SERVICE_ROUTES)) {
    app.get(path.replace(/\{(\w+)\}/g, ':$1'), async (req) => handle(req, await scopeOf(req)));
  }
};
