import type { GermanState } from '../../../core/tenancy/tenant.ts';

/**
 * Rough middle of each Land, for a new municipality's first map: better than Germany's middle,
 * and the municipality's own centre is one edit of mapSettings away.
 */
export const stateCentres: Record<GermanState, { latitude: number; longitude: number }> = {
  'Baden-Württemberg': { latitude: 48.66, longitude: 9.35 },
  Bayern: { latitude: 48.79, longitude: 11.5 },
  Berlin: { latitude: 52.52, longitude: 13.4 },
  Brandenburg: { latitude: 52.41, longitude: 12.53 },
  Bremen: { latitude: 53.08, longitude: 8.8 },
  Hamburg: { latitude: 53.55, longitude: 10.0 },
  Hessen: { latitude: 50.65, longitude: 9.16 },
  'Mecklenburg-Vorpommern': { latitude: 53.61, longitude: 12.43 },
  Niedersachsen: { latitude: 52.64, longitude: 9.85 },
  'Nordrhein-Westfalen': { latitude: 51.43, longitude: 7.66 },
  'Rheinland-Pfalz': { latitude: 50.12, longitude: 7.31 },
  Saarland: { latitude: 49.4, longitude: 6.95 },
  Sachsen: { latitude: 51.1, longitude: 13.2 },
  'Sachsen-Anhalt': { latitude: 51.95, longitude: 11.69 },
  'Schleswig-Holstein': { latitude: 54.22, longitude: 9.7 },
  Thüringen: { latitude: 50.86, longitude: 11.05 },
};

export const GERMANY_CENTRE = { latitude: 51.16, longitude: 10.45 };
