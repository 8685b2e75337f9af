const EARTH_RADIUS_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Metres per degree of latitude: the band searched around a point is radius / this. */
export const METRES_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_M) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const dLat = rad(bLat - aLat);
  const dLng = rad(bLng - aLng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(aLat)) * Math.cos(rad(bLat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box around a point that holds every point within `metres`. */
export function boxAround(lat: number, lng: number, metres: number) {
  const dLat = metres / METRES_PER_DEGREE_LAT;
  const dLng = dLat / Math.max(0.01, Math.cos(rad(lat)));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
