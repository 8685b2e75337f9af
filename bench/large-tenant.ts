import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Platform } from '../core/app.ts';
import { createApplication, ensureAccount, setMembership } from '../core/auth/credentials.ts';
import type { Tenant } from '../core/tenancy/tenant.ts';
import { berlinToday } from '../modules/events/occurrences.ts';
import { addDays } from '../modules/events/recurrence.ts';

/**
 * The large municipality of the benchmark (issue 3): 10,000 events with 10 dates each, 20,000
 * points of interest, 50,000 news and a category tree of about 60, written with set-based SQL
 * (INSERT … SELECT … FROM generate_series) through the tenant-bound database, so row-level
 * security supplies tenant_id as for every module write. Columns the modules derive on write are
 * filled the way their upserts fill them (occurrences from the fixed dates, place_names,
 * location_keys, has_image, released, import keys); generated columns (search_vector) and
 * column defaults (random_key) fill themselves. Titles are built from German word lists, so
 * full-text search finds real words; `searchPhrases` are two-word phrases that match.
 */

export const LARGE_TENANT = {
  slug: 'gross',
  name: 'Großstadt (Bench)',
  host: 'gross.localhost',
  clientId: 'gross-bench-app',
  clientSecret: 'bench-app-secret-gross',
} as const;

const CITY = 'Großstadt';
const STATE = 'Brandenburg';
const IMAGES = ['marktplatz.jpg', 'rathaus.jpg', 'burg-eisenhardt.jpg', 'flaeming-landschaft.jpg', 'baustelle.jpg', 'radweg.jpg', 'schule.jpg', 'bahnhof.jpg'].map((f) => `/media/demo/${f}`);

/* ---- Word lists ---- */

export const STREETS = [
  'Bahnhofstraße', 'Hauptstraße', 'Lindenallee', 'Schulstraße', 'Gartenstraße', 'Kirchplatz', 'Marktplatz', 'Mühlenweg', 'Parkstraße', 'Bergstraße',
  'Waldweg', 'Rosenstraße', 'Goethestraße', 'Schillerstraße', 'Friedhofsweg', 'Dorfstraße', 'Ringstraße', 'Brückenstraße', 'Feldweg', 'Wiesenweg',
  'Birkenweg', 'Eichenweg', 'Ahornweg', 'Kastanienallee', 'Hafenstraße', 'Kanalstraße', 'Poststraße', 'Rathausplatz', 'Burgstraße', 'Schlossstraße',
  'Turmstraße', 'Weinbergweg', 'Sandweg', 'Heideweg', 'Lessingstraße', 'Uhlandstraße', 'Kantstraße', 'Fontanestraße', 'Humboldtstraße', 'Seestraße',
];

const DISTRICTS = [
  'Altstadt', 'Neustadt', 'Nordviertel', 'Südstadt', 'Weststadt', 'Oststadt', 'Hafenviertel', 'Bahnhofsviertel', 'Gartenstadt', 'Lindenhof',
  'Mühlenberg', 'Schlossviertel', 'Domviertel', 'Kanalviertel', 'Heide', 'Waldsiedlung', 'Seeblick', 'Rosental', 'Kirchberg', 'Feldmark',
];

const SURNAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner',
  'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs',
  'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth',
  'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher', 'Krämer',
  'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich',
  'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer',
];

/** News titles: `<topic> <street>`; the topic's keyword with the street is a search phrase. */
export const NEWS_TOPICS: ReadonlyArray<{ keyword: string; title: string; category: string }> = [
  { keyword: 'Sperrung', title: 'Sperrung in der', category: 'Baustellen & Sperrungen' },
  { keyword: 'Baustelle', title: 'Baustelle in der', category: 'Baustellen & Sperrungen' },
  { keyword: 'Kanalarbeiten', title: 'Kanalarbeiten in der', category: 'Baustellen & Sperrungen' },
  { keyword: 'Radweg', title: 'Neuer Radweg in der', category: 'Radverkehr' },
  { keyword: 'Fahrradstraße', title: 'Fahrradstraße in der', category: 'Radverkehr' },
  { keyword: 'Stadtfest', title: 'Stadtfest in der', category: 'Feste & Veranstaltungen' },
  { keyword: 'Wochenmarkt', title: 'Wochenmarkt zieht in die', category: 'Feste & Veranstaltungen' },
  { keyword: 'Bürgerversammlung', title: 'Bürgerversammlung zur', category: 'Stadtverordnetenversammlung' },
  { keyword: 'Bürgerhaushalt', title: 'Bürgerhaushalt: Vorschläge für die', category: 'Bürgerhaushalt' },
  { keyword: 'Bushaltestelle', title: 'Neue Bushaltestelle in der', category: 'ÖPNV' },
  { keyword: 'Glasfaserausbau', title: 'Glasfaserausbau in der', category: 'Stadtentwicklung' },
  { keyword: 'Feuerwehreinsatz', title: 'Feuerwehreinsatz in der', category: 'Feuerwehr' },
  { keyword: 'Schulweg', title: 'Sicherer Schulweg über die', category: 'Schule & Kita' },
  { keyword: 'Baumpflanzung', title: 'Baumpflanzung in der', category: 'Umwelt & Abfall' },
  { keyword: 'Sperrmüll', title: 'Sperrmüll-Abholung in der', category: 'Umwelt & Abfall' },
  { keyword: 'Wasserrohrbruch', title: 'Wasserrohrbruch in der', category: 'Warnungen' },
  { keyword: 'Sportfest', title: 'Sportfest an der', category: 'Sport' },
  { keyword: 'Straßenreinigung', title: 'Straßenreinigung in der', category: 'Bürgerservice' },
  { keyword: 'Vereinsheim', title: 'Neues Vereinsheim in der', category: 'Vereine & Ehrenamt' },
  { keyword: 'Pressemitteilung', title: 'Pressemitteilung zur', category: 'Pressemitteilungen' },
];

/** Event titles: `<type> <venue>`; type and venue keyword are a search phrase. */
export const EVENT_TYPES: ReadonlyArray<{ title: string; category: string; tag: string }> = [
  { title: 'Konzert', category: 'Konzerte & Musik', tag: 'Musik' },
  { title: 'Orgelkonzert', category: 'Konzerte & Musik', tag: 'Musik' },
  { title: 'Chorkonzert', category: 'Konzerte & Musik', tag: 'Musik' },
  { title: 'Jazzabend', category: 'Konzerte & Musik', tag: 'Musik' },
  { title: 'Ausstellung', category: 'Ausstellungen', tag: 'Kunst' },
  { title: 'Vernissage', category: 'Ausstellungen', tag: 'Kunst' },
  { title: 'Stadtführung', category: 'Führungen & Wanderungen', tag: 'Führung' },
  { title: 'Wanderung', category: 'Führungen & Wanderungen', tag: 'Natur' },
  { title: 'Kinderfest', category: 'Kinder & Familie', tag: 'Familie' },
  { title: 'Puppentheater', category: 'Kinder & Familie', tag: 'Familie' },
  { title: 'Lesung', category: 'Vorträge & Lesungen', tag: 'Literatur' },
  { title: 'Vortrag', category: 'Vorträge & Lesungen', tag: 'Bildung' },
  { title: 'Theaterabend', category: 'Theater & Kino', tag: 'Theater' },
  { title: 'Kinoabend', category: 'Theater & Kino', tag: 'Kino' },
  { title: 'Wochenmarkt', category: 'Märkte & Feste', tag: 'Markt' },
  { title: 'Flohmarkt', category: 'Märkte & Feste', tag: 'Markt' },
  { title: 'Stadtfest', category: 'Märkte & Feste', tag: 'Fest' },
  { title: 'Lauftreff', category: 'Sport & Bewegung', tag: 'Sport' },
  { title: 'Yogakurs', category: 'Sport & Bewegung', tag: 'Sport' },
  { title: 'Gottesdienst', category: 'Kirche & Glaube', tag: 'Kirche' },
];

export const EVENT_VENUES: ReadonlyArray<{ keyword: string; title: string }> = [
  { keyword: 'Bürgerhaus', title: 'im Bürgerhaus' },
  { keyword: 'Stadtkirche', title: 'in der Stadtkirche' },
  { keyword: 'Kulturzentrum', title: 'im Kulturzentrum' },
  { keyword: 'Marktplatz', title: 'auf dem Marktplatz' },
  { keyword: 'Stadtpark', title: 'im Stadtpark' },
  { keyword: 'Stadtbibliothek', title: 'in der Stadtbibliothek' },
  { keyword: 'Rathaussaal', title: 'im Rathaussaal' },
  { keyword: 'Mühle', title: 'an der Alten Mühle' },
  { keyword: 'Gemeindehaus', title: 'im Gemeindehaus' },
  { keyword: 'Burg', title: 'auf der Burg' },
  { keyword: 'Jugendclub', title: 'im Jugendclub' },
  { keyword: 'Stadthalle', title: 'in der Stadthalle' },
  { keyword: 'Museum', title: 'im Museum' },
  { keyword: 'Hafen', title: 'am Hafen' },
  { keyword: 'Seniorenzentrum', title: 'im Seniorenzentrum' },
];

const ORGANIZERS = ['Kulturamt Großstadt', 'Förderverein Bürgerhaus e. V.', 'Kirchengemeinde St. Marien', 'Stadtbibliothek Großstadt', 'Heimatverein Großstadt e. V.', 'Sportverein Blau-Weiß', 'Tourist-Information', 'Musikschule Großstadt'];
const TIMES: ReadonlyArray<[string, string]> = [['10:00', '12:00'], ['11:00', '13:00'], ['14:00', '16:00'], ['15:00', '17:00'], ['16:30', '18:00'], ['18:00', '20:00'], ['19:00', '21:30'], ['19:30', '22:00'], ['20:00', '23:00'], ['', '']];

const SENTENCES = [
  'Die Stadtverwaltung bittet alle Anwohnerinnen und Anwohner um Verständnis.',
  'Der Eintritt ist frei, Spenden sind willkommen.',
  'Eine Anmeldung ist nicht erforderlich.',
  'Für Getränke und einen kleinen Imbiss ist gesorgt.',
  'Die Umleitung ist vor Ort ausgeschildert.',
  'Weitere Informationen gibt es im Bürgerbüro im Rathaus.',
  'Der Ortsbeirat hatte die Maßnahme im Frühjahr beschlossen.',
  'Die Arbeiten sollen bis zum Ende des Monats abgeschlossen sein.',
  'Parkplätze stehen am Bahnhof zur Verfügung.',
  'Kinder unter zwölf Jahren zahlen die Hälfte.',
  'Bei schlechtem Wetter findet die Veranstaltung in der Stadthalle statt.',
  'Fragen beantwortet das Ordnungsamt unter der bekannten Rufnummer.',
  'Die Buslinien 3 und 7 fahren in dieser Zeit eine Umleitung.',
  'Ehrenamtliche Helferinnen und Helfer werden noch gesucht.',
  'Der Zugang ist barrierefrei.',
  'Die Ergebnisse werden im Anschluss im Amtsblatt veröffentlicht.',
];

const BLOCK_TITLES = ['Was Anwohner jetzt wissen müssen', 'Die wichtigsten Fakten', 'So geht es weiter', 'Hintergrund', 'Termine und Ansprechpartner', 'Das ändert sich'];
const AUTHORS = ['Pressestelle Großstadt', 'Redaktion Amtsblatt', 'Ordnungsamt', 'Bürgermeisterbüro', 'Stadtwerke Großstadt'];

/** Point-of-interest leaf categories and the start of their records' names. */
export const POI_LEAVES: ReadonlyArray<{ category: string; prefix: string; suffix: 'person' | 'street' }> = [
  { category: 'Restaurants', prefix: 'Restaurant', suffix: 'person' },
  { category: 'Cafés', prefix: 'Café', suffix: 'person' },
  { category: 'Bäckereien', prefix: 'Bäckerei', suffix: 'person' },
  { category: 'Imbiss', prefix: 'Imbiss', suffix: 'street' },
  { category: 'Lebensmittel', prefix: 'Markt', suffix: 'person' },
  { category: 'Buchhandlungen', prefix: 'Buchhandlung', suffix: 'person' },
  { category: 'Blumen', prefix: 'Blumen', suffix: 'person' },
  { category: 'Allgemeinmedizin', prefix: 'Hausarztpraxis Dr.', suffix: 'person' },
  { category: 'Zahnärzte', prefix: 'Zahnarztpraxis Dr.', suffix: 'person' },
  { category: 'Kinderärzte', prefix: 'Kinderarztpraxis Dr.', suffix: 'person' },
  { category: 'Apotheken', prefix: 'Apotheke', suffix: 'street' },
  { category: 'Pflege', prefix: 'Pflegedienst', suffix: 'person' },
  { category: 'Schulen', prefix: 'Grundschule', suffix: 'street' },
  { category: 'Kitas', prefix: 'Kita', suffix: 'street' },
  { category: 'Bibliotheken', prefix: 'Stadtteilbibliothek', suffix: 'street' },
  { category: 'Spielplätze', prefix: 'Spielplatz', suffix: 'street' },
  { category: 'Sportplätze', prefix: 'Sportplatz', suffix: 'street' },
  { category: 'Schwimmbäder', prefix: 'Schwimmhalle', suffix: 'street' },
  { category: 'Parks', prefix: 'Park', suffix: 'street' },
  { category: 'Museen', prefix: 'Museum', suffix: 'street' },
  { category: 'Kirchen', prefix: 'Kirche', suffix: 'street' },
  { category: 'Denkmäler', prefix: 'Denkmal', suffix: 'street' },
  { category: 'Behörden', prefix: 'Bürgerbüro', suffix: 'street' },
  { category: 'Parkplätze', prefix: 'Parkplatz', suffix: 'street' },
  { category: 'Ladestationen', prefix: 'Ladestation', suffix: 'street' },
];

/* ---- Category tree (62) ---- */

type CategoryNode = { name: string; icon: string; tags: string[]; children?: CategoryNode[] };
const leaf = (name: string, icon: string, tags: string[]): CategoryNode => ({ name, icon, tags });
const NEWS = ['news_item'];
const EVENT = ['event_record'];
const POI = ['point_of_interest'];

const CATEGORY_TREE: CategoryNode[] = [
  { name: 'Aus dem Rathaus', icon: 'building', tags: NEWS, children: [leaf('Stadtverordnetenversammlung', 'gavel', NEWS), leaf('Bürgerservice', 'id', NEWS), leaf('Bürgerhaushalt', 'coins', NEWS), leaf('Pressemitteilungen', 'news', NEWS)] },
  { name: 'Bauen & Verkehr', icon: 'road', tags: NEWS, children: [leaf('Baustellen & Sperrungen', 'barrier-block', NEWS), leaf('Radverkehr', 'bike', NEWS), leaf('ÖPNV', 'bus', NEWS), leaf('Stadtentwicklung', 'building-community', NEWS)] },
  { name: 'Kultur & Freizeit', icon: 'masks-theater', tags: NEWS, children: [leaf('Feste & Veranstaltungen', 'confetti', NEWS), leaf('Sport', 'run', NEWS)] },
  leaf('Schule & Kita', 'school', NEWS),
  { name: 'Vereine & Ehrenamt', icon: 'users', tags: NEWS, children: [leaf('Feuerwehr', 'flame', NEWS)] },
  leaf('Umwelt & Abfall', 'leaf', NEWS),
  leaf('Warnungen', 'alert-triangle', NEWS),
  {
    name: 'Veranstaltungen',
    icon: 'calendar-event',
    tags: EVENT,
    children: [
      leaf('Konzerte & Musik', 'music', EVENT), leaf('Ausstellungen', 'photo', EVENT), leaf('Führungen & Wanderungen', 'walk', EVENT),
      leaf('Kinder & Familie', 'mood-kid', EVENT), leaf('Vorträge & Lesungen', 'book', EVENT), leaf('Theater & Kino', 'movie', EVENT),
      leaf('Märkte & Feste', 'basket', EVENT), leaf('Sport & Bewegung', 'ball-football', EVENT), leaf('Kirche & Glaube', 'building-church', EVENT),
    ],
  },
  { name: 'Essen & Trinken', icon: 'tools-kitchen', tags: POI, children: [leaf('Restaurants', 'chef-hat', POI), leaf('Cafés', 'coffee', POI), leaf('Bäckereien', 'bread', POI), leaf('Imbiss', 'pizza', POI)] },
  { name: 'Einkaufen', icon: 'shopping-cart', tags: POI, children: [leaf('Lebensmittel', 'basket', POI), leaf('Buchhandlungen', 'books', POI), leaf('Blumen', 'flower', POI)] },
  {
    name: 'Gesundheit',
    icon: 'heartbeat',
    tags: POI,
    children: [
      { name: 'Ärzte', icon: 'stethoscope', tags: POI, children: [leaf('Allgemeinmedizin', 'stethoscope', POI), leaf('Zahnärzte', 'dental', POI), leaf('Kinderärzte', 'baby-carriage', POI)] },
      leaf('Apotheken', 'pill', POI),
      leaf('Pflege', 'heart-handshake', POI),
    ],
  },
  { name: 'Bildung & Betreuung', icon: 'school', tags: POI, children: [leaf('Schulen', 'school', POI), leaf('Kitas', 'mood-kid', POI), leaf('Bibliotheken', 'books', POI)] },
  { name: 'Freizeit & Sport', icon: 'ball-football', tags: POI, children: [leaf('Spielplätze', 'horse-toy', POI), leaf('Sportplätze', 'ball-football', POI), leaf('Schwimmbäder', 'swimming', POI), leaf('Parks', 'trees', POI)] },
  { name: 'Sehenswürdigkeiten', icon: 'camera', tags: POI, children: [leaf('Museen', 'building-museum', POI), leaf('Kirchen', 'building-church', POI), leaf('Denkmäler', 'monument', POI)] },
  { name: 'Verwaltung & Service', icon: 'building-bank', tags: POI, children: [leaf('Behörden', 'building-bank', POI), leaf('Parkplätze', 'parking', POI), leaf('Ladestationen', 'charging-pile', POI)] },
];

/* ---- Seeding ---- */

export type LargeTenantSizes = { events: number; datesPerEvent: number; places: number; news: number };

export const FULL_SIZES: LargeTenantSizes = { events: 10_000, datesPerEvent: 10, places: 20_000, news: 50_000 };

export type LargeTenant = {
  tenant: Tenant;
  /** Rows per table, counted after seeding. */
  counts: Record<string, number>;
  seedSeconds: number;
  vacuumSeconds: number;
  /** Today in Berlin when seeded (dates are relative to it). */
  today: string;
  /** Point-of-interest leaf categories: id, name, visible records in it. */
  poiCategories: Array<{ id: number; name: string; count: number }>;
  /** Two-word phrases that match records (news: topic + street, events: type + venue). */
  searchPhrases: string[];
};

/** A deterministic pseudo-random non-negative integer of the row number `g` and a salt. */
const h = (salt: number) => sql.raw(`(hashint4(g * 31 + ${salt}) & 2147483647)`);
/** Element `index` (0-based, taken modulo the length) of a word list. */
const pick = (words: readonly string[], index: RawBuilder<unknown>) => sql`(${[...words]}::text[])[1 + (${index}) % ${sql.lit(words.length)}]`;
const partId = sql`nextval('content_part_ids')::integer`;

async function insertTree(db: Kysely<any>, nodes: CategoryNode[], parentId: number | null, ids: Map<string, number>): Promise<void> {
  for (const [position, c] of nodes.entries()) {
    const row = await db
      .insertInto('categories')
      .values({ name: c.name, icon_name: c.icon, tag_list: c.tags, parent_id: parentId, position })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.name, row.id);
    await insertTree(db, c.children ?? [], row.id, ids);
  }
}

type Copied = { providers: Array<Record<string, unknown>>; contents: Array<Record<string, unknown>> };

/**
 * The small tenant's data providers and static content (globalSettings …), read as the owner.
 * Read before the tenant's transaction: PGlite has one connection, which the transaction holds.
 */
async function readTenantBasics(system: Kysely<any>, tenantId: number): Promise<Copied> {
  const providers = await system
    .selectFrom('data_providers')
    .select(['name', 'data_type', 'description', 'notice', 'logo', 'address', 'contact', 'roles'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .execute();
  const contents = await system.selectFrom('static_contents').select(['name', 'data_type', 'content', 'version']).where('tenant_id', '=', tenantId).orderBy('id').execute();
  return { providers, contents };
}

/** Writes the copied rows into the large tenant; returns the new data provider ids. */
async function writeTenantBasics(db: Kysely<any>, copied: Copied): Promise<number[]> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const providerIds: number[] = [];
  for (const p of copied.providers) {
    const row = await db
      .insertInto('data_providers')
      .values({ ...p, logo: json(p.logo), address: json(p.address), contact: json(p.contact), roles: json(p.roles) ?? '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    providerIds.push(row.id);
  }
  if (copied.contents.length) await db.insertInto('static_contents').values(copied.contents).execute();
  return providerIds;
}

async function seedEvents(db: Kysely<any>, sizes: LargeTenantSizes, today: string, providerIds: number[]): Promise<void> {
  const types = EVENT_TYPES.map((t) => t.title);
  const venues = EVENT_VENUES.map((v) => v.title);
  // Fixed dates as an importer sends them ("as sent", with their part ids), spread over the next
  // 365 days; every tenth one lasts three days. Times per event.
  await sql`
    INSERT INTO event_records (data_provider_id, external_id, title, description, dates, addresses, media_contents, organizer, location,
      tag_list, place_names, recurring, visible, import_key, import_hash, import_touched_at, created_at, updated_at)
    SELECT s.provider, s.ext, s.title, s.description, d.dates,
      jsonb_build_array(jsonb_build_object('id', ${partId}, 'addition', NULL, 'street', s.street, 'city', ${CITY}::text, 'zip', s.zip, 'kind', 'default',
        'geoLocation', jsonb_build_object('id', ${partId}, 'latitude', s.lat, 'longitude', s.lon))),
      CASE WHEN s.h % 2 = 0 THEN jsonb_build_array(jsonb_build_object('id', ${partId}, 'captionText', s.title, 'copyright', 'Großstadt (Bench)',
        'height', NULL, 'width', NULL, 'contentType', 'image', 'sourceUrl', jsonb_build_object('id', ${partId}, 'url', s.image, 'description', NULL)))
        ELSE '[]'::jsonb END,
      jsonb_build_object('id', ${partId}, 'name', s.organizer, 'address', NULL, 'contact', NULL),
      jsonb_build_object('id', ${partId}, 'name', s.district, 'department', NULL, 'district', s.district, 'regionName', NULL, 'state', ${STATE}::text, 'geoLocation', NULL),
      ARRAY[s.tag], ARRAY[lower(s.district), lower(${CITY}::text)], false, ${h(17)} % 50 <> 0,
      md5(s.ext), md5('bench:' || s.ext), s.created, s.created, s.created
    FROM (
      SELECT g, ${h(1)} AS h, 'gross-event-' || g AS ext,
        ${pick(types, sql`g`)} || ' ' || ${pick(venues, sql`g / ${sql.lit(types.length)}`)} AS title,
        '<p>' || ${pick(types, sql`g`)} || ' ' || ${pick(venues, sql`g / ${sql.lit(types.length)}`)} || ' im ' || ${pick(DISTRICTS, h(2))} || '. '
          || ${pick(SENTENCES, h(3))} || ' ' || ${pick(SENTENCES, h(4))} || '</p><p>' || ${pick(SENTENCES, h(5))} || '</p>' AS description,
        ${pick(STREETS, h(6))} || ' ' || (1 + ${h(7)} % 99) AS street,
        (14000 + ${h(8)} % 900)::text AS zip,
        round(52.30 + (${h(9)} % 2000) / 10000.0, 5) AS lat, round(12.50 + (${h(10)} % 3000) / 10000.0, 5) AS lon,
        ${pick(DISTRICTS, h(11))} AS district,
        ${pick(ORGANIZERS, h(12))} AS organizer,
        ${pick(IMAGES, h(13))} AS image,
        ${pick(EVENT_TYPES.map((t) => t.tag), sql`g`)} AS tag,
        ${pick(TIMES.map((t) => t[0]), h(14))} AS time_start,
        ${pick(TIMES.map((t) => t[1]), h(14))} AS time_end,
        (${sql`${providerIds}::int[]`})[1 + g % ${sql.lit(providerIds.length)}] AS provider,
        now() - make_interval(days => ${h(15)} % 365, mins => ${h(16)} % 1440) AS created
      FROM generate_series(1, ${sql.lit(sizes.events)}) g
    ) s
    CROSS JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('id', x.id, 'weekday', NULL, 'dateStart', to_char(x.day, 'YYYY-MM-DD'),
          'dateEnd', to_char(x.day + x.len, 'YYYY-MM-DD'), 'timeStart', s.time_start, 'timeEnd', s.time_end,
          'timeDescription', NULL, 'useOnlyTimeDescription', 'false') ORDER BY x.day, x.id) AS dates
      FROM (SELECT ${partId} AS id, ${today}::date + ((s.h + k * ${sql.lit(Math.floor(365 / sizes.datesPerEvent))}) % 365) AS day,
              CASE WHEN (s.g + k) % 10 = 0 THEN 2 ELSE 0 END AS len
            FROM generate_series(0, ${sql.lit(sizes.datesPerEvent - 1)}) k) x
    ) d`.execute(db);

  // As writeFixedOccurrences/fixedOccurrences: one occurrence per fixed date, id = the date's id.
  await sql`
    INSERT INTO event_occurrences (id, event_record_id, starts_on, ends_on, time_start, generated, date)
    SELECT (d ->> 'id')::integer, e.id,
      coalesce(nullif(d ->> 'dateStart', ''), d ->> 'dateEnd')::date,
      coalesce(nullif(d ->> 'dateEnd', ''), nullif(d ->> 'dateStart', ''))::date,
      d ->> 'timeStart', false, d
    FROM event_records e CROSS JOIN LATERAL jsonb_array_elements(e.dates) d
    WHERE e.external_id LIKE 'gross-event-%' AND NOT e.recurring AND coalesce(nullif(d ->> 'dateStart', ''), nullif(d ->> 'dateEnd', '')) IS NOT NULL`.execute(db);

  // The type's category first (EventRecord.category), every seventh event also for families.
  await sql`
    INSERT INTO event_record_categories (event_record_id, category_id, position)
    SELECT e.id, c.id, x.position
    FROM event_records e
    CROSS JOIN LATERAL (VALUES
      (${pick(EVENT_TYPES.map((t) => t.category), sql`split_part(e.external_id, '-', 3)::integer`)}, 0),
      (CASE WHEN split_part(e.external_id, '-', 3)::integer % 7 = 0 THEN 'Kinder & Familie' END, 1)) AS x(name, position)
    JOIN categories c ON c.name = x.name
    WHERE e.external_id LIKE 'gross-event-%'
    ON CONFLICT DO NOTHING`.execute(db);
}

async function seedPlaces(db: Kysely<any>, sizes: LargeTenantSizes, providerIds: number[]): Promise<void> {
  const prefixes = POI_LEAVES.map((l) => l.prefix);
  const suffixes = POI_LEAVES.map((l) => l.suffix);
  // has_image and location_keys as listedRow() derives them; import_key as upsertPointOfInterest
  // (no opening hours: JSON.stringify([]) is '[]').
  await sql`
    INSERT INTO points_of_interest (data_provider_id, external_id, name, description, mobile_description, active, visible, addresses, contact,
      web_urls, media_contents, location, tag_list, has_image, location_keys, import_key, import_hash, import_touched_at, created_at, updated_at)
    SELECT s.provider, s.ext, s.name, s.description, s.mobile_description, true, s.h % 50 <> 1,
      jsonb_build_array(jsonb_build_object('id', ${partId}, 'addition', NULL, 'street', s.street, 'city', ${CITY}::text, 'zip', s.zip, 'kind', 'default',
        'geoLocation', jsonb_build_object('id', ${partId}, 'latitude', s.lat, 'longitude', s.lon))),
      jsonb_build_object('id', ${partId}, 'firstName', NULL, 'lastName', s.person, 'phone', '0331 ' || (100000 + s.h % 900000), 'fax', NULL,
        'email', 'kontakt' || s.g || '@example.org', 'webUrls', '[]'::jsonb),
      jsonb_build_array(jsonb_build_object('id', ${partId}, 'url', 'https://www.example.org/orte/' || s.g, 'description', 'Website')),
      CASE WHEN s.has_image THEN jsonb_build_array(jsonb_build_object('id', ${partId}, 'captionText', s.name, 'copyright', 'Großstadt (Bench)',
        'height', NULL, 'width', NULL, 'contentType', 'image', 'sourceUrl', jsonb_build_object('id', ${partId}, 'url', s.image, 'description', NULL)))
        ELSE '[]'::jsonb END,
      jsonb_build_object('id', ${partId}, 'name', s.district, 'department', NULL, 'district', s.district, 'regionName', NULL, 'state', ${STATE}::text,
        'geoLocation', jsonb_build_object('id', ${partId}, 'latitude', s.lat, 'longitude', s.lon)),
      ARRAY[s.district], s.has_image, ARRAY[lower(s.district), lower(${CITY}::text)],
      md5(s.name || 'PointOfInterest' || s.street || s.zip || ${CITY}::text || 'default' || '[]'), md5('bench:' || s.ext), s.created, s.created, s.created
    FROM (
      SELECT t.*, ${pick(prefixes, sql`g`)} || ' ' || CASE WHEN ${pick(suffixes, sql`g`)} = 'person' THEN t.person ELSE t.street_name END AS name
      FROM (
        SELECT g, ${h(1)} AS h, 'gross-place-' || g AS ext, ${h(15)} % 2 = 0 AS has_image,
          ${pick(SURNAMES, h(2))} AS person,
          ${pick(STREETS, h(3))} AS street_name,
          ${pick(STREETS, h(3))} || ' ' || (1 + ${h(4)} % 99) AS street,
          (14000 + ${h(5)} % 900)::text AS zip,
          round(52.30 + (${h(6)} % 2000) / 10000.0, 5) AS lat, round(12.50 + (${h(7)} % 3000) / 10000.0, 5) AS lon,
          ${pick(DISTRICTS, h(8))} AS district,
          ${pick(IMAGES, h(9))} AS image,
          '<p>' || ${pick(SENTENCES, h(10))} || ' ' || ${pick(SENTENCES, h(11))} || '</p>' AS description,
          ${pick(SENTENCES, h(12))} AS mobile_description,
          (${sql`${providerIds}::int[]`})[1 + g % ${sql.lit(providerIds.length)}] AS provider,
          now() - make_interval(days => ${h(13)} % 700, mins => ${h(14)} % 1440) AS created
        FROM generate_series(1, ${sql.lit(sizes.places)}) g
      ) t
    ) s`.execute(db);

  // One leaf category each (by row number), every tenth place a second one.
  await sql`
    INSERT INTO point_of_interest_categories (point_of_interest_id, category_id, position)
    SELECT p.id, c.id, x.position
    FROM points_of_interest p
    CROSS JOIN LATERAL (SELECT split_part(p.external_id, '-', 3)::integer AS g) n
    CROSS JOIN LATERAL (VALUES
      (${pick(POI_LEAVES.map((l) => l.category), sql`n.g`)}, 0),
      (CASE WHEN n.g % 10 = 0 THEN ${pick(POI_LEAVES.map((l) => l.category), sql`n.g / 10 + 7`)} END, 1)) AS x(name, position)
    JOIN categories c ON c.name = x.name
    WHERE p.external_id LIKE 'gross-place-%'
    ON CONFLICT DO NOTHING`.execute(db);
}

async function seedNews(db: Kysely<any>, sizes: LargeTenantSizes, providerIds: number[]): Promise<void> {
  const titles = NEWS_TOPICS.map((t) => t.title);
  // One every ~20 minutes back from now, all published (released = published_at <= now(), as the
  // upsert decides); sub-resources with part ids; the content block as contentBlocksFrom stores it.
  await sql`
    INSERT INTO news_items (data_provider_id, title, author, external_id, news_type, published_at, show_publish_date, visible, released,
      address, source_url, content_blocks, push_notification, import_key, import_hash, import_touched_at, created_at, updated_at)
    SELECT s.provider, s.title, s.author, s.ext, 'news', s.published_at, true, s.h % 50 <> 1, s.published_at <= now(),
      CASE WHEN s.g % 3 = 0 THEN jsonb_build_object('id', ${partId}, 'addition', NULL, 'street', s.street || ' ' || (1 + s.h % 99), 'city', ${CITY}::text,
        'zip', (14000 + s.h % 900)::text, 'kind', 'default', 'geoLocation', jsonb_build_object('id', ${partId}, 'latitude', round(52.30 + (s.h % 2000) / 10000.0, 5),
        'longitude', round(12.50 + (s.h % 3000) / 10000.0, 5))) END,
      jsonb_build_object('id', ${partId}, 'url', 'https://www.grossstadt.example.org/aktuelles/' || s.g, 'description', 'Meldung auf der Website der Stadt'),
      jsonb_build_array(jsonb_build_object('id', ${partId}, 'title', s.block_title, 'intro', s.intro, 'body', s.body,
        'mediaContents', CASE WHEN s.h % 5 < 2 THEN jsonb_build_array(jsonb_build_object('id', ${partId}, 'captionText', s.title, 'copyright', 'Großstadt (Bench)',
          'height', NULL, 'width', NULL, 'contentType', 'image', 'sourceUrl', jsonb_build_object('id', ${partId}, 'url', s.image, 'description', NULL)))
          ELSE '[]'::jsonb END,
        'createdAt', s.created_iso, 'updatedAt', s.created_iso)),
      false, s.ext, md5('bench:' || s.ext), s.published_at, s.published_at, s.published_at
    FROM (
      SELECT t.*, to_char(t.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_iso,
        t.topic || ' ' || t.street AS title
      FROM (
        SELECT g, ${h(1)} AS h, 'gross-news-' || g AS ext,
          ${pick(titles, sql`g`)} AS topic,
          ${pick(STREETS, sql`g / ${sql.lit(titles.length)}`)} AS street,
          ${pick(AUTHORS, h(2))} AS author,
          ${pick(BLOCK_TITLES, h(3))} AS block_title,
          ${pick(SENTENCES, h(4))} || ' ' || ${pick(SENTENCES, h(5))} AS intro,
          '<p>' || ${pick(SENTENCES, h(6))} || ' ' || ${pick(SENTENCES, h(7))} || ' ' || ${pick(SENTENCES, h(8))} || ' ' || ${pick(SENTENCES, h(9))}
            || '</p><p>' || ${pick(SENTENCES, h(10))} || ' ' || ${pick(SENTENCES, h(11))} || ' ' || ${pick(SENTENCES, h(12))} || '</p><p>'
            || ${pick(SENTENCES, h(13))} || ' ' || ${pick(SENTENCES, h(14))} || '</p>' AS body,
          ${pick(IMAGES, h(15))} AS image,
          (${sql`${providerIds}::int[]`})[1 + g % ${sql.lit(providerIds.length)}] AS provider,
          now() - make_interval(mins => g * 20 + ${h(16)} % 15) AS published_at
        FROM generate_series(1, ${sql.lit(sizes.news)}) g
      ) t
    ) s`.execute(db);

  // The topic's category; every fifth item also "Aus dem Rathaus".
  await sql`
    INSERT INTO news_item_categories (news_item_id, category_id)
    SELECT n.id, c.id
    FROM news_items n
    CROSS JOIN LATERAL (VALUES
      (${pick(NEWS_TOPICS.map((t) => t.category), sql`split_part(n.external_id, '-', 3)::integer`)}),
      (CASE WHEN split_part(n.external_id, '-', 3)::integer % 5 = 0 THEN 'Aus dem Rathaus' END)) AS x(name)
    JOIN categories c ON c.name = x.name
    WHERE n.external_id LIKE 'gross-news-%'
    ON CONFLICT DO NOTHING`.execute(db);
}

/**
 * Creates the large tenant in the running platform, fills it (one transaction), runs VACUUM ANALYZE and
 * registers an app account with an OAuth application (LARGE_TENANT.clientId / clientSecret).
 */
export async function seedLargeTenant(platform: Platform, opts: { copyFrom: Tenant; sizes?: LargeTenantSizes; log?: (line: string) => void }): Promise<LargeTenant> {
  const sizes = opts.sizes ?? FULL_SIZES;
  const log = opts.log ?? (() => {});
  const today = berlinToday();
  const started = performance.now();
  const tenant = await platform.tenants.create({
    slug: LARGE_TENANT.slug,
    name: LARGE_TENANT.name,
    state: STATE,
    enabledModules: platform.modules.map((m) => m.name),
    domains: [LARGE_TENANT.host],
  });
  const system = platform.database.system;
  const copied = await readTenantBasics(system, opts.copyFrom.id);
  if (!copied.providers.length) throw new Error(`the tenant "${opts.copyFrom.slug}" has no data providers to copy`);
  const step = async (label: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await platform.database
    .forTenant(tenant.id)
    .transaction()
    .execute(async (db) => {
      let providerIds: number[] = [];
      await step('data providers, static content and categories', async () => {
        providerIds = await writeTenantBasics(db, copied);
        await insertTree(db, CATEGORY_TREE, null, new Map());
      });
      await step(`${sizes.events} events with ${sizes.events * sizes.datesPerEvent} dates`, () => seedEvents(db, sizes, today, providerIds));
      await step(`${sizes.places} points of interest`, () => seedPlaces(db, sizes, providerIds));
      await step(`${sizes.news} news`, () => seedNews(db, sizes, providerIds));
    });
  const seedSeconds = (performance.now() - started) / 1000;

  const t0 = performance.now();
  // The state a bulk load reaches in production after the nightly maintenance job (PGlite,
  // core/db/maintenance.ts) or autovacuum (PostgreSQL). As the owner: the tenant role may not vacuum.
  await sql`VACUUM (ANALYZE)`.execute(system);
  const vacuumSeconds = (performance.now() - t0) / 1000;

  const accountId = await ensureAccount(system, { email: 'app@gross.bench', name: 'Großstadt App (Bench)' });
  await setMembership(system, { accountId, tenantId: tenant.id, role: 'app' });
  await createApplication(system, { tenantId: tenant.id, ownerAccountId: accountId, name: 'Großstadt App (Bench)', uid: LARGE_TENANT.clientId, secret: LARGE_TENANT.clientSecret });
  return { ...(await describeLargeTenant(platform, tenant)), seedSeconds, vacuumSeconds, today };
}

/** What the benchmark needs to know of a seeded large tenant (also of one seeded by an earlier run, see profile.ts). */
export async function describeLargeTenant(platform: Platform, tenant: Tenant): Promise<Pick<LargeTenant, 'tenant' | 'counts' | 'poiCategories' | 'searchPhrases'>> {
  const db = platform.database.forTenant(tenant.id);
  const counts: Record<string, number> = {};
  for (const table of ['categories', 'data_providers', 'static_contents', 'event_records', 'event_occurrences', 'event_record_categories', 'points_of_interest', 'point_of_interest_categories', 'news_items', 'news_item_categories']) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM ${sql.table(table)}`.execute(db);
    counts[table] = rows[0].n;
  }
  const { rows: poiCategories } = await sql<{ id: number; name: string; count: number }>`
    SELECT c.id, c.name, count(p.id)::integer AS count
    FROM categories c JOIN point_of_interest_categories l ON l.category_id = c.id JOIN points_of_interest p ON p.id = l.point_of_interest_id AND p.visible
    GROUP BY c.id, c.name ORDER BY c.id`.execute(db);

  const searchPhrases = [
    ...NEWS_TOPICS.flatMap((t) => STREETS.map((s) => `${t.keyword} ${s}`)),
    ...EVENT_TYPES.flatMap((t) => EVENT_VENUES.map((v) => `${t.title} ${v.keyword}`)),
  ];
  return { tenant, counts, poiCategories, searchPhrases };
}

/** The first day of each of the next `n` months after today's ("YYYY-MM-DD" first and last day). */
export function nextMonths(today: string, n: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let [y, m] = today.split('-').map(Number);
  for (let i = 0; i < n; i++) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    const nextFirst = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    out.push([first, addDays(nextFirst, -1)]);
  }
  return out;
}
