import type { Kysely } from 'kysely';
import type { ContentEditor, EditorProblem, EditorValues } from '../../../core/registry/content-editor.ts';
import type { Address, FixedDate, MediaContent, WebUrl } from '../../content-parts/parts.ts';
import { firstImage, withChosenImage, withFirstUrl } from '../../content-parts/editor-parts.ts';
import type { CreateEventRecordArgs } from '../event-input.ts';
import { upsertEventRecord } from '../event-upsert.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const orNull = (v: unknown) => text(v).trim() || null;

const WEEKDAYS = [
  { value: '0', label: { de: 'Montag', en: 'Monday' } },
  { value: '1', label: { de: 'Dienstag', en: 'Tuesday' } },
  { value: '2', label: { de: 'Mittwoch', en: 'Wednesday' } },
  { value: '3', label: { de: 'Donnerstag', en: 'Thursday' } },
  { value: '4', label: { de: 'Freitag', en: 'Friday' } },
  { value: '5', label: { de: 'Samstag', en: 'Saturday' } },
  { value: '6', label: { de: 'Sonntag', en: 'Sunday' } },
];
const when = { de: 'Termin', en: 'Date' };
const repeat = { de: 'Wiederholung', en: 'Recurrence' };
const place = { de: 'Ort', en: 'Place' };

type Stored = CreateEventRecordArgs & { dates: FixedDate[]; addresses: Address[]; mediaContents: MediaContent[]; urls: WebUrl[]; dataProviderId: number | null };

/** The stored event as createEventRecord arguments, so a save keeps everything the form does not show. */
async function stored(db: Kysely<any>, id: number): Promise<Stored | null> {
  const row = await db.selectFrom('event_records as e').leftJoin('event_regions as r', 'r.id', 'e.region_id').selectAll('e').select('r.name as region_name').where('e.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const categories = await db.selectFrom('event_record_categories as l').innerJoin('categories as c', 'c.id', 'l.category_id').select('c.name').where('l.event_record_id', '=', id).orderBy('c.name').execute();
  return {
    id,
    title: row.title,
    description: row.description,
    externalId: row.external_id,
    parentId: row.parent_id,
    dates: row.dates ?? [],
    repeat: row.repeat,
    repeatDuration: row.repeat_duration,
    regionName: row.region_name ?? null,
    addresses: row.addresses ?? [],
    location: row.location,
    contacts: row.contacts,
    urls: row.urls ?? [],
    mediaContents: row.media_contents ?? [],
    organizer: row.organizer,
    priceInformations: row.price_informations,
    accessibilityInformation: row.accessibility_information,
    tags: row.tag_list ?? [],
    recurring: String(!!row.recurring),
    recurringType: row.recurring_type === null ? null : String(row.recurring_type),
    recurringInterval: row.recurring_interval === null ? null : String(row.recurring_interval),
    recurringWeekdays: (row.recurring_weekdays ?? []).map(String),
    categories: categories.map((c) => ({ name: c.name as string })),
    pushNotification: row.push_notification,
    dataProviderId: row.data_provider_id ?? null,
  };
}

/**
 * Events in the studio: the first date (for a recurring event: the rule's first and last day and
 * times), the recurrence rule, place, organiser, link and image. Further dates, prices, contacts
 * and everything else an import brought are kept as they are.
 */
export const eventEditor: ContentEditor = {
  recordType: 'EventRecord',
  slug: 'veranstaltungen',
  title: { de: 'Veranstaltungen', en: 'Events' },
  singular: { de: 'Veranstaltung', en: 'Event' },
  table: 'event_records',
  titleColumn: 'title',
  titleField: 'title',
  parentColumn: 'parent_id',
  fields: [
    { name: 'title', kind: 'text', label: { de: 'Titel', en: 'Title' }, required: true },
    { name: 'categories', kind: 'categories', label: { de: 'Kategorien', en: 'Categories' } },
    { name: 'description', kind: 'richtext', label: { de: 'Beschreibung', en: 'Description' } },
    { name: 'image', kind: 'image', label: { de: 'Bild', en: 'Image' } },
    { name: 'dateStart', kind: 'date', label: { de: 'Erster Tag', en: 'First day' }, required: true, group: when },
    { name: 'timeStart', kind: 'time', label: { de: 'Beginn', en: 'Starts at' }, group: when },
    { name: 'dateEnd', kind: 'date', label: { de: 'Letzter Tag (bei Wiederholung: bis)', en: 'Last day (recurring: until)' }, group: when },
    { name: 'timeEnd', kind: 'time', label: { de: 'Ende', en: 'Ends at' }, group: when },
    { name: 'timeDescription', kind: 'text', label: { de: 'Zeitangabe in Worten', en: 'Time in words' }, hint: { de: 'z. B. „ab Einbruch der Dunkelheit“', en: 'e.g. “from nightfall”' }, group: when },
    { name: 'recurring', kind: 'checkbox', label: { de: 'Wiederholt sich', en: 'Repeats' }, group: repeat },
    {
      name: 'recurringType',
      kind: 'select',
      label: { de: 'Rhythmus', en: 'Frequency' },
      options: [
        { value: '0', label: { de: 'täglich', en: 'daily' } },
        { value: '1', label: { de: 'wöchentlich', en: 'weekly' } },
        { value: '2', label: { de: 'monatlich', en: 'monthly' } },
        { value: '3', label: { de: 'jährlich', en: 'yearly' } },
      ],
      group: repeat,
    },
    { name: 'recurringInterval', kind: 'number', label: { de: 'Alle … (Tage, Wochen, Monate, Jahre)', en: 'Every … (days, weeks, months, years)' }, min: 1, max: 1000, group: repeat },
    { name: 'recurringWeekdays', kind: 'choices', label: { de: 'An diesen Wochentagen (wöchentlich)', en: 'On these weekdays (weekly)' }, options: WEEKDAYS, group: repeat },
    { name: 'locationName', kind: 'text', label: { de: 'Veranstaltungsort', en: 'Venue' }, group: place },
    { name: 'street', kind: 'text', label: { de: 'Straße und Hausnummer', en: 'Street' }, group: place },
    { name: 'zip', kind: 'text', label: { de: 'Postleitzahl', en: 'Postcode' }, maxLength: 10, group: place },
    { name: 'city', kind: 'text', label: { de: 'Ort', en: 'Town' }, group: place },
    { name: 'organizer', kind: 'text', label: { de: 'Veranstalter', en: 'Organiser' } },
    { name: 'url', kind: 'url', label: { de: 'Weitere Informationen (Webadresse)', en: 'More information (web address)' } },
    { name: 'pushNotification', kind: 'checkbox', label: { de: 'Bei Veröffentlichung als Push-Nachricht senden', en: 'Send as push message when published' } },
  ],

  validate(v: EditorValues): EditorProblem[] {
    const out: EditorProblem[] = [];
    if (v.dateEnd && v.dateStart && String(v.dateEnd) < String(v.dateStart)) out.push({ field: 'dateEnd', message: { de: 'Der letzte Tag liegt vor dem ersten.', en: 'The last day is before the first.' } });
    if (v.recurring === true && !v.recurringType) out.push({ field: 'recurringType', message: { de: 'Bitte wählen Sie, wie oft sich die Veranstaltung wiederholt.', en: 'Please choose how often the event repeats.' } });
    if (v.recurring === true && v.recurringType === '1' && !(v.recurringWeekdays as string[]).length) {
      out.push({ field: 'recurringWeekdays', message: { de: 'Bitte wählen Sie mindestens einen Wochentag.', en: 'Please choose at least one weekday.' } });
    }
    return out;
  },

  async load(db, id) {
    const e = await stored(db, id);
    if (!e) return null;
    const first = e.dates[0];
    const address = e.addresses[0];
    const values: EditorValues = {
      title: text(e.title),
      categories: (e.categories ?? []).map((c) => c?.name ?? ''),
      description: text(e.description),
      image: text(firstImage(e.mediaContents)?.sourceUrl?.url),
      dateStart: text(first?.dateStart),
      timeStart: text(first?.timeStart),
      dateEnd: text(first?.dateEnd),
      timeEnd: text(first?.timeEnd),
      timeDescription: text(first?.timeDescription),
      recurring: e.recurring === 'true',
      recurringType: text(e.recurringType),
      recurringInterval: text(e.recurringInterval),
      recurringWeekdays: (e.recurringWeekdays ?? []).map(text),
      locationName: text((e.location as { name?: string } | null)?.name),
      street: text(address?.street),
      zip: text(address?.zip),
      city: text(address?.city),
      organizer: text((e.organizer as { name?: string } | null)?.name),
      url: text(e.urls[0]?.url),
      pushNotification: !!e.pushNotification,
    };
    return { values, dataProviderId: e.dataProviderId };
  },

  async save(db, caller, v, ctx) {
    const e = ctx.id === null ? null : await stored(db, ctx.id);
    const [first, ...laterDates] = e?.dates ?? [];
    const [address, ...otherAddresses] = e?.addresses ?? [];
    const recurring = v.recurring === true;
    const hasPlace = [v.street, v.zip, v.city].some((x) => text(x).trim());
    const args: CreateEventRecordArgs = {
      ...e,
      id: ctx.id,
      forceCreate: ctx.id === null,
      title: text(v.title),
      description: orNull(v.description),
      categories: (v.categories as string[]).map((name) => ({ name })),
      mediaContents: withChosenImage(e?.mediaContents, text(v.image), ctx.images),
      dates: [{ ...first, dateStart: text(v.dateStart), dateEnd: text(v.dateEnd), timeStart: text(v.timeStart), timeEnd: text(v.timeEnd), timeDescription: orNull(v.timeDescription) }, ...laterDates],
      recurring: String(recurring),
      recurringType: recurring ? text(v.recurringType) : null,
      recurringInterval: recurring ? text(v.recurringInterval) || '1' : null,
      recurringWeekdays: recurring && v.recurringType === '1' ? (v.recurringWeekdays as string[]) : [],
      location: orNull(v.locationName) || e?.location ? { ...(e?.location as object | null), name: orNull(v.locationName) } : null,
      addresses: hasPlace || address ? [{ ...address, street: orNull(v.street), zip: orNull(v.zip), city: orNull(v.city) }, ...otherAddresses] : otherAddresses,
      organizer: orNull(v.organizer) ? { ...(e?.organizer as object | null), name: text(v.organizer).trim() } : null,
      urls: withFirstUrl(e?.urls, text(v.url)),
      pushNotification: v.pushNotification === true,
    };
    // The studio's own transaction: occurrences are expanded in it, so the event is listed right after the save.
    return (await upsertEventRecord(db, caller, ctx.tenantId, args, { expandInline: true })).id;
  },
};
