import type { Catalog } from '../model/catalog.ts';
import type { ZufiSettings } from '../settings/zufi-settings.ts';
import { stalest, type Freshness } from './cache-control.ts';
import { ZufiClient, type ZufiClientOptions } from './zufi-client.ts';
import { zufiConnection } from './zufi-connection.ts';
import { fetchAllPages, PAGE_SIZE } from './zufi-pages.ts';
import { parseBundle } from './zufi-wire.ts';
import { mapZufiBundle } from './zufi-mapper.ts';
import { zufiError } from './zufi-error.ts';

export type ZufiFetchOptions = ZufiClientOptions & { pageSize?: number };

export type FetchedCatalog = {
  catalog: Catalog;
  /** Records left out or trimmed, for the run's log. */
  warnings: string[];
  /** How long the upstream lets us treat the services as fresh (their list responses' Cache-Control). */
  freshness: Freshness;
};

const MAX_WARNINGS = 200;

/**
 * The tenant's complete catalogue from ZuFi for its area: life situations, services, authorities,
 * who is responsible where, online services and forms, each list paged through to the end.
 * Throws a coded error (zufi-error.ts) when anything fails or is incomplete, so only a whole
 * catalogue ever reaches the store. No services at all is an error too: for a real area that
 * means a wrong area id or an upstream fault, never "the municipality has no services".
 */
export async function fetchZufiCatalog(settings: ZufiSettings, onProgress: (message: string) => void, opts: ZufiFetchOptions = {}): Promise<FetchedCatalog> {
  const { areaId, ...conn } = zufiConnection(settings);
  const client = new ZufiClient(conn, opts);
  const warnings: string[] = [];
  const warn = (w: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
  };
  const load = (path: string, query: Record<string, string>, label: string) =>
    fetchAllPages(client, path, { ...query, areaId }, label, (n, total) => onProgress(`${label}: ${n}${total === null ? '' : ` von ${total}`} geladen`), opts.pageSize ?? PAGE_SIZE);

  onProgress(`Abruf von ZuFi für das Gebiet ${areaId} …`);
  const categories = await load('/pstCategory/find', {}, 'Lebenslagen');
  const services = await load('/pst/find', { searchWord: '' }, 'Leistungen');
  if (services.objects.length === 0) {
    throw zufiError('empty', `ZuFi lieferte keine Leistungen für das Gebiet ${areaId}. Bitte das Gebiet (ARS) prüfen; der bisherige Bestand bleibt erhalten.`);
  }
  const authorities = await load('/ou/find', {}, 'Behörden');
  const competences = await load('/ouCompetence/find', {}, 'Zuständigkeiten');
  const onlineServices = await load('/os/find', {}, 'Online-Dienste');
  const forms = await load('/form/find', {}, 'Formulare');

  const raw = { categories: categories.objects, services: services.objects, authorities: authorities.objects, competences: competences.objects, onlineServices: onlineServices.objects, forms: forms.objects };
  const catalog = mapZufiBundle(parseBundle(raw, warn), warn);
  onProgress(`Von ZuFi übernommen: ${catalog.services.length} Leistungen, ${catalog.categories.length} Lebenslagen, ${catalog.authorities.length} Behörden, ${catalog.responsibilities.length} Zuständigkeiten${warnings.length ? `, ${warnings.length} Hinweise` : ''}`);
  return { catalog, warnings, freshness: stalest(services.freshness) };
}
