import type { Kysely } from 'kysely';
import { AppError } from '../../../core/errors.ts';
import type { JobContext } from '../../../core/jobs/job-queue.ts';
import type { GenericItemCreated } from '../../../core/events/module-events.ts';
import type { Address, Contact, ContentBlock, Location, MediaContent } from '../../content-parts/parts.ts';
import { MAX_PHOTOS, NewReport, type NewReportInput } from '../model/report-input.ts';
import { createReport, type StoredPhoto } from '../reports/create-report.ts';
import { uploadsByUrl } from './media-content-uploads.ts';

/** The mainserver's genericType of a citizen's defect report. */
export const DEFECT_REPORT_TYPE = 'DefectReport';
/** Where a report goes whose category name matches none of the municipality's defect categories. */
export const FALLBACK_CATEGORY_NAMES = ['sonstiges', 'sonstige mängel', 'sonstige'];

type Item = { id: number; title: string; contentBlocks: ContentBlock[]; locations: Location[]; addresses: Address[]; contacts: Contact[]; mediaContents: MediaContent[]; categoryNames: string[] };

/**
 * Listener of `generic-item.created`: a DefectReport made through createGenericItem (the existing
 * app's path) is filed as a defect report too, so it lands in the same inbox; the generic item
 * and the mutation's answer stay as they were. Idempotent: the submission key is the item's id.
 * A report that cannot be filed (e.g. a point outside the municipality) is logged by ids and left
 * as a generic item only — the mutation has long answered, nobody could be told.
 */
export async function fileGenericItemReport({ db, payload, log }: JobContext & { payload: GenericItemCreated }): Promise<void> {
  if (payload.genericType !== DEFECT_REPORT_TYPE) return;
  const item = await loadItem(db, payload.genericItemId);
  if (!item) return;
  const municipality = (await db.selectFrom('tenants').select('name').executeTakeFirstOrThrow()).name as string;
  const parsed = NewReport.safeParse(await reportInput(db, item));
  if (!parsed.success) return log.warn({ genericItemId: item.id, issue: parsed.error.issues[0]?.path.join('.') }, 'DefectReport generic item not filed: unusable input');
  try {
    const r = await createReport(db, parsed.data, { source: 'mainserver' }, { municipality, photos: await photosOf(db, item.mediaContents, item.contentBlocks) });
    log.info({ genericItemId: item.id, reportId: r.id }, 'DefectReport generic item filed as a defect report');
  } catch (err) {
    if (!(err instanceof AppError) || err.httpStatus >= 500) throw err;
    log.warn({ genericItemId: item.id, code: err.details?.code ?? err.code }, 'DefectReport generic item not filed');
  }
}

async function loadItem(db: Kysely<any>, id: number): Promise<Item | undefined> {
  const row = await db.selectFrom('generic_items').select(['id', 'title', 'content_blocks', 'locations', 'addresses', 'contacts', 'media_contents']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const categories = await db
    .selectFrom('generic_item_categories as gc')
    .innerJoin('categories as c', 'c.id', 'gc.category_id')
    .select('c.name')
    .where('gc.generic_item_id', '=', id)
    .orderBy('c.id')
    .execute();
  const list = <T>(v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' ? JSON.parse(v) : []) as T[];
  return {
    id: row.id,
    title: row.title ?? '',
    contentBlocks: list(row.content_blocks),
    locations: list(row.locations),
    addresses: list(row.addresses),
    contacts: list(row.contacts),
    mediaContents: list(row.media_contents),
    categoryNames: categories.map((c) => c.name as string),
  };
}

/**
 * The mapping: the first category whose name matches a defect category (case-insensitive), else
 * "Sonstiges" or the first category; the content blocks' bodies as description; the first
 * coordinates of locations or addresses, else the first address as text; the first contact with
 * consent implied (the app's form asks for it for this report only), no e-mail notices (the
 * mainserver sent none); public as the app's reports were.
 */
async function reportInput(db: Kysely<any>, item: Item): Promise<NewReportInput> {
  const categories = await db.selectFrom('defect_categories').select(['code', 'name']).where('active', '=', true).orderBy('position').orderBy('id').execute();
  const byName = (n: string) => categories.find((c) => c.name.toLowerCase() === n.trim().toLowerCase());
  const category = item.categoryNames.map(byName).find(Boolean) ?? categories.find((c) => FALLBACK_CATEGORY_NAMES.includes(c.name.toLowerCase())) ?? categories[0];
  const point = [...item.locations, ...item.addresses].map((x) => x.geoLocation).find((g) => g && Number.isFinite(g.latitude) && Number.isFinite(g.longitude));
  const address = item.addresses.find((a) => a.street);
  const contact = item.contacts[0];
  const description = item.contentBlocks
    .map((b) => [b.intro, b.body].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n')
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .slice(0, 4000);
  return {
    categoryCode: category?.code ?? '',
    title: item.title.slice(0, 200),
    description,
    location: point
      ? { lat: Number(point.latitude), lng: Number(point.longitude) }
      : { addressString: [address?.street, [address?.zip, address?.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') },
    contact: contact ? { name: [contact.firstName, contact.lastName].filter(Boolean).join(' '), email: contact.email ?? '', phone: contact.phone ?? '' } : undefined,
    consent: Boolean(contact),
    public: true,
    submissionKey: `generic-item-${item.id}`,
  };
}

/** Photos uploaded through POST /media_contents and named in the item (others are not ours to keep). */
async function photosOf(db: Kysely<any>, media: MediaContent[], blocks: ContentBlock[]): Promise<StoredPhoto[]> {
  const urls = [...media, ...blocks.flatMap((b) => b.mediaContents ?? [])].map((m) => m.sourceUrl?.url).filter((u): u is string => Boolean(u));
  const uploads = await uploadsByUrl(db, urls);
  return uploads.filter((u) => u.width && u.height).slice(0, MAX_PHOTOS).map((u) => ({ url: u.url, storageKeys: u.storage_keys, width: u.width!, height: u.height! }));
}
