import type { Kysely } from 'kysely';
import type { EditorField, EditorRow, EditorValues, SaveContext } from '../../../core/registry/content-editor.ts';
import type { LocalizedText } from '../../../core/registry/manifest.ts';
import type { Address, Contact, MediaContent, WebUrl } from '../../content-parts/parts.ts';
import { firstImage, withChosenImage, withFirstUrl } from '../../content-parts/editor-parts.ts';
import type { AttractionArgs } from '../places-input.ts';

/* What the place and tour editors share: the fields every attraction has and their mapping. */

export const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
export const orNull = (v: unknown) => text(v).trim() || null;
export const rowsOf = (v: unknown) => (Array.isArray(v) ? (v as EditorRow[]) : []);

/** A stored attraction (place, tour, tour stop) as its mutation's arguments, with its parts typed. */
export type StoredAttraction = Omit<AttractionArgs, 'addresses' | 'contact' | 'webUrls' | 'mediaContents' | 'categories' | 'categoryName'> & {
  addresses: Address[];
  contact: Contact | null;
  webUrls: WebUrl[];
  mediaContents: MediaContent[];
};

/** The columns every attraction table has, as arguments: a save sends them back, so nothing the form does not show is lost. */
export function storedAttraction(row: Record<string, any>): StoredAttraction {
  return {
    name: row.name,
    description: row.description,
    mobileDescription: row.mobile_description,
    active: row.active,
    payload: row.payload,
    addresses: row.addresses ?? [],
    contact: row.contact,
    operatingCompany: row.operating_company,
    webUrls: row.web_urls ?? [],
    mediaContents: row.media_contents ?? [],
    location: row.location,
    certificates: row.certificates,
    accessibilityInformation: row.accessibility_information,
    tags: row.tag_list ?? [],
  };
}

/** A listed attraction (place, tour): the shared columns plus its categories, import id and owner. */
export type StoredListed = StoredAttraction & { externalId: string | null; categories: { name: string }[]; dataProviderId: number | null };

export const storedListed = (row: Record<string, any>, categories: { name: string }[]): StoredListed => ({
  ...storedAttraction(row),
  externalId: row.external_id,
  categories,
  dataProviderId: row.data_provider_id ?? null,
});

/** Category names of a record in their order. */
export async function categoryNamesOf(db: Kysely<any>, linkTable: string, ownerColumn: string, id: number): Promise<{ name: string }[]> {
  const rows = await db.selectFrom(`${linkTable} as l`).innerJoin('categories as c', 'c.id', 'l.category_id').select('c.name').where(`l.${ownerColumn}`, '=', id).orderBy('l.position').orderBy('c.name').execute();
  return rows.map((c) => ({ name: c.name as string }));
}

const contactGroup = { de: 'Kontakt', en: 'Contact' };

export const headFields: EditorField[] = [
  { name: 'name', kind: 'text', label: { de: 'Name', en: 'Name' }, required: true },
  { name: 'categories', kind: 'categories', label: { de: 'Kategorien', en: 'Categories' } },
  { name: 'description', kind: 'richtext', label: { de: 'Beschreibung', en: 'Description' } },
  { name: 'image', kind: 'image', label: { de: 'Bild', en: 'Image' } },
];

/** The first address (a place's address, a tour's start) and the contact basics. */
export const addressAndContactFields = (addressGroup: LocalizedText): EditorField[] => [
  { name: 'street', kind: 'text', label: { de: 'Straße und Hausnummer', en: 'Street' }, group: addressGroup },
  { name: 'zip', kind: 'text', label: { de: 'Postleitzahl', en: 'Postcode' }, maxLength: 10, group: addressGroup },
  { name: 'city', kind: 'text', label: { de: 'Ort', en: 'Town' }, group: addressGroup },
  { name: 'phone', kind: 'text', label: { de: 'Telefon', en: 'Phone' }, maxLength: 50, group: contactGroup },
  { name: 'email', kind: 'text', label: { de: 'E-Mail', en: 'E-mail' }, maxLength: 320, group: contactGroup },
  { name: 'website', kind: 'url', label: { de: 'Webseite', en: 'Website' }, group: contactGroup },
];

/** The shared fields' values of a stored attraction. */
export function attractionValues(p: StoredAttraction & { categories?: { name: string }[] }): EditorValues {
  const a = p.addresses[0];
  return {
    name: text(p.name),
    categories: (p.categories ?? []).map((c) => c.name),
    description: text(p.description),
    image: text(firstImage(p.mediaContents)?.sourceUrl?.url),
    street: text(a?.street),
    zip: text(a?.zip),
    city: text(a?.city),
    phone: text(p.contact?.phone),
    email: text(p.contact?.email),
    website: text(p.webUrls[0]?.url),
  };
}

/**
 * The shared fields written back over the stored attraction (null: a new one). A new first
 * address gets `newAddressKind` (a tour's address is its start).
 */
export function attractionArgs(p: StoredAttraction | null, v: EditorValues, ctx: SaveContext, newAddressKind: string | null = null) {
  const [firstAddress, ...otherAddresses] = p?.addresses ?? [];
  const hasAddress = [v.street, v.zip, v.city].some((x) => text(x).trim());
  const address = { ...(firstAddress ?? { kind: newAddressKind }), street: orNull(v.street), zip: orNull(v.zip), city: orNull(v.city) };
  return {
    name: text(v.name),
    description: orNull(v.description),
    categories: (v.categories as string[]).map((name) => ({ name })),
    mediaContents: withChosenImage(p?.mediaContents, text(v.image), ctx.images),
    addresses: hasAddress || firstAddress ? [address, ...otherAddresses] : otherAddresses,
    contact: orNull(v.phone) || orNull(v.email) || p?.contact ? { ...p?.contact, phone: orNull(v.phone), email: orNull(v.email) } : null,
    webUrls: withFirstUrl(p?.webUrls, text(v.website)),
  };
}
