import type { Loader } from '../../web-app/server/loader.ts';
import type { ServicesHomeData } from './services-data.ts';
import { LIFE_SITUATION_TILE, SERVICE_TEASER, lifeSituationTile, serviceTeaser, status } from './services-parts.load.ts';
import { servicesTexts } from './services-texts.ts';

const TOP_SHOWN = 10;

const query = `query ServicesHome {
  topAdministrativeServices { ${SERVICE_TEASER} }
  lifeSituations { ${LIFE_SITUATION_TILE} }
  administrativeServicesStatus { servicesCount lastSuccessAt stale }
}`;

/** `/rathaus`: the search field, the municipality's top list, the life situations as tiles and how current the copy is. */
export const servicesHomeLoader: Loader = async (ctx) => {
  const r = await ctx.gql(query);
  const data: ServicesHomeData = {
    top: (r.topAdministrativeServices ?? []).slice(0, TOP_SHOWN).map(serviceTeaser),
    lifeSituations: (r.lifeSituations ?? []).map(lifeSituationTile),
    servicesCount: Number(r.administrativeServicesStatus?.servicesCount) || 0,
    status: status(r.administrativeServicesStatus),
  };
  return { title: servicesTexts(ctx.lang).title, data };
};
