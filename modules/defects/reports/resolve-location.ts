import type { Kysely } from 'kysely';
import { AppError, badRequest } from '../../../core/errors.ts';
import type { ReportLocation } from '../model/report-input.ts';
import { loadDefectSettings } from '../area/defect-settings.ts';
import { containsPoint } from '../area/point-in-area.ts';
import { addressById, findAddress, formatAddress, nearestAddress, type RegisterAddress } from '../area/address-register.ts';

export type ResolvedPlace = { lat: number; lng: number; address: string; zipcode: string; addressId: string };

/** The code a client may match on when a point lies outside the municipality. */
export const OUTSIDE_AREA = 'outside_area';

/**
 * Turns a report's location into a point with an address: a point gets the nearest registered
 * address; an address (text or id) must be in the register. The point must lie in the
 * municipality's area and, where postal codes are configured, its address must carry one of them.
 */
export async function resolveLocation(db: Kysely<any>, location: ReportLocation, municipality: string): Promise<ResolvedPlace> {
  let registered: RegisterAddress | undefined;
  let lat: number;
  let lng: number;
  let typed = '';
  if ('lat' in location) {
    ({ lat, lng } = location);
    typed = location.address;
    registered = await nearestAddress(db, lat, lng);
  } else {
    registered = 'addressId' in location ? await addressById(db, location.addressId) : await findAddress(db, location.addressString);
    if (!registered) throw badRequest(`Diese Adresse ist in ${municipality} nicht bekannt. Bitte den Ort auf der Karte wählen.`, { code: 'address_not_found' });
    ({ lat, lng } = registered);
  }
  const settings = await loadDefectSettings(db);
  const outside = () => new AppError('BAD_REQUEST', `Dieser Ort liegt außerhalb von ${municipality}. Bitte melden Sie nur Mängel im Gebiet von ${municipality}.`, { code: OUTSIDE_AREA });
  if (settings.area && !containsPoint(settings.area, lat, lng)) throw outside();
  if (!settings.area && settings.postalCodes.length && !(registered && settings.postalCodes.includes(registered.zipcode))) throw outside();
  return {
    lat,
    lng,
    address: registered ? formatAddress(registered) : typed,
    zipcode: registered?.zipcode ?? '',
    addressId: registered ? String(registered.id) : '',
  };
}
