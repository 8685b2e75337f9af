import { sql, type Kysely } from 'kysely';
import type { Migration } from '../../core/db/migrate.ts';
import { makeTenantOwned, tenantIdColumn } from '../../core/db/tenant-table.ts';

/**
 * One table per record type (points_of_interest, tours, tour_stops) rather than the mainserver's
 * single STI table `attractions`: destroyRecord/changeVisibility address records by type and id
 * through the record-type registry (one table per type), POIs and tours have different columns
 * (opening hours and prices vs. track, length and means of transportation), and every list query
 * and index then covers exactly one type without a `type = …` condition.
 *
 * Sub-resources are jsonb in the owner's row (decision 003). Columns derived on write:
 *  - has_image: at least one image media content (`onlyWithImage`);
 *  - location_keys: lower-cased Location.name and address cities (the `location` filter, GIN);
 *  - random_key: a uniform random number for `order: RAND` without sorting the whole table.
 */

/** The German name sort key (lib/german-sort.ts) as an index expression; must stay identical. */
const NAME_KEY = sql.raw(`replace(translate(lower(name), 'äöüàáâãåèéêëìíîïòóôõùúûçñ', 'aouaaaaaeeeeiiiioooouuucn'), 'ß', 'ss')`);

/** Name (A), short description (B), description (C), German text search configuration. */
const SEARCH_VECTOR = sql.raw(`tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('german', coalesce(name, '')), 'A') ||
  setweight(to_tsvector('german', coalesce(mobile_description, '')), 'B') ||
  setweight(to_tsvector('german', coalesce(description, ''::text)), 'C')) STORED`);

/** Columns every attraction (POI, tour, tour stop) has. */
const ATTRACTION_COLUMNS = sql.raw(`
  data_provider_id integer REFERENCES data_providers(id) ON DELETE SET NULL,
  external_id text,
  name text NOT NULL,
  description text,
  mobile_description text,
  active boolean DEFAULT true,
  visible boolean NOT NULL DEFAULT true,
  payload jsonb,
  addresses jsonb NOT NULL DEFAULT '[]',
  contact jsonb,
  web_urls jsonb NOT NULL DEFAULT '[]',
  media_contents jsonb NOT NULL DEFAULT '[]',
  operating_company jsonb,
  location jsonb,
  certificates jsonb NOT NULL DEFAULT '[]',
  accessibility_information jsonb,
  tag_list text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`);

/** Columns of listed records (POIs and tours): derived filter columns and the import key. */
const LISTED_COLUMNS = sql.raw(`
  has_image boolean NOT NULL DEFAULT false,
  location_keys text[] NOT NULL DEFAULT '{}',
  random_key double precision NOT NULL DEFAULT random(),
  import_key text,
  import_hash text,
  import_touched_at timestamptz`);

async function listedIndexes(db: Kysely<any>, table: string): Promise<void> {
  const t = sql.id(table);
  const ix = (suffix: string) => sql.id(`${table}_${suffix}`);
  // Orders the app uses (createdAt_DESC default, name_ASC, RAND with onlyWithImage). Not partial on
  // `visible`: hidden records are few, so the app's lists filter them cheaply, and admins (who see
  // hidden ones too) use the same indexes.
  await sql`CREATE INDEX ${ix('created')} ON ${t} (tenant_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX ${ix('name')} ON ${t} (tenant_id, (${NAME_KEY}), id)`.execute(db);
  await sql`CREATE INDEX ${ix('random')} ON ${t} (tenant_id, random_key)`.execute(db);
  await sql`CREATE INDEX ${ix('random_image')} ON ${t} (tenant_id, random_key) WHERE has_image`.execute(db);
  await sql`CREATE INDEX ${ix('provider')} ON ${t} (tenant_id, data_provider_id)`.execute(db);
  await sql`CREATE INDEX ${ix('external_id')} ON ${t} (tenant_id, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX ${ix('import')} ON ${t} (tenant_id, (coalesce(data_provider_id, 0)), import_key) WHERE import_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX ${ix('location')} ON ${t} USING gin (location_keys) WITH (gin_pending_list_limit = 256)`.execute(db);
  await sql`CREATE INDEX ${ix('search')} ON ${t} USING gin (search_vector) WITH (gin_pending_list_limit = 256)`.execute(db);
}

async function categoryJoinTable(db: Kysely<any>, table: string, owner: string, ownerColumn: string): Promise<void> {
  // position keeps the order the categories were sent in: the deprecated `category` is the first
  await sql`CREATE TABLE ${sql.id(table)} (
    ${sql.id(ownerColumn)} integer NOT NULL REFERENCES ${sql.id(owner)}(id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    ${tenantIdColumn},
    PRIMARY KEY (${sql.id(ownerColumn)}, category_id))`.execute(db);
  await sql`CREATE INDEX ${sql.id(`${table}_category`)} ON ${sql.id(table)} (category_id, ${sql.id(ownerColumn)})`.execute(db);
  await makeTenantOwned(db, table);
}

export const placesMigrations: Migration[] = [
  {
    id: '001-places',
    async up(db) {
      await sql`CREATE TABLE points_of_interest (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ${tenantIdColumn},
        ${ATTRACTION_COLUMNS},
        opening_hours jsonb NOT NULL DEFAULT '[]',
        price_informations jsonb NOT NULL DEFAULT '[]',
        ${LISTED_COLUMNS},
        search_vector ${SEARCH_VECTOR})`.execute(db);
      await listedIndexes(db, 'points_of_interest');
      await makeTenantOwned(db, 'points_of_interest');
      await categoryJoinTable(db, 'point_of_interest_categories', 'points_of_interest', 'point_of_interest_id');

      await sql`CREATE TABLE tours (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ${tenantIdColumn},
        ${ATTRACTION_COLUMNS},
        length_km integer,
        means_of_transportation text CHECK (means_of_transportation IN ('bike', 'canoe', 'foot')),
        -- track points [{latitude, longitude}], in order
        geometry_tour_data jsonb NOT NULL DEFAULT '[]',
        regions jsonb NOT NULL DEFAULT '[]',
        ${LISTED_COLUMNS},
        search_vector ${SEARCH_VECTOR})`.execute(db);
      await listedIndexes(db, 'tours');
      await makeTenantOwned(db, 'tours');
      await categoryJoinTable(db, 'tour_categories', 'tours', 'tour_id');

      // A stop belongs to exactly one tour (the mainserver's tour_stop_assignments was 1:1 too).
      await sql`CREATE TABLE tour_stops (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ${tenantIdColumn},
        tour_id integer NOT NULL REFERENCES tours(id) ON DELETE CASCADE,
        position integer NOT NULL,
        ${ATTRACTION_COLUMNS})`.execute(db);
      await sql`CREATE INDEX tour_stops_tour ON tour_stops (tour_id, position)`.execute(db);
      await makeTenantOwned(db, 'tour_stops');

      // Lunches: dates and offers as jsonb; date_span (the days the dates cover) and last_day are
      // derived on write, so dateRange overlap and "upcoming" are indexed SQL conditions.
      await sql`CREATE TABLE lunches (
        id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        ${tenantIdColumn},
        point_of_interest_id integer NOT NULL REFERENCES points_of_interest(id) ON DELETE CASCADE,
        position integer NOT NULL DEFAULT 0,
        text text,
        point_of_interest_attributes text,
        dates jsonb NOT NULL DEFAULT '[]',
        lunch_offers jsonb NOT NULL DEFAULT '[]',
        date_span datemultirange NOT NULL DEFAULT '{}',
        last_day date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now())`.execute(db);
      await sql`CREATE INDEX lunches_point_of_interest ON lunches (point_of_interest_id, position)`.execute(db);
      await sql`CREATE INDEX lunches_date_span ON lunches USING gist (date_span)`.execute(db);
      await sql`CREATE INDEX lunches_last_day ON lunches (tenant_id, last_day)`.execute(db);
      await sql`CREATE INDEX lunches_created ON lunches (tenant_id, created_at DESC, id DESC)`.execute(db);
      await makeTenantOwned(db, 'lunches');
    },
  },
];
