import { validationError } from '../../../core/errors.ts';
import { batchLoad } from '../../../core/graphql/batch-loader.ts';
import { memo, type GraphQLContext } from '../../../core/graphql/context.ts';
import { authorityById, findAuthorities, type AuthorityView } from '../read/authorities.ts';
import { childrenOf, lifeSituationById, lifeSituationsOfServices, lifeSituationsUnder, servicesCounts, type LifeSituationView } from '../read/life-situations.ts';
import type { ServiceFilter } from '../read/ranked-page.ts';
import { idOf, optionalAreaOf, optionalIdOf, optionalLeikaKeyOf, pageOf, searchWordsOf, serviceFilterOf, suggestionLimitOf, type Page } from '../read/read-input.ts';
import { responsibleAuthorities } from '../read/responsible-authorities.ts';
import { servicesReader, type ServicesReader } from '../read/services-reader.ts';
import type { ServiceView } from '../read/service-view.ts';
import { servicesStatus } from '../read/status.ts';
import { suggestServices } from '../read/suggestions.ts';
import { revalidateWhenStale } from '../sync/revalidate.ts';

/**
 * The public GraphQL reads of administrative services (graphql/services-schema.ts), over the
 * same read functions as the REST routes. Nested lists (life situations, authorities, services
 * of a life situation or authority) are batched per request: a page of 50 services with their
 * life situations and responsible authorities costs three statements.
 */

type FilterArgs = { search?: unknown; lifeSituationId?: unknown; leikaKey?: unknown; ids?: unknown[] | null };
type PageArgs = { limit?: unknown; skip?: unknown };

const readerOf = (ctx: GraphQLContext): ServicesReader => memo(ctx, 'services:reader', () => servicesReader(ctx.db, ctx.tenant));

const filterOf = (args: FilterArgs): ServiceFilter => serviceFilterOf(args, { search: 'search', lifeSituationId: 'lifeSituationId' });

/** The list's total, kept for administrativeServicesCount with the same filter in the same request. */
const totalKey = (filter: ServiceFilter) => `services:total:${JSON.stringify(filter)}`;

const pageKey = (page: Page) => `${page.limit}:${page.offset}`;

function servicesOfLink(link: 'lifeSituation' | 'authority') {
  return (owner: { id: string }, args: PageArgs, ctx: GraphQLContext) => {
    const page = pageOf(args);
    return batchLoad(ctx, `services:${link}:services:${pageKey(page)}`, (ids: number[]) => readerOf(ctx).byLink(link, ids, page), Number(owner.id)).then((v) => v ?? []);
  };
}

export const servicesResolvers = {
  Query: {
    administrativeServices: async (_: unknown, args: FilterArgs & PageArgs, ctx: GraphQLContext) => {
      const filter = filterOf(args);
      const found = readerOf(ctx).list(filter, pageOf(args));
      const total = found.then((f) => f.total);
      // Handled here too: when no count is asked for, a failed list must not leave a rejection unhandled.
      total.catch(() => {});
      ctx.memo.set(totalKey(filter), total);
      return (await found).items;
    },
    administrativeServicesCount: (_: unknown, args: FilterArgs, ctx: GraphQLContext) => {
      const filter = filterOf(args);
      return (ctx.memo.get(totalKey(filter)) as Promise<number> | undefined) ?? readerOf(ctx).count(filter);
    },
    administrativeService: async (_: unknown, args: { id?: unknown; leikaKey?: unknown }, ctx: GraphQLContext) => {
      const id = optionalIdOf(args.id);
      const leikaKey = optionalLeikaKeyOf(args.leikaKey);
      if (id === null && leikaKey === null) throw validationError('Bitte id oder leikaKey angeben.');
      const service = await readerOf(ctx).one(id !== null ? { id } : { leikaKey: leikaKey! });
      if (!service || (leikaKey !== null && service.leikaKey !== leikaKey)) return null;
      if (service.source === 'zufi') await revalidateInBackground(ctx, Number(service.id));
      return service;
    },
    administrativeServiceSuggestions: (_: unknown, args: { search?: unknown; limit?: unknown }, ctx: GraphQLContext) =>
      suggestServices(ctx.db, searchWordsOf(args.search), suggestionLimitOf(args.limit)),
    topAdministrativeServices: (_: unknown, _args: unknown, ctx: GraphQLContext) => readerOf(ctx).top(),
    lifeSituations: (_: unknown, args: { parentId?: unknown }, ctx: GraphQLContext) => lifeSituationsUnder(ctx.db, optionalIdOf(args.parentId, 'parentId')),
    lifeSituation: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => (await lifeSituationById(ctx.db, idOf(args.id))) ?? null,
    authorities: async (_: unknown, args: { search?: unknown } & PageArgs, ctx: GraphQLContext) => (await findAuthorities(ctx.db, searchWordsOf(args.search), pageOf(args))).items,
    authority: async (_: unknown, args: { id: unknown }, ctx: GraphQLContext) => (await authorityById(ctx.db, idOf(args.id))) ?? null,
    administrativeServicesStatus: (_: unknown, _args: unknown, ctx: GraphQLContext) => servicesStatus(ctx.db),
  },
  AdministrativeService: {
    lifeSituations: (s: ServiceView, _args: unknown, ctx: GraphQLContext) =>
      batchLoad(ctx, 'services:lifeSituations', (ids: number[]) => lifeSituationsOfServices(ctx.db, ids), Number(s.id)).then((v) => v ?? []),
    responsibleAuthorities: async (s: ServiceView, args: { area?: unknown }, ctx: GraphQLContext): Promise<AuthorityView[]> => {
      const at = await readerOf(ctx).covering(optionalAreaOf(args.area));
      if (!at) return [];
      return (await batchLoad(ctx, `services:responsible:${at.key}`, (ids: number[]) => responsibleAuthorities(ctx.db, ids, at), Number(s.id))) ?? [];
    },
  },
  LifeSituation: {
    children: (c: LifeSituationView, _args: unknown, ctx: GraphQLContext) =>
      batchLoad(ctx, 'services:lifeSituation:children', (ids: number[]) => childrenOf(ctx.db, ids), Number(c.id)).then((v) => v ?? []),
    servicesCount: (c: LifeSituationView, _args: unknown, ctx: GraphQLContext) =>
      batchLoad(ctx, 'services:lifeSituation:count', (ids: number[]) => servicesCounts(ctx.db, ids), Number(c.id)).then((v) => v ?? 0),
    services: servicesOfLink('lifeSituation'),
  },
  Authority: {
    services: servicesOfLink('authority'),
  },
};

/**
 * Stale-while-revalidate: a ZuFi service read after its upstream freshness (Cache-Control) ran
 * out is answered from the copy at once and refreshed by a job (sync/revalidate.ts).
 */
async function revalidateInBackground(ctx: GraphQLContext, id: number): Promise<void> {
  const row = await ctx.db.selectFrom('ozg_services').select(['id', 'source', 'fresh_until']).where('id', '=', id).executeTakeFirst();
  if (row) await revalidateWhenStale(ctx.db, ctx.tenant.id, row);
}
