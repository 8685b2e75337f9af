import { optionalText as text } from '../content-parts/parts.ts';
import { validationError } from '../../core/errors.ts';
import { sanitizeRichText } from '../../lib/sanitize.ts';
import {
  type FixedDate,
  accessibilityInformationFrom,
  addressesFrom,
  calendarDate,
  contactsFrom,
  fixedDatesFrom,
  locationFrom,
  mediaContentsFrom,
  operatingCompanyFrom,
  pricesFrom,
  webUrlsFrom,
} from '../content-parts/parts.ts';
import type { RecurrenceRule, RecurringType } from './recurrence.ts';

/** Arguments of createEventRecord, as GraphQL delivers them (reference §4.1). */
export type CreateEventRecordArgs = {
  id?: string | number | null;
  forceCreate?: boolean | null;
  /** Announce as a push message once the event is public (a Dorfplatz addition; the mainserver's news have it). */
  pushNotification?: boolean | null;
  parentId?: number | null;
  description?: string | null;
  externalId?: string | null;
  title?: string | null;
  dates?: unknown[] | null;
  repeat?: boolean | null;
  repeatDuration?: { startDate?: string | null; endDate?: string | null; everyYear?: boolean | null } | null;
  categoryName?: string | null;
  categories?: Array<{ name?: string | null } | null> | null;
  regionName?: string | null;
  region?: { name?: string | null } | null;
  addresses?: unknown[] | null;
  location?: unknown;
  contacts?: unknown[] | null;
  urls?: unknown[] | null;
  mediaContents?: unknown[] | null;
  organizer?: unknown;
  priceInformations?: unknown[] | null;
  accessibilityInformation?: unknown;
  tags?: Array<string | null> | null;
  recurring?: string | null;
  recurringWeekdays?: Array<string | null> | null;
  recurringType?: string | null;
  recurringInterval?: string | null;
};

const MAX_TITLE = 1000;
const MAX_DESCRIPTION = 100_000;
const MAX_TAGS = 100;


/** HTML descriptions (importers send HTML) are sanitised; plain text is stored as sent. */
function description(value: unknown): string | null {
  const s = text(value, 'description', MAX_DESCRIPTION);
  if (s === null) return null;
  return /<[a-z!/]/i.test(s) ? sanitizeRichText(s) : s;
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

function recurringFlag(v: string | null | undefined): boolean {
  if (blank(v)) return false;
  const s = v!.trim().toLowerCase();
  if (['true', '1', 't', 'yes'].includes(s)) return true;
  if (['false', '0', 'f', 'no'].includes(s)) return false;
  throw validationError(`Invalid input: recurring "${v}" is not a boolean (use "true" or "false").`);
}

const typeNames: Record<string, RecurringType> = { '0': 0, '1': 1, '2': 2, '3': 3, daily: 0, weekly: 1, monthly: 2, yearly: 3 };

function recurringType(v: string | null | undefined): RecurringType | null {
  if (blank(v)) return null;
  const t = typeNames[v!.trim().toLowerCase()];
  if (t === undefined) throw validationError(`Invalid input: recurringType "${v}" is unknown (use 0 daily, 1 weekly, 2 monthly or 3 yearly).`);
  return t;
}

function recurringInterval(v: string | null | undefined): number | null {
  if (blank(v)) return null;
  const s = v!.trim();
  const n = /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw validationError(`Invalid input: recurringInterval "${v}" must be a whole number from 1 to 1000.`);
  return n;
}

function recurringWeekdays(v: Array<string | null> | null | undefined): number[] {
  if (!v) return [];
  if (v.length > 7 * 4) throw validationError('Invalid input: recurringWeekdays has too many entries.');
  const out = new Set<number>();
  for (const w of v) {
    if (blank(w)) continue;
    const s = w!.trim();
    if (!/^[0-6]$/.test(s)) throw validationError(`Invalid input: recurringWeekdays "${w}" is not a weekday (0 = Monday … 6 = Sunday).`);
    out.add(Number(s));
  }
  return [...out].sort((a, b) => a - b);
}

export type RecurrenceValues = { recurring: boolean; recurring_type: RecurringType | null; recurring_interval: number | null; recurring_weekdays: number[] };

/**
 * The recurrence fields (Strings in the mainserver's API) checked for a rule that can be expanded:
 * a type, an interval of at least 1 (default 1), weekdays for weekly rules, and a template date
 * with a start. A rule without an end date is expanded up to the horizon and extended daily.
 */
export function recurrenceFrom(args: CreateEventRecordArgs, dates: FixedDate[]): RecurrenceValues {
  const recurring = recurringFlag(args.recurring);
  const type = recurringType(args.recurringType);
  const interval = recurringInterval(args.recurringInterval);
  const weekdays = recurringWeekdays(args.recurringWeekdays);
  if (!recurring) return { recurring: false, recurring_type: null, recurring_interval: null, recurring_weekdays: [] };
  if (type === null) throw validationError('Invalid input: a recurring event needs recurringType (0 daily, 1 weekly, 2 monthly or 3 yearly).');
  if (type === 1 && weekdays.length === 0) throw validationError('Invalid input: a weekly recurring event needs recurringWeekdays (0 = Monday … 6 = Sunday).');
  const template = dates[0];
  if (!template || !template.dateStart) {
    throw validationError('Invalid input: a recurring event needs a first date with dateStart (the template: first day, optional last day and times).');
  }
  return { recurring: true, recurring_type: type, recurring_interval: interval ?? 1, recurring_weekdays: type === 1 ? weekdays : [] };
}

export function ruleOf(v: { recurring_type: number | null; recurring_interval: number | null; recurring_weekdays: number[] | null }): RecurrenceRule {
  return { type: (v.recurring_type ?? 0) as RecurringType, interval: v.recurring_interval ?? 1, weekdays: (v.recurring_weekdays ?? []).map(Number) };
}

function tagsFrom(v: Array<string | null> | null | undefined): string[] {
  if (!v) return [];
  if (v.length > MAX_TAGS) throw validationError(`Invalid input: tags has more than ${MAX_TAGS} entries.`);
  const out: string[] = [];
  for (const t of v) {
    const s = t?.trim();
    if (!s) continue;
    if (s.length > 100) throw validationError('Invalid input: a tag is longer than 100 characters.');
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function repeatDurationFrom(v: CreateEventRecordArgs['repeatDuration']) {
  if (!v) return null;
  const startDate = calendarDate(v.startDate, 'repeatDuration.startDate');
  const endDate = calendarDate(v.endDate, 'repeatDuration.endDate');
  if (startDate && endDate && endDate < startDate) throw validationError('Invalid input: repeatDuration ends before it starts.');
  return { startDate: startDate || null, endDate: endDate || null, everyYear: v.everyYear ?? null };
}

function parentIdFrom(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (!Number.isInteger(v) || (v as number) < 1) throw validationError('Invalid input: parentId must be a positive whole number.');
  return v as number;
}

/** The validated values of an event record (sub-resources without ids; they are assigned on write). */
export function eventValuesFrom(args: CreateEventRecordArgs) {
  const title = text(args.title, 'title', MAX_TITLE)?.trim();
  if (!title) throw validationError('Invalid input: title is required.');
  const dates = fixedDatesFrom(args.dates as any[], 'dates');
  const addresses = addressesFrom(args.addresses as any[], 'addresses');
  const location = locationFrom(args.location, 'location');
  const regionName = (text(args.regionName ?? args.region?.name ?? null, 'regionName', 200) ?? '').trim() || null;
  return {
    values: {
      title,
      description: description(args.description),
      external_id: text(args.externalId, 'externalId', 500) || null,
      parent_id: parentIdFrom(args.parentId),
      dates,
      repeat: args.repeat ?? null,
      repeat_duration: repeatDurationFrom(args.repeatDuration),
      addresses,
      contacts: contactsFrom(args.contacts as any[], 'contacts'),
      urls: webUrlsFrom(args.urls as any[], 'urls'),
      media_contents: mediaContentsFrom(args.mediaContents as any[], 'mediaContents'),
      organizer: operatingCompanyFrom(args.organizer, 'organizer'),
      price_informations: pricesFrom(args.priceInformations as any[], 'priceInformations'),
      accessibility_information: accessibilityInformationFrom(args.accessibilityInformation, 'accessibilityInformation'),
      location,
      tag_list: tagsFrom(args.tags),
      push_notification: args.pushNotification ?? false,
      place_names: placeNames(location, addresses),
      ...recurrenceFrom(args, dates),
    },
    regionName,
    categoryNames: categoryNamesFrom(args),
  };
}

/** Lower-cased Location name and Address cities: what the `location` filters match. */
export function placeNames(location: { name: string | null } | null, addresses: Array<{ city: string | null }>): string[] {
  const names = [location?.name, ...addresses.map((a) => a.city)].map((n) => n?.trim().toLowerCase()).filter((n): n is string => !!n);
  return [...new Set(names)];
}

export function categoryNamesFrom(args: CreateEventRecordArgs): string[] {
  return [args.categoryName, ...(args.categories ?? []).map((c) => c?.name)].filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim());
}
