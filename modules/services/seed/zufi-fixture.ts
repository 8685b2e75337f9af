import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { WireForm, WireOs, WireOu, WireOuCompetence, WirePst, WirePstCategory } from '../zufi/zufi-wire.ts';

/**
 * An upstream ZuFi's whole data set in its wire format: the demo fixture (seed/zufi/*.json,
 * written for this project), or generated data in the bench. `areaView` answers what the
 * upstream delivers for one area; the demo seed and the fake ZuFi server of the tests both use it.
 */
export type UpstreamData = {
  services: z.input<typeof WirePst>[];
  categories: z.input<typeof WirePstCategory>[];
  authorities: z.input<typeof WireOu>[];
  competences: z.input<typeof WireOuCompetence>[];
  onlineServices: z.input<typeof WireOs>[];
  forms: z.input<typeof WireForm>[];
};

const FILES: Record<keyof UpstreamData, string> = {
  services: 'services.json',
  categories: 'categories.json',
  authorities: 'authorities.json',
  competences: 'competences.json',
  onlineServices: 'online-services.json',
  forms: 'forms.json',
};

/** The demo fixture, read fresh (callers may change their copy). */
export function loadFixtureUpstream(): UpstreamData {
  const dir = fileURLToPath(new URL('./zufi/', import.meta.url));
  return Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, JSON.parse(readFileSync(dir + f, 'utf8'))])) as UpstreamData;
}

/** An area (ARS or its prefix) covers a requested area when it is that area or contains it. */
export const covers = (area: string, requested: string) => requested.startsWith(area);

/**
 * What the upstream delivers for a requested area: responsibilities whose area covers it, the
 * services and authorities they name, online services offered there (or everywhere), the forms
 * of those services and all life situations. With `pstId`, only what concerns that service.
 */
export function areaView(data: UpstreamData, areaId: string, pstId?: string): UpstreamData {
  const competences = data.competences.filter((c) => covers(c.areaId, areaId) && (pstId === undefined || String(c.pstId) === pstId));
  const serviceIds = new Set(competences.map((c) => String(c.pstId)));
  const ouIds = new Set(competences.map((c) => String(c.ouId)));
  const forServices = (ids: (string | number)[]) => ids.some((id) => serviceIds.has(String(id)));
  return {
    services: data.services.filter((s) => serviceIds.has(String(s.id))),
    categories: data.categories,
    authorities: data.authorities.filter((o) => ouIds.has(String(o.id))),
    competences,
    onlineServices: data.onlineServices.filter((o) => forServices(o.pstIds) && (!o.areaIds?.length || o.areaIds.some((a) => covers(a, areaId)))),
    forms: data.forms.filter((f) => forServices(f.pstIds)),
  };
}
