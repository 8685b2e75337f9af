import { sql, type Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import { canModifyRecord } from '../../core/auth/principal.ts';
import { forbidden, notFound, validationError } from '../../core/errors.ts';
import { contentHash, md5 } from '../../lib/checksum.ts';
import { idArg } from '../../lib/list-args.ts';
import { assignPartIds } from '../content-parts/parts.ts';
import { categoryIdsForNames } from '../categories/category-store.ts';
import {
  type AttractionValues,
  type CreatePointOfInterestArgs,
  type CreateTourArgs,
  type LunchValues,
  attractionValuesFrom,
  categoryNamesFrom,
  hasImage,
  locationKeys,
  lunchSpan,
  lunchesFrom,
  pointOfInterestFieldsFrom,
  tourFieldsFrom,
  tourStopsFrom,
  trackFrom,
} from './places-input.ts';

type Kind = { typeName: 'PointOfInterest' | 'Tour'; table: string; categoryTable: string; ownerColumn: string; label: string };

const POI: Kind = { typeName: 'PointOfInterest', table: 'points_of_interest', categoryTable: 'point_of_interest_categories', ownerColumn: 'point_of_interest_id', label: 'Point of interest' };
const TOUR: Kind = { typeName: 'Tour', table: 'tours', categoryTable: 'tour_categories', ownerColumn: 'tour_id', label: 'Tour' };

/** Street, zip, city and kind of the first address: part of both import checksums (reference §4.3). */
function firstAddressFields(values: AttractionValues): unknown[] {
  const a = values.addresses[0];
  return [a?.street, a?.zip, a?.city, a?.kind];
}

/** Category ids for names (unknown names are created), in the order the names were sent. */
async function orderedCategoryIds(db: Kysely<any>, names: string[]): Promise<number[]> {
  const ids = await categoryIdsForNames(db, names);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
  const byName = new Map(rows.map((r: { id: number; name: string }) => [r.name.toLowerCase(), r.id]));
  return [...new Set(names.map((n) => byName.get(n.toLowerCase())).filter((id): id is number => id !== undefined))];
}

/** jsonb columns are sent as JSON text (the drivers would turn arrays into PostgreSQL arrays). */
function attractionRow(v: AttractionValues) {
  return {
    name: v.name,
    description: v.description,
    mobile_description: v.mobile_description,
    active: v.active,
    payload: v.payload === null ? null : JSON.stringify(v.payload),
    addresses: JSON.stringify(v.addresses),
    contact: JSON.stringify(v.contact),
    web_urls: JSON.stringify(v.web_urls),
    media_contents: JSON.stringify(v.media_contents),
    operating_company: JSON.stringify(v.operating_company),
    location: JSON.stringify(v.location),
    certificates: JSON.stringify(v.certificates),
    accessibility_information: JSON.stringify(v.accessibility_information),
    tag_list: v.tag_list,
  };
}

/** The sub-resources of an attraction that get ids (not the free-form payload). */
function partsOf(v: AttractionValues): unknown[] {
  return [v.addresses, v.contact, v.web_urls, v.media_contents, v.operating_company, v.location, v.certificates, v.accessibility_information];
}

function listedRow(v: AttractionValues) {
  return { ...attractionRow(v), has_image: hasImage(v.media_contents), location_keys: locationKeys(v) };
}

/**
 * The §4.3 lookup: by id (must exist and be the caller's to change); else, unless forceCreate,
 * an earlier import with the same key from the same provider. Returns the record to update
 * (null: create) or, for an unchanged import, the record that was only touched.
 */
async function findTarget(
  db: Kysely<any>,
  kind: Kind,
  caller: AccountPrincipal,
  args: { id?: unknown; forceCreate?: boolean | null },
  key: string,
  hash: string,
  now: Date,
): Promise<{ targetId: number | null; unchangedId?: number }> {
  if (args.id !== undefined && args.id !== null) {
    const id = idArg(args.id);
    if (id === null) throw validationError('Invalid input: id must be a positive whole number.');
    const row = await db.selectFrom(kind.table).select(['id', 'data_provider_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`${kind.label} ${id} does not exist.`);
    if (!canModifyRecord(caller, row.data_provider_id)) throw forbidden();
    return { targetId: row.id };
  }
  if (args.forceCreate) return { targetId: null };
  const providerId = caller.dataProviderId;
  const previous = await db
    .selectFrom(kind.table)
    .select(['id', 'import_hash'])
    .where('import_key', '=', key)
    .where((eb) => (providerId === null ? eb('data_provider_id', 'is', null) : eb('data_provider_id', '=', providerId)))
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (previous && previous.import_hash === hash) {
    await db.updateTable(kind.table).set({ import_touched_at: now }).where('id', '=', previous.id).execute();
    return { targetId: previous.id, unchangedId: previous.id };
  }
  return { targetId: previous?.id ?? null };
}

/** Inserts or updates the row and replaces its category links. */
async function write(db: Kysely<any>, kind: Kind, caller: AccountPrincipal, targetId: number | null, row: Record<string, unknown>, categoryNames: string[], now: Date): Promise<number> {
  let id: number;
  if (targetId === null) {
    const created = await db
      .insertInto(kind.table)
      .values({ ...row, data_provider_id: caller.dataProviderId, visible: true, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = created.id;
  } else {
    await db.updateTable(kind.table).set({ ...row, updated_at: now }).where('id', '=', targetId).execute();
    await db.deleteFrom(kind.categoryTable).where(kind.ownerColumn, '=', targetId).execute();
    id = targetId;
  }
  const categoryIds = await orderedCategoryIds(db, categoryNames);
  if (categoryIds.length) {
    await db
      .insertInto(kind.categoryTable)
      .values(categoryIds.map((category_id, position) => ({ [kind.ownerColumn]: id, category_id, position })))
      .execute();
  }
  return id;
}

async function replaceLunches(db: Kysely<any>, poiId: number, lunches: LunchValues[], now: Date): Promise<void> {
  await db.deleteFrom('lunches').where('point_of_interest_id', '=', poiId).execute();
  if (lunches.length === 0) return;
  await db
    .insertInto('lunches')
    .values(
      lunches.map((l, position) => {
        const { span, lastDay } = lunchSpan(l.dates);
        return {
          point_of_interest_id: poiId,
          position,
          text: l.text,
          point_of_interest_attributes: l.point_of_interest_attributes,
          dates: JSON.stringify(l.dates),
          lunch_offers: JSON.stringify(l.lunch_offers),
          date_span: sql`${span}::datemultirange`,
          last_day: lastDay,
          created_at: now,
          updated_at: now,
        };
      }),
    )
    .execute();
}

async function replaceTourStops(db: Kysely<any>, caller: AccountPrincipal, tourId: number, stops: AttractionValues[], now: Date): Promise<void> {
  await db.deleteFrom('tour_stops').where('tour_id', '=', tourId).execute();
  if (stops.length === 0) return;
  await db
    .insertInto('tour_stops')
    .values(
      stops.map((s, position) => ({
        ...attractionRow(s),
        tour_id: tourId,
        position,
        // as in the mainserver, the stops belong to the caller's data provider
        data_provider_id: caller.dataProviderId,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * createPointOfInterest (reference §4.3). Import key: MD5 of name, type, the first address's
 * street/zip/city/kind and all opening hours. An unchanged import (same key and identical input,
 * lunches and categories included) only touches the record; a changed one replaces all nested
 * data, lunches included. Runs inside the mutation's transaction: a failing part leaves nothing.
 */
export async function upsertPointOfInterest(db: Kysely<any>, caller: AccountPrincipal, args: CreatePointOfInterestArgs): Promise<number> {
  const now = new Date();
  const values = attractionValuesFrom(args);
  const own = pointOfInterestFieldsFrom(args);
  const lunches = lunchesFrom(args.lunches);
  const external_id = args.externalId ? String(args.externalId).slice(0, 500) : null;
  const categoryNames = categoryNamesFrom(args);
  const hash = contentHash({ values, own, lunches, external_id, categoryNames });
  const key = md5(values.name, POI.typeName, ...firstAddressFields(values), JSON.stringify(own.opening_hours));

  const { targetId, unchangedId } = await findTarget(db, POI, caller, args, key, hash, now);
  if (unchangedId !== undefined) return unchangedId;

  await assignPartIds(db, [partsOf(values), own, lunches]);
  const row = {
    ...listedRow(values),
    external_id,
    opening_hours: JSON.stringify(own.opening_hours),
    price_informations: JSON.stringify(own.price_informations),
    import_key: key,
    import_hash: hash,
    import_touched_at: now,
  };
  const id = await write(db, POI, caller, targetId, row, categoryNames, now);
  await replaceLunches(db, id, lunches, now);
  return id;
}

/**
 * createTour (reference §4.3). Import key: MD5 of name, type and the first address's fields.
 * Unlike the mainserver, an update REPLACES the track (geometryTourData) instead of appending the
 * sent points to the old ones, and replaces the tour stops, like every other nested part.
 */
export async function upsertTour(db: Kysely<any>, caller: AccountPrincipal, args: CreateTourArgs): Promise<number> {
  const now = new Date();
  const values = attractionValuesFrom(args);
  const own = tourFieldsFrom(args);
  const track = trackFrom(args.geometryTourData);
  const stops = tourStopsFrom(args.tourStops);
  const external_id = args.externalId ? String(args.externalId).slice(0, 500) : null;
  const categoryNames = categoryNamesFrom(args);
  const hash = contentHash({ values, own, track, stops, external_id, categoryNames });
  const key = md5(values.name, TOUR.typeName, ...firstAddressFields(values));

  const { targetId, unchangedId } = await findTarget(db, TOUR, caller, args, key, hash, now);
  if (unchangedId !== undefined) return unchangedId;

  const regionName = values.location?.regionName?.trim();
  const regions = regionName ? [{ name: regionName }] : [];
  // Track points carry no ids (a track has thousands; GeoLocation.id stays null for them).
  await assignPartIds(db, [partsOf(values), stops.map(partsOf), regions]);
  const row = {
    ...listedRow(values),
    external_id,
    ...own,
    geometry_tour_data: JSON.stringify(track),
    regions: JSON.stringify(regions),
    import_key: key,
    import_hash: hash,
    import_touched_at: now,
  };
  const id = await write(db, TOUR, caller, targetId, row, categoryNames, now);
  await replaceTourStops(db, caller, id, stops, now);
  return id;
}
