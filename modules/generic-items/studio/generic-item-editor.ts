import type { Kysely } from 'kysely';
import type { ContentEditor, EditorProblem, EditorValues } from '../../../core/registry/content-editor.ts';
import type { ContentBlock, FixedDate, MediaContent, WebUrl } from '../../content-parts/parts.ts';
import { firstImage, withChosenImage, withFirstUrl } from '../../content-parts/editor-parts.ts';
import type { CreateGenericItemArgs } from '../generic-item-input.ts';
import { upsertGenericItem } from '../generic-item-upsert.ts';
import { moveGenericItem, parentCandidates } from '../generic-item-tree.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const orNull = (v: unknown) => text(v).trim() || null;

/** The types the server and the app know (reference: GenericItem.genericType). */
const TYPES = [
  { value: 'Offer', label: { de: 'Angebot', en: 'Offer' } },
  { value: 'Job', label: { de: 'Stellenanzeige', en: 'Job' } },
  { value: 'ConstructionSite', label: { de: 'Baustelle', en: 'Construction site' } },
  { value: 'Deadline', label: { de: 'Frist', en: 'Deadline' } },
  { value: 'Noticeboard', label: { de: 'Schwarzes Brett', en: 'Noticeboard' } },
  { value: 'ParticipationProject', label: { de: 'Beteiligung', en: 'Participation project' } },
  { value: 'Voucher', label: { de: 'Gutschein', en: 'Voucher' } },
  { value: 'DefectReport', label: { de: 'Mängelmeldung', en: 'Defect report' } },
];
const period = { de: 'Zeitraum', en: 'Period' };

type Stored = CreateGenericItemArgs & { contentBlocks: ContentBlock[]; mediaContents: MediaContent[]; dates: FixedDate[]; webUrls: WebUrl[]; dataProviderId: number | null };

/** The stored item (without its children, which stay as they are) as createGenericItem arguments. */
async function stored(db: Kysely<any>, id: number): Promise<Stored | null> {
  const row = await db.selectFrom('generic_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const categories = await db.selectFrom('generic_item_categories as l').innerJoin('categories as c', 'c.id', 'l.category_id').select('c.name').where('l.generic_item_id', '=', id).orderBy('c.name').execute();
  return {
    id,
    title: row.title,
    author: row.author,
    teaser: row.teaser,
    description: row.description,
    genericType: row.generic_type,
    externalId: row.external_id,
    publicationDate: row.publication_date && new Date(row.publication_date).toISOString(),
    publishedAt: new Date(row.published_at).toISOString(),
    payload: row.payload,
    accessibilityInformations: row.accessibility_informations,
    addresses: row.addresses,
    companies: row.companies,
    contacts: row.contacts,
    contentBlocks: row.content_blocks ?? [],
    dates: row.dates ?? [],
    locations: row.locations,
    mediaContents: row.media_contents ?? [],
    openingHours: row.opening_hours,
    priceInformations: row.price_informations,
    webUrls: row.web_urls ?? [],
    categories: categories.map((c) => ({ name: c.name as string })),
    pushNotification: row.push_notification,
    dataProviderId: row.data_provider_id ?? null,
  };
}

/**
 * Offers, jobs, construction sites, deadlines and the other generic items in the studio: type,
 * title, teaser, text (the first content block, which the apps show), image, period and link.
 */
export const genericItemEditor: ContentEditor = {
  recordType: 'GenericItem',
  slug: 'eintraege',
  title: { de: 'Einträge (Angebote, Stellen, Baustellen, Fristen …)', en: 'Entries (offers, jobs, construction sites, deadlines …)' },
  singular: { de: 'Eintrag', en: 'Entry' },
  table: 'generic_items',
  titleColumn: 'title',
  titleField: 'title',
  parentColumn: 'parent_id',
  tree: {
    kindColumn: 'generic_type',
    kindField: 'genericType',
    parentChoices: parentCandidates,
  },
  fields: [
    { name: 'genericType', kind: 'select', label: { de: 'Art', en: 'Type' }, options: TYPES, required: true },
    { name: 'title', kind: 'text', label: { de: 'Titel', en: 'Title' }, required: true },
    { name: 'author', kind: 'text', label: { de: 'Von (Autorin, Autor, Stelle)', en: 'By (author, office)' } },
    { name: 'categories', kind: 'categories', label: { de: 'Kategorien', en: 'Categories' } },
    { name: 'teaser', kind: 'textarea', label: { de: 'Kurzbeschreibung', en: 'Summary' } },
    { name: 'body', kind: 'richtext', label: { de: 'Text', en: 'Text' } },
    { name: 'image', kind: 'image', label: { de: 'Bild', en: 'Image' } },
    { name: 'dateStart', kind: 'date', label: { de: 'Von', en: 'From' }, group: period },
    { name: 'dateEnd', kind: 'date', label: { de: 'Bis (bei Fristen: Ablauf)', en: 'Until (deadlines: expiry)' }, group: period },
    { name: 'webUrl', kind: 'url', label: { de: 'Weitere Informationen (Webadresse)', en: 'More information (web address)' } },
    { name: 'pushNotification', kind: 'checkbox', label: { de: 'Bei Veröffentlichung als Push-Nachricht senden', en: 'Send as push message when published' } },
  ],

  validate(v: EditorValues): EditorProblem[] {
    return v.dateEnd && v.dateStart && String(v.dateEnd) < String(v.dateStart) ? [{ field: 'dateEnd', message: { de: '„Bis“ liegt vor „Von“.', en: '“Until” is before “From”.' } }] : [];
  },

  async load(db, id) {
    const g = await stored(db, id);
    if (!g) return null;
    const block = g.contentBlocks[0];
    const values: EditorValues = {
      genericType: text(g.genericType),
      title: text(g.title),
      author: text(g.author),
      categories: (g.categories ?? []).map((c) => c?.name ?? ''),
      teaser: text(g.teaser),
      body: text(block?.body),
      image: text(firstImage(g.mediaContents)?.sourceUrl?.url),
      dateStart: text(g.dates[0]?.dateStart),
      dateEnd: text(g.dates[0]?.dateEnd),
      webUrl: text(g.webUrls[0]?.url),
      pushNotification: !!g.pushNotification,
    };
    return { values, dataProviderId: g.dataProviderId };
  },

  async save(db, caller, v, ctx) {
    const g = ctx.id === null ? null : await stored(db, ctx.id);
    const [block, ...otherBlocks] = g?.contentBlocks ?? [];
    const [date, ...otherDates] = g?.dates ?? [];
    const hasPeriod = !!(orNull(v.dateStart) || orNull(v.dateEnd));
    const args: CreateGenericItemArgs = {
      ...g,
      id: ctx.id,
      forceCreate: ctx.id === null,
      genericType: text(v.genericType),
      title: text(v.title),
      author: orNull(v.author),
      teaser: orNull(v.teaser),
      categories: (v.categories as string[]).map((name) => ({ name })),
      contentBlocks: orNull(v.body) || block ? [{ ...block, title: block ? block.title : text(v.title), body: orNull(v.body) }, ...otherBlocks] : otherBlocks,
      mediaContents: withChosenImage(g?.mediaContents, text(v.image), ctx.images),
      dates: hasPeriod ? [{ ...date, dateStart: text(v.dateStart), dateEnd: text(v.dateEnd) }, ...otherDates] : otherDates,
      webUrls: withFirstUrl(g?.webUrls, text(v.webUrl)),
      pushNotification: v.pushNotification === true,
      publishedAt: ctx.publishAt?.toISOString() ?? g?.publishedAt ?? null,
    };
    const id = await upsertGenericItem(db, caller, args);
    // Children are created on their own and then hung under their parent (the API nests them in the parent's request).
    if (ctx.parentId !== undefined) await moveGenericItem(db, caller, id, ctx.parentId);
    return id;
  },
};
