import type { Loader } from '../../web-app/server/loader.ts';
import { isId } from '../../places/app/attraction.load.ts';
import type { AuthorityData } from './services-data.ts';
import { AUTHORITY, SERVICE_TEASER, authoritiesMap, authority, serviceTeaser } from './services-parts.load.ts';

/** Services listed on an authority's page; more are found through the search. */
const SERVICES_SHOWN = 50;

const query = `query AuthorityPage($id: ID!, $limit: Int) {
  authority(id: $id) {
    ${AUTHORITY}
    services(limit: $limit) { ${SERVICE_TEASER} }
  }
}`;

/** `/rathaus/behoerden/:id`: an authority with address, map, opening hours, contacts, payment methods and its services. */
export const authorityLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const { authority: a } = await ctx.gql(query, { id: ctx.params.id, limit: SERVICES_SHOWN + 1 });
  if (!a) return null;
  const services = a.services ?? [];
  const data: AuthorityData = {
    ...authority(a, ctx),
    map: authoritiesMap(ctx, [a]),
    services: services.slice(0, SERVICES_SHOWN).map(serviceTeaser),
    moreServices: services.length > SERVICES_SHOWN,
  };
  return { title: data.name, data };
};
