import type { Catalog } from '../model/catalog.ts';
import type { ZufiSettings } from '../settings/zufi-settings.ts';
import type { Freshness } from './cache-control.ts';
import { ZufiClient, type ZufiClientOptions } from './zufi-client.ts';
import { zufiConnection } from './zufi-connection.ts';
import { fetchAllPages } from './zufi-pages.ts';
import { firstIssue, parseEach, unwrapDetail, WireForm, WireOs, WireOu, WireOuCompetence, WirePst } from './zufi-wire.ts';
import { mapZufiBundle } from './zufi-mapper.ts';
import { zufiError, zufiFailureOf } from './zufi-error.ts';

/** One service as ZuFi has it now, with its authorities and responsibilities for the area (no life situations). */
export type FetchedService = { catalog: Catalog; warnings: string[]; freshness: Freshness } | { gone: true };

/**
 * Fetches one service for the stale-while-revalidate refresh: GET /pst/{id} and the authorities
 * (/ou/findByCompetence), responsibilities (/ouCompetence/find), online services (/os/find) and
 * forms (/form/find) for it in the tenant's area. A 404 of the service says it is gone upstream;
 * removing it is left to the full sync, which has the guards for that.
 */
export async function fetchZufiService(settings: ZufiSettings, pstId: string, opts: ZufiClientOptions = {}): Promise<FetchedService> {
  const { areaId, ...conn } = zufiConnection(settings);
  const client = new ZufiClient(conn, opts);
  let detail;
  try {
    detail = await client.get(`/pst/${encodeURIComponent(pstId)}`, { areaId });
  } catch (err) {
    if (zufiFailureOf(err) === 'not_found') return { gone: true };
    throw err;
  }
  const pst = WirePst.safeParse(unwrapDetail(detail.body));
  if (!pst.success) throw zufiError('malformed', `ZuFi lieferte die Leistung ${pstId} in unerwarteter Form (${firstIssue(pst.error)}).`);
  const query = { pstId, areaId };
  const list = (path: string, label: string) => fetchAllPages(client, path, query, label, () => {});
  const [ous, competences, os, forms] = await Promise.all([list('/ou/findByCompetence', 'Behörden'), list('/ouCompetence/find', 'Zuständigkeiten'), list('/os/find', 'Online-Dienste'), list('/form/find', 'Formulare')]);
  const warnings: string[] = [];
  const warn = (w: string) => void warnings.push(w);
  const catalog = mapZufiBundle(
    {
      services: [pst.data],
      categories: [],
      authorities: parseEach(WireOu, ous.objects, 'Behörde', warn),
      competences: parseEach(WireOuCompetence, competences.objects, 'Zuständigkeit', warn).filter((c) => c.pstId === pst.data.id),
      onlineServices: parseEach(WireOs, os.objects, 'Online-Dienst', warn),
      forms: parseEach(WireForm, forms.objects, 'Formular', warn),
    },
    warn,
  );
  if (!catalog.services.length) throw zufiError('malformed', `ZuFi lieferte die Leistung ${pstId} ohne verwendbare Angaben.`);
  return { catalog, warnings, freshness: detail.freshness };
}
