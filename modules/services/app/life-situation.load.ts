import type { Loader } from '../../web-app/server/loader.ts';
import { isId } from '../../places/app/attraction.load.ts';
import { PAGE_SIZE, pageParam, pager } from '../../places/app/pager.load.ts';
import type { LifeSituationData } from './services-data.ts';
import { LIFE_SITUATION_TILE, SERVICE_TEASER, lifeSituationHref, lifeSituationTile, serviceTeaser } from './services-parts.load.ts';

const query = `query LifeSituation($id: ID!, $limit: Int, $skip: Int) {
  lifeSituation(id: $id) {
    id name description parentId servicesCount
    children { ${LIFE_SITUATION_TILE} }
    services(limit: $limit, skip: $skip) { ${SERVICE_TEASER} }
  }
}`;

const parentQuery = `query LifeSituationParent($id: ID!) { lifeSituation(id: $id) { id name } }`;

/** `/rathaus/lebenslagen/:id`: a life situation with the situations below it and its services, a page at a time. */
export const lifeSituationLoader: Loader = async (ctx) => {
  const page = pageParam(ctx.query);
  if (!isId(ctx.params.id) || page === null) return null;
  const { lifeSituation: c } = await ctx.gql(query, { id: ctx.params.id, limit: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE });
  if (!c) return null;
  const total = Number(c.servicesCount) || 0;
  if (page > 1 && (page - 1) * PAGE_SIZE >= total) return null;
  const parent = c.parentId ? (await ctx.gql(parentQuery, { id: String(c.parentId) })).lifeSituation : null;
  const data: LifeSituationData = {
    id: String(c.id),
    name: String(c.name),
    description: typeof c.description === 'string' && c.description.trim() ? c.description.trim() : null,
    parent: parent ? { id: String(parent.id), name: String(parent.name) } : null,
    children: (c.children ?? []).map(lifeSituationTile),
    services: (c.services ?? []).map(serviceTeaser),
    total,
    pager: pager(lifeSituationHref(String(c.id)), ctx.query, page, total),
  };
  return { title: data.name, data };
};
