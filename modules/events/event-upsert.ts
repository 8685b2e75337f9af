import { sql, type Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import { canModifyRecord } from '../../core/auth/principal.ts';
import { forbidden, notFound, validationError } from '../../core/errors.ts';
import { enqueueJob } from '../../core/jobs/job-queue.ts';
import { contentHash, md5 } from '../../lib/checksum.ts';
import { idArg } from '../../lib/list-args.ts';
import { assignPartIds, type FixedDate } from '../content-parts/parts.ts';
import { categoryIdsForNames } from '../categories/category-store.ts';
import { type CreateEventRecordArgs, eventValuesFrom } from './event-input.ts';
import { EXPAND_JOB, expandDedupeKey, expandEventRecurrence, scheduleHorizonJob, writeFixedOccurrences } from './occurrences.ts';

type Values = ReturnType<typeof eventValuesFrom>['values'];

/**
 * The mainserver's import key for events (§4.3): MD5 of the external id, else MD5 of the title,
 * the first address (street, zip, city, kind) and the first date's start day and time.
 */
function importKey(v: Values): string {
  if (v.external_id) return md5(v.external_id);
  const a = v.addresses[0];
  const d = v.dates[0];
  return md5(v.title, '|', a?.street, '|', a?.zip, '|', a?.city, '|', a?.kind, '|', d?.dateStart, '|', d?.timeStart);
}

/** What the expanded days depend on: the rule and the template date. */
function recurrenceSignature(v: { recurring: boolean; recurring_type: number | null; recurring_interval: number | null; recurring_weekdays: number[]; dates: FixedDate[] }): string {
  if (!v.recurring) return '';
  const t = v.dates[0];
  return JSON.stringify([
    v.recurring_type,
    v.recurring_interval,
    (v.recurring_weekdays ?? []).map(Number),
    t ? [t.dateStart, t.dateEnd, t.timeStart, t.timeEnd, t.timeDescription, t.useOnlyTimeDescription] : null,
  ]);
}

async function regionIdFor(db: Kysely<any>, name: string | null): Promise<number | null> {
  if (!name) return null;
  await sql`INSERT INTO event_regions (name) VALUES (${name}) ON CONFLICT (tenant_id, lower(name)) DO NOTHING`.execute(db);
  const row = await db.selectFrom('event_regions').select('id').where(sql<boolean>`lower(name) = lower(${name})`).executeTakeFirstOrThrow();
  return row.id;
}

/** Category links in the order the names were given (the first is EventRecord.category). */
async function linkCategories(db: Kysely<any>, eventRecordId: number, names: string[]): Promise<void> {
  const ids = await categoryIdsForNames(db, names);
  if (ids.length === 0) return;
  const rows = await db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
  const rank = (name: string) => names.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  const ordered = rows.sort((a: any, b: any) => rank(a.name) - rank(b.name));
  await db
    .insertInto('event_record_categories')
    .values(ordered.map((r: any, position: number) => ({ event_record_id: eventRecordId, category_id: r.id, position })))
    .execute();
}

export type UpsertResult = { id: number; created: boolean; changed: boolean };

/**
 * createEventRecord (reference §4.1, §4.3): update by id; else, unless forceCreate, find an earlier
 * import with the same key from the same provider — unchanged input only touches it, changed
 * input replaces it; else create. Updates replace all nested data. Fixed dates become occurrences
 * at once; the days of a recurrence are expanded by a job when the rule or template changed
 * (or here, with `expandInline`, as the demo seed does).
 * Runs inside the caller's transaction, so a failure leaves nothing behind.
 */
export async function upsertEventRecord(
  db: Kysely<any>,
  caller: AccountPrincipal,
  tenantId: number,
  args: CreateEventRecordArgs,
  opts: { expandInline?: boolean } = {},
): Promise<UpsertResult> {
  const now = new Date();
  const { values, regionName, categoryNames } = eventValuesFrom(args);
  const hash = contentHash({ values, regionName, categoryNames });
  const key = importKey(values);
  const providerId = caller.dataProviderId;

  let target: { id: number; signature: string } | null = null;
  const previousOf = async (id: number) => {
    const row = await db.selectFrom('event_records').select(['id', 'recurring', 'recurring_type', 'recurring_interval', 'recurring_weekdays', 'dates']).where('id', '=', id).executeTakeFirstOrThrow();
    return { id: row.id, signature: recurrenceSignature(row as any) };
  };
  if (args.id !== undefined && args.id !== null && args.id !== '') {
    const id = idArg(args.id);
    if (id === null) throw validationError('Invalid input: id must be a positive whole number.');
    const row = await db.selectFrom('event_records').select(['id', 'data_provider_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Event record ${id} does not exist.`);
    if (!canModifyRecord(caller, row.data_provider_id)) throw forbidden();
    target = await previousOf(row.id);
  } else if (!args.forceCreate) {
    const previous = await db
      .selectFrom('event_records')
      .select(['id', 'import_hash'])
      .where('import_key', '=', key)
      .where(sql<boolean>`coalesce(data_provider_id, 0) = ${providerId ?? 0}`)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (previous && previous.import_hash === hash) {
      await db.updateTable('event_records').set({ import_touched_at: now }).where('id', '=', previous.id).execute();
      return { id: previous.id, created: false, changed: false };
    }
    if (previous) target = await previousOf(previous.id);
  }

  const parts = await assignPartIds(db, {
    dates: values.dates,
    addresses: values.addresses,
    contacts: values.contacts,
    urls: values.urls,
    media_contents: values.media_contents,
    organizer: values.organizer,
    price_informations: values.price_informations,
    accessibility_information: values.accessibility_information,
    location: values.location,
    repeat_duration: values.repeat_duration,
  });
  const json = (v: unknown) => JSON.stringify(v);
  const row = {
    title: values.title,
    description: values.description,
    external_id: values.external_id,
    parent_id: values.parent_id,
    dates: json(parts.dates),
    repeat: values.repeat,
    repeat_duration: json(parts.repeat_duration),
    addresses: json(parts.addresses),
    contacts: json(parts.contacts),
    urls: json(parts.urls),
    media_contents: json(parts.media_contents),
    organizer: json(parts.organizer),
    price_informations: json(parts.price_informations),
    accessibility_information: json(parts.accessibility_information),
    location: json(parts.location),
    region_id: await regionIdFor(db, regionName),
    tag_list: values.tag_list,
    push_notification: values.push_notification,
    place_names: values.place_names,
    recurring: values.recurring,
    recurring_type: values.recurring_type,
    recurring_interval: values.recurring_interval,
    recurring_weekdays: values.recurring_weekdays,
    import_key: key,
    import_hash: hash,
    import_touched_at: now,
    updated_at: now,
  };

  let id: number;
  const signature = recurrenceSignature({ ...values, dates: parts.dates });
  const recurrenceChanged = target === null || target.signature !== signature;
  if (target === null) {
    const created = await db
      .insertInto('event_records')
      .values({ ...row, data_provider_id: providerId, visible: true, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = created.id;
  } else {
    id = target.id;
    await db
      .updateTable('event_records')
      .set(recurrenceChanged ? { ...row, expanded_until: null } : row)
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('event_record_categories').where('event_record_id', '=', id).execute();
    if (recurrenceChanged) await db.deleteFrom('event_occurrences').where('event_record_id', '=', id).where('generated', '=', true).execute();
  }
  await linkCategories(db, id, categoryNames);
  await writeFixedOccurrences(db, id, parts.dates, values.recurring);
  if (values.recurring) {
    if (recurrenceChanged && opts.expandInline) await expandEventRecurrence(db, id);
    else if (recurrenceChanged) await enqueueJob(db, { name: EXPAND_JOB, payload: { eventRecordId: id }, dedupeKey: expandDedupeKey(id) });
    await scheduleHorizonJob(db, tenantId);
  }
  return { id, created: target === null, changed: true };
}
