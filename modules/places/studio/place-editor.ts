import type { Kysely } from 'kysely';
import type { ContentEditor, EditorRow, EditorValues } from '../../../core/registry/content-editor.ts';
import type { FixedDate, OpeningHour, Price } from '../../content-parts/parts.ts';
import type { CreatePointOfInterestArgs, LunchArgs } from '../places-input.ts';
import { upsertPointOfInterest } from '../places-upsert.ts';
import { type StoredListed, addressAndContactFields, attractionArgs, attractionValues, categoryNamesOf, headFields, orNull, rowsOf, storedListed, text } from './attraction-form.ts';

type StoredLunch = { text: string | null; point_of_interest_attributes: string | null; dates: FixedDate[]; lunch_offers: { name: string | null; price: string | null }[] };
type Stored = StoredListed & { id: number; openingHours: OpeningHour[]; priceInformations: Price[]; storedLunches: StoredLunch[] };

/** The stored place as createPointOfInterest arguments, lunches included, so a save keeps what the form does not show. */
async function stored(db: Kysely<any>, id: number): Promise<Stored | null> {
  const row = await db.selectFrom('points_of_interest').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [categories, lunches] = await Promise.all([
    categoryNamesOf(db, 'point_of_interest_categories', 'point_of_interest_id', id),
    db.selectFrom('lunches').select(['text', 'point_of_interest_attributes', 'dates', 'lunch_offers']).where('point_of_interest_id', '=', id).orderBy('position').execute(),
  ]);
  return { ...storedListed(row, categories), id, openingHours: row.opening_hours ?? [], priceInformations: row.price_informations ?? [], storedLunches: lunches as StoredLunch[] };
}

/** Lunch offers as rows (days, dish, price); rows with the same days form one lunch. */
function lunchRows(lunches: StoredLunch[]): EditorRow[] {
  return lunches.flatMap((l) => l.lunch_offers.map((o) => ({ from: text(l.dates[0]?.dateStart), to: text(l.dates[0]?.dateEnd), dish: text(o.name), price: text(o.price) })));
}

function lunchesFrom(rows: EditorRow[], before: StoredLunch[]): LunchArgs[] {
  const byDays = new Map<string, LunchArgs & { lunchOffers: { name: string | null; price: string | null }[] }>();
  for (const r of rows) {
    const key = `${text(r.from)}|${text(r.to)}`;
    if (!byDays.has(key)) {
      const earlier = before.find((l) => `${text(l.dates[0]?.dateStart)}|${text(l.dates[0]?.dateEnd)}` === key);
      byDays.set(key, { text: earlier?.text ?? null, pointOfInterestAttributes: earlier?.point_of_interest_attributes ?? null, dates: [{ ...earlier?.dates[0], dateStart: text(r.from), dateEnd: text(r.to) }], lunchOffers: [] });
    }
    byDays.get(key)!.lunchOffers.push({ name: orNull(r.dish), price: orNull(r.price) });
  }
  return [...byDays.values()];
}

/**
 * Places (points of interest) in the studio: name, description, image, address, contact, opening
 * hours, prices and lunch offers as tables. Everything else an import brought stays.
 */
export const placeEditor: ContentEditor = {
  recordType: 'PointOfInterest',
  slug: 'orte',
  title: { de: 'Orte', en: 'Places' },
  singular: { de: 'Ort', en: 'Place' },
  table: 'points_of_interest',
  titleColumn: 'name',
  titleField: 'name',
  fields: [
    ...headFields,
    ...addressAndContactFields({ de: 'Adresse', en: 'Address' }),
    {
      name: 'openingHours',
      kind: 'rows',
      label: { de: 'Öffnungszeiten', en: 'Opening hours' },
      hint: { de: 'Tage in Worten („Montag – Freitag“); Von/Bis-Datum nur für Saisonzeiten.', en: 'Days in words (“Monday – Friday”); from/to dates only for seasons.' },
      columns: [
        { name: 'weekday', kind: 'text', label: { de: 'Tage', en: 'Days' }, maxLength: 50 },
        { name: 'timeFrom', kind: 'time', label: { de: 'von', en: 'from' } },
        { name: 'timeTo', kind: 'time', label: { de: 'bis', en: 'to' } },
        { name: 'closed', kind: 'checkbox', label: { de: 'geschlossen', en: 'closed' } },
        { name: 'dateFrom', kind: 'date', label: { de: 'gilt ab', en: 'valid from' } },
        { name: 'dateTo', kind: 'date', label: { de: 'gilt bis', en: 'valid until' } },
        { name: 'description', kind: 'text', label: { de: 'Hinweis', en: 'Note' } },
      ],
    },
    {
      name: 'prices',
      kind: 'rows',
      label: { de: 'Preise', en: 'Prices' },
      columns: [
        { name: 'name', kind: 'text', label: { de: 'Bezeichnung', en: 'Name' } },
        { name: 'category', kind: 'text', label: { de: 'Gruppe', en: 'Group' } },
        { name: 'amount', kind: 'decimal', label: { de: 'Betrag (€)', en: 'Amount (€)' } },
        { name: 'description', kind: 'text', label: { de: 'Hinweis', en: 'Note' } },
      ],
    },
    {
      name: 'lunches',
      kind: 'rows',
      label: { de: 'Mittagstisch', en: 'Lunch' },
      extraRows: 3,
      columns: [
        { name: 'from', kind: 'date', label: { de: 'ab', en: 'from' } },
        { name: 'to', kind: 'date', label: { de: 'bis', en: 'until' } },
        { name: 'dish', kind: 'text', label: { de: 'Gericht', en: 'Dish' } },
        { name: 'price', kind: 'text', label: { de: 'Preis', en: 'Price' }, maxLength: 100 },
      ],
    },
  ],

  async load(db, id) {
    const p = await stored(db, id);
    if (!p) return null;
    const values: EditorValues = {
      ...attractionValues(p),
      openingHours: p.openingHours.map((o) => ({ weekday: text(o.weekday), timeFrom: text(o.timeFrom), timeTo: text(o.timeTo), closed: o.open === false, dateFrom: text(o.dateFrom), dateTo: text(o.dateTo), description: text(o.description) })),
      prices: p.priceInformations.map((o) => ({ name: text(o.name), category: text(o.category), amount: o.amount === null ? '' : String(o.amount), description: text(o.description) })),
      lunches: lunchRows(p.storedLunches),
    };
    return { values, dataProviderId: p.dataProviderId };
  },

  async save(db, caller, v, ctx) {
    const p = ctx.id === null ? null : await stored(db, ctx.id);
    const hours = rowsOf(v.openingHours).map((r, i) => ({
      ...p?.openingHours[i],
      weekday: orNull(r.weekday),
      timeFrom: text(r.timeFrom),
      timeTo: text(r.timeTo),
      open: r.closed !== true,
      dateFrom: text(r.dateFrom),
      dateTo: text(r.dateTo),
      description: orNull(r.description),
      sortNumber: i + 1,
    }));
    const prices = rowsOf(v.prices).map((r, i) => ({ ...p?.priceInformations[i], name: orNull(r.name), category: orNull(r.category), amount: text(r.amount) ? Number(r.amount) : null, description: orNull(r.description) }));
    const { storedLunches, dataProviderId: _owner, ...kept } = p ?? ({} as Partial<Stored>);
    const args: CreatePointOfInterestArgs = {
      ...kept,
      id: ctx.id,
      forceCreate: ctx.id === null,
      ...attractionArgs(p, v, ctx),
      openingHours: hours,
      priceInformations: prices,
      lunches: lunchesFrom(rowsOf(v.lunches), storedLunches ?? []),
    };
    return upsertPointOfInterest(db, caller, args);
  },
};
