import type { z } from 'zod';
import { CatalogAddress, CatalogContact, CatalogOpeningSpan, type CatalogAuthority } from '../model/catalog.ts';
import type { WireOu } from './zufi-wire.ts';
import { plain, plainLines } from './plain.ts';

const ADDRESS_KINDS: Record<string, 'visitor' | 'postal' | 'delivery'> = {
  HAUSANSCHRIFT: 'visitor',
  BESUCHERANSCHRIFT: 'visitor',
  POSTANSCHRIFT: 'postal',
  POSTFACH: 'postal',
  LIEFERANSCHRIFT: 'delivery',
};
const CONTACT_KINDS: Record<string, 'phone' | 'fax' | 'email' | 'web' | 'mobile'> = { TELEFON: 'phone', FAX: 'fax', EMAIL: 'email', WWW: 'web', MOBIL: 'mobile' };
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const orNull = (s: string) => s || null;

/** An organisational unit as our authority: addresses, contacts and opening spans of known kinds; everything plain text. */
export function mapAuthority(ou: WireOu): z.input<typeof CatalogAuthority> {
  const addresses = ou.addresses.flatMap((a) => {
    const r = CatalogAddress.safeParse({
      kind: ADDRESS_KINDS[a.type?.key?.toUpperCase() ?? ''] ?? 'visitor',
      street: orNull(plain(a.street, 200)),
      houseNumber: orNull(plain(a.houseNumber, 20)),
      postalCode: orNull(plain(a.zipcode, 10)),
      city: orNull(plain(a.city ?? a.area?.name, 200)),
      latitude: a.coordinates?.latitude ?? null,
      longitude: a.coordinates?.longitude ?? null,
    });
    return r.success ? [r.data] : [];
  });
  const contacts = ou.communications.flatMap((c) => {
    const kind = CONTACT_KINDS[c.type.key?.toUpperCase() ?? ''];
    const value = plain(c.value, 500);
    // A web address becomes a link in the apps: only http(s).
    if (!kind || (kind === 'web' && !/^https?:\/\//i.test(value))) return [];
    const r = CatalogContact.safeParse({ kind, value, label: orNull(plain(c.description, 200)) });
    return r.success ? [r.data] : [];
  });
  const openingHours = ou.openingTimes.flatMap((t) => {
    const r = CatalogOpeningSpan.safeParse({ weekday: WEEKDAYS.indexOf(t.weekday) + 1, opens: t.timeFrom, closes: t.timeTo, note: orNull(plain(t.description, 500)) });
    return r.success ? [r.data] : [];
  });
  return {
    sourceId: ou.id,
    name: plain(ou.name, 500),
    description: ou.description?.trim() || null,
    addresses,
    openingHours,
    openingHoursNote: orNull(plainLines(ou.openingHours)),
    contacts,
    paymentMethods: ou.paymentMethods.map((p) => plain(p, 200)).filter(Boolean),
  };
}
