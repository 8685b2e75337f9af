import type { Kysely } from 'kysely';
import type { ContentEditor, EditorProblem, EditorRow, EditorValues } from '../../../core/registry/content-editor.ts';
import type { GeoLocation } from '../../content-parts/parts.ts';
import { validationError } from '../../../core/errors.ts';
import { coordinateText, parseTrackText, trackLengthKm, trackLines, type TrackPoint } from '../../../lib/track-text.ts';
import { MAX_TOUR_STOPS, MAX_TRACK_POINTS, MEANS_OF_TRANSPORTATION, type AttractionArgs, type CreateTourArgs } from '../places-input.ts';
import { upsertTour } from '../places-upsert.ts';
import { type StoredAttraction, type StoredListed, addressAndContactFields, attractionArgs, attractionValues, categoryNamesOf, headFields, orNull, rowsOf, storedAttraction, storedListed, text } from './attraction-form.ts';

type Stored = StoredListed & { lengthKm: number | null; meansOfTransportation: string | null; track: TrackPoint[]; stops: StoredAttraction[] };

/** The stored tour as createTour arguments, track and stops included, so a save keeps what the form does not show. */
async function stored(db: Kysely<any>, id: number): Promise<Stored | null> {
  const row = await db.selectFrom('tours').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const [categories, stops] = await Promise.all([categoryNamesOf(db, 'tour_categories', 'tour_id', id), db.selectFrom('tour_stops').selectAll().where('tour_id', '=', id).orderBy('position').execute()]);
  return { ...storedListed(row, categories), lengthKm: row.length_km, meansOfTransportation: row.means_of_transportation, track: row.geometry_tour_data ?? [], stops: stops.map(storedAttraction) };
}

/** Where a stop's point is kept: its location's geo point or, as many imports send it, its first address's with one. */
function stopPoint(s: StoredAttraction): GeoLocation | null {
  const location = s.location as { geoLocation?: GeoLocation | null } | null | undefined;
  return location?.geoLocation ?? s.addresses.find((a) => a.geoLocation)?.geoLocation ?? null;
}

/** The stop with its point set where the stop keeps it (a stop without one gets it in its location, the stop's own place). */
function withPoint(s: StoredAttraction, point: TrackPoint | null): Pick<AttractionArgs, 'location' | 'addresses'> {
  const location = (s.location ?? null) as { geoLocation?: GeoLocation | null } | null;
  const inAddress = !location?.geoLocation ? s.addresses.findIndex((a) => a.geoLocation) : -1;
  if (inAddress >= 0) return { location: s.location, addresses: s.addresses.map((a, i) => (i === inAddress ? { ...a, geoLocation: point && { ...a.geoLocation, ...point } } : a)) };
  if (!point && !location) return { location: null, addresses: s.addresses };
  return { location: { ...location, geoLocation: point && { ...location?.geoLocation, ...point } }, addresses: s.addresses };
}

const EMPTY_STOP: StoredAttraction = { name: '', addresses: [], contact: null, webUrls: [], mediaContents: [] };

/**
 * The rows' stops over the stored ones: a row takes the stored stop of the same name (so emptying
 * or reordering rows keeps each stop's images and payload with it), else the one at its position.
 */
function stopsFrom(rows: EditorRow[], before: StoredAttraction[]): AttractionArgs[] {
  const used = new Set<number>();
  const claim = (i: number) => (i >= 0 && !used.has(i) ? (used.add(i), before[i]) : undefined);
  const byName = rows.map((r) => claim(before.findIndex((s, i) => !used.has(i) && text(s.name).trim() === text(r.name).trim())));
  return rows.map((r, i) => {
    const s = byName[i] ?? claim(i) ?? EMPTY_STOP;
    const latitude = coordinateText(text(r.latitude));
    const longitude = coordinateText(text(r.longitude));
    const point = latitude === null || longitude === null ? null : { latitude, longitude };
    return { ...s, name: text(r.name), description: orNull(r.description), ...withPoint(s, point) };
  });
}

const stopsLabel = { de: 'Stationen', en: 'Stops' };

/** Stop rows need a name, and coordinates in range, both or neither. */
function stopProblems(rows: EditorRow[]): EditorProblem[] {
  return rows.flatMap((r, i): EditorProblem[] => {
    const at = (column: string) => `stops.${i}.${column}`;
    const row = { de: `${stopsLabel.de}, Zeile ${i + 1}`, en: `${stopsLabel.en}, row ${i + 1}` };
    const problems: EditorProblem[] = [];
    if (!text(r.name).trim()) problems.push({ field: at('name'), message: { de: `${row.de}: bitte geben Sie einen Namen an.`, en: `${row.en}: please give a name.` } });
    const lat = text(r.latitude).trim();
    const lng = text(r.longitude).trim();
    const latitude = coordinateText(lat);
    const longitude = coordinateText(lng);
    if (lat && (latitude === null || Math.abs(latitude) > 90)) problems.push({ field: at('latitude'), message: { de: `${row.de}: der Breitengrad muss eine Zahl zwischen -90 und 90 sein.`, en: `${row.en}: the latitude must be a number between -90 and 90.` } });
    if (lng && (longitude === null || Math.abs(longitude) > 180)) problems.push({ field: at('longitude'), message: { de: `${row.de}: der Längengrad muss eine Zahl zwischen -180 und 180 sein.`, en: `${row.en}: the longitude must be a number between -180 and 180.` } });
    if (!lat !== !lng) problems.push({ field: at(lat ? 'longitude' : 'latitude'), message: { de: `${row.de}: bitte geben Sie Breiten- und Längengrad an (oder keinen von beiden).`, en: `${row.en}: please give both latitude and longitude (or neither).` } });
    return problems;
  });
}

const sameTrack = (a: TrackPoint[], b: TrackPoint[]) => a.length === b.length && a.every((p, i) => p.latitude === b[i]!.latitude && p.longitude === b[i]!.longitude);

/**
 * Tours in the studio: the fields places have (start address instead of address), means of
 * transportation, length, the stops as a table and the track as text — lines of coordinates or a
 * GPX file — with a map to draw on where script runs. Saved through createTour's own code.
 */
export const tourEditor: ContentEditor = {
  recordType: 'Tour',
  slug: 'touren',
  title: { de: 'Touren', en: 'Tours' },
  singular: { de: 'Tour', en: 'Tour' },
  table: 'tours',
  titleColumn: 'name',
  titleField: 'name',
  fields: [
    ...headFields,
    {
      name: 'meansOfTransportation',
      kind: 'select',
      label: { de: 'Fortbewegung', en: 'Means of transportation' },
      options: MEANS_OF_TRANSPORTATION.map((value) => ({ value, label: { foot: { de: 'zu Fuß', en: 'on foot' }, bike: { de: 'Fahrrad', en: 'bike' }, canoe: { de: 'Kanu', en: 'canoe' } }[value] })),
    },
    {
      name: 'lengthKm',
      kind: 'number',
      label: { de: 'Länge in km', en: 'Length in km' },
      hint: { de: 'Leer lassen: wird aus dem Streckenverlauf berechnet (auf ganze km gerundet).', en: 'Leave empty to compute it from the track (rounded to whole km).' },
      min: 0,
      max: 100_000,
    },
    ...addressAndContactFields({ de: 'Startpunkt', en: 'Starting point' }),
    {
      name: 'stops',
      kind: 'rows',
      label: stopsLabel,
      hint: { de: 'In der Reihenfolge der Tour. Koordinaten als Dezimalzahlen (52.1412 oder 52,1412). Die Beschreibung darf HTML enthalten.', en: 'In the order of the tour. Coordinates as decimals (52.1412). The description may contain HTML.' },
      extraRows: 3,
      maxRows: MAX_TOUR_STOPS,
      columns: [
        { name: 'name', kind: 'text', label: { de: 'Name', en: 'Name' }, maxLength: 1000 },
        { name: 'description', kind: 'textarea', label: { de: 'Beschreibung', en: 'Description' }, maxLength: 20_000 },
        { name: 'latitude', kind: 'text', label: { de: 'Breitengrad', en: 'Latitude' }, maxLength: 30 },
        { name: 'longitude', kind: 'text', label: { de: 'Längengrad', en: 'Longitude' }, maxLength: 30 },
      ],
    },
    {
      name: 'track',
      kind: 'track',
      label: { de: 'Streckenverlauf (Track)', en: 'Route (track)' },
      hint: {
        de: 'Ein Punkt pro Zeile als „Breite, Länge“ (z. B. 52.1412, 12.5913) – oder fügen Sie den Text einer GPX-Datei ein (ihre Trackpunkte, sonst ihre Routenpunkte). Höchstens 20.000 Punkte.',
        en: 'One point per line as “latitude, longitude” (e.g. 52.1412, 12.5913) – or paste a GPX file’s text (its track points, else its route points). At most 20,000 points.',
      },
      max: MAX_TRACK_POINTS,
    },
  ],

  validate: (values) => stopProblems(rowsOf(values.stops)),

  async load(db, id) {
    const p = await stored(db, id);
    if (!p) return null;
    const values: EditorValues = {
      ...attractionValues(p),
      meansOfTransportation: text(p.meansOfTransportation),
      lengthKm: p.lengthKm === null ? '' : String(p.lengthKm),
      stops: p.stops.map((s) => {
        const point = stopPoint(s);
        return { name: text(s.name), description: text(s.description), latitude: point ? String(point.latitude) : '', longitude: point ? String(point.longitude) : '' };
      }),
      track: trackLines(p.track),
    };
    return { values, dataProviderId: p.dataProviderId };
  },

  async save(db, caller, v, ctx) {
    const p = ctx.id === null ? null : await stored(db, ctx.id);
    // The form checked the track already; this guards callers that did not.
    const parsed = parseTrackText(text(v.track), MAX_TRACK_POINTS);
    if (!parsed.ok) throw validationError(`Invalid input: track (${parsed.problem.code}).`);
    const track = parsed.points;
    // An empty length is computed — unless it was empty before and the track is unchanged (a save changes only what the form changed).
    const keepEmpty = p !== null && p.lengthKm === null && sameTrack(p.track, track);
    const lengthKm = text(v.lengthKm) ? Number(v.lengthKm) : keepEmpty || track.length < 2 ? null : Math.round(trackLengthKm(track));
    const { dataProviderId: _owner, stops: storedStops, track: _track, ...kept } = p ?? ({} as Partial<Stored>);
    const args: CreateTourArgs = {
      ...kept,
      id: ctx.id,
      forceCreate: ctx.id === null,
      ...attractionArgs(p, v, ctx, 'start'),
      meansOfTransportation: orNull(v.meansOfTransportation),
      lengthKm,
      geometryTourData: track,
      tourStops: stopsFrom(rowsOf(v.stops), storedStops ?? []),
    };
    return upsertTour(db, caller, args);
  },
};
