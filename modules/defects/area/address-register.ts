import { sql, type Kysely } from 'kysely';
import { boxAround, distanceMetres } from '../reports/distance.ts';

export type RegisterAddress = { id: number; street: string; houseNumber: string; zipcode: string; city: string; lat: number; lng: number };

/** How far a chosen point may lie from the nearest registered address for that address to name it. */
export const REVERSE_LOOKUP_METRES = 150;

const columns = ['id', 'street', 'house_number as houseNumber', 'zipcode', 'city', 'lat', 'lng'] as const;

/** "Brücker Straße 12, 14806 Bad Belzig" */
export const formatAddress = (a: RegisterAddress) => `${a.street}${a.houseNumber ? ` ${a.houseNumber}` : ''}, ${a.zipcode} ${a.city}`;

/** The register's address nearest to a point, if one lies within REVERSE_LOOKUP_METRES. */
export async function nearestAddress(db: Kysely<any>, lat: number, lng: number): Promise<RegisterAddress | undefined> {
  const b = boxAround(lat, lng, REVERSE_LOOKUP_METRES);
  const rows: RegisterAddress[] = await db
    .selectFrom('defect_addresses')
    .select(columns)
    .where('lat', '>=', b.minLat)
    .where('lat', '<=', b.maxLat)
    .where('lng', '>=', b.minLng)
    .where('lng', '<=', b.maxLng)
    .limit(500)
    .execute();
  let best: RegisterAddress | undefined;
  let bestDistance = REVERSE_LOOKUP_METRES;
  for (const r of rows) {
    const d = distanceMetres(lat, lng, r.lat, r.lng);
    if (d <= bestDistance) [best, bestDistance] = [r, d];
  }
  return best;
}

export async function addressById(db: Kysely<any>, id: string): Promise<RegisterAddress | undefined> {
  if (!/^\d{1,9}$/.test(id)) return undefined;
  return db.selectFrom('defect_addresses').select(columns).where('id', '=', Number(id)).executeTakeFirst();
}

/** An address typed as text ("Brücker Str. 12"): street prefix and house number, case-insensitive. */
export async function findAddress(db: Kysely<any>, text: string): Promise<RegisterAddress | undefined> {
  const m = /^(.+?)\s+(\d+\s*[a-zA-Z]?)\b/.exec(text.replace(/,.*$/, '').trim());
  const street = (m ? m[1] : text.replace(/,.*$/, '')).replace(/str\.?$/i, 'str').trim();
  const number = m ? m[2].replace(/\s+/g, '') : '';
  let q = db.selectFrom('defect_addresses').select(columns).where(sql`lower(street)`, 'like', `${street.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
  if (number) q = q.where(sql`lower(house_number)`, '=', number.toLowerCase());
  return q.orderBy('street').orderBy('house_number').limit(1).executeTakeFirst();
}
