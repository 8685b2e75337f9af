import type { Loader } from '../../web-app/server/loader.ts';
import { isId } from '../../places/app/attraction.load.ts';
import { links, richHtml } from '../../places/app/detail-parts.load.ts';
import { SERVICE_SECTIONS, TRUST_LEVELS, type ServiceSection } from '../model/catalog.ts';
import type { OnlineServiceInfo, ServiceDetailData } from './services-data.ts';
import { governmentServiceJsonLd } from '../read/government-service.ts';
import type { AuthorityView } from '../read/authorities.ts';
import type { ServiceView } from '../read/service-view.ts';
import { AUTHORITY, STATUS, authoritiesMap, authority, serviceHref, status } from './services-parts.load.ts';

const query = `query ServiceDetail($id: ID!) {
  administrativeService(id: $id) {
    id leikaKey name synonyms summary
    sections { key html }
    onlineServices { name url trustLevel description }
    forms { name url }
    lifeSituations { id name }
    responsibleAuthorities { ${AUTHORITY} }
  }
  ${STATUS}
}`;

type Raw = Record<string, any>;
const isHttp = (u: unknown): u is string => typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u);

function onlineService(o: Raw): OnlineServiceInfo | null {
  if (!isHttp(o.url)) return null;
  const trustLevel = TRUST_LEVELS.find((l) => l === o.trustLevel) ?? null;
  const description = typeof o.description === 'string' && o.description.trim() ? o.description.trim() : null;
  return { name: String(o.name ?? ''), url: o.url, trustLevel, description };
}

/** JSON for a script element: "<" escaped, so no text in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * `/rathaus/leistungen/:id`: a service with its text sections in the fixed order, online
 * applications, forms, the responsible authorities (address, map, opening hours, contacts) and
 * its schema.org GovernmentService description. Unknown and hidden services are 404.
 */
export const serviceDetailLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const r = await ctx.gql(query, { id: ctx.params.id });
  const s = r.administrativeService;
  if (!s) return null;
  const byKey = new Map<string, string>((s.sections ?? []).map((x: Raw) => [x.key, x.html]));
  const sections = SERVICE_SECTIONS.flatMap((key: ServiceSection) => {
    const html = richHtml(byKey.get(key));
    return html ? [{ key, html }] : [];
  });
  const authorities: Raw[] = s.responsibleAuthorities ?? [];
  const data: ServiceDetailData = {
    id: String(s.id),
    name: String(s.name),
    synonyms: (s.synonyms ?? []).filter((x: unknown): x is string => typeof x === 'string' && x.trim() !== ''),
    summary: typeof s.summary === 'string' && s.summary.trim() ? s.summary.trim() : null,
    sections,
    onlineServices: (s.onlineServices ?? []).map(onlineService).filter((o: OnlineServiceInfo | null): o is OnlineServiceInfo => o !== null),
    forms: links((s.forms ?? []).map((f: Raw) => ({ url: f.url, description: f.name }))),
    lifeSituations: (s.lifeSituations ?? []).map((c: Raw) => ({ id: String(c.id), name: String(c.name) })),
    authorities: authorities.map((a) => authority(a, ctx)),
    map: authoritiesMap(ctx, authorities),
    status: status(r.administrativeServicesStatus),
    // The API's fields are the read model's (read/service-view.ts, read/authorities.ts).
    jsonLd: scriptJson(governmentServiceJsonLd(s as ServiceView & { lifeSituations: { name: string }[] }, authorities as AuthorityView[], ctx.tenant.name, ctx.origin + serviceHref(String(s.id)))),
  };
  return { title: data.name, data };
};
