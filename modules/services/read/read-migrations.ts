import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.ts';
import { TENANT_ROLE } from '../../../core/db/session-context.ts';
import { germanSortKey } from '../../../lib/german-sort.ts';
import { searchIndexWithoutPendingList } from '../../content-parts/searchables.ts';

/**
 * What the public reads of services need beside the catalogue (bench/services-search.ts
 * measures them): values computed per row once when a row is written, not per row and request.
 * PGlite evaluates string functions slowly; over 3,000 services a sort by a computed German key
 * or a normalised comparison per request cost tens of milliseconds.
 */
export const servicesReadMigrations: Migration[] = [
  {
    id: '101-services-read-columns',
    async up(db) {
      await sql`ALTER TABLE ozg_services
        -- German alphabetical order (Ü with U), for every list.
        ADD COLUMN name_key text GENERATED ALWAYS AS (${germanSortKey('name')}) STORED,
        -- The name as search_normalize spells it: exact/prefix boost, first-letter lists.
        ADD COLUMN name_norm text GENERATED ALWAYS AS (search_normalize(name)) STORED,
        -- Name and synonyms normalised: words inside compounds when the full text finds nothing.
        ADD COLUMN terms_norm text GENERATED ALWAYS AS (search_normalize(name || ' ' || ozg_words(synonyms))) STORED,
        -- Name (A) and synonyms (B) alone: suggestions while typing match these, not every word of
        -- the long texts ("Perso" would otherwise find every "persönlich").
        ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (search_weighted(name, 'A') || search_weighted(ozg_words(synonyms), 'B')) STORED`.execute(db);
      // Names by their first letter (service-match.ts, initialMatch): a range in byte order.
      await sql`CREATE INDEX ozg_services_name ON ozg_services (tenant_id, (name_key COLLATE "C"))`.execute(db);
      await sql`CREATE INDEX ozg_services_title_search ON ozg_services USING gin (title_vector)`.execute(db);
      await searchIndexWithoutPendingList(db, 'ozg_services_title_search');

      // search_matches (modules/search) reads search_vector; this is the same for title_vector:
      // row-level security keeps @@ off the GIN index in the tenant role, so the function runs as
      // the table's owner, applies the tenant condition itself and returns only ids and ranks of
      // the caller's own tenant. Visibility is decided by the caller, under row-level security.
      await sql`CREATE FUNCTION ozg_title_matches(query tsquery)
        RETURNS TABLE (title_match_id integer, title_match_rank real)
        LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE ROWS 50
        SET search_path = pg_catalog, public
        AS $$
        BEGIN
          RETURN QUERY SELECT t.id, ts_rank(t.title_vector, query) FROM ozg_services t
            WHERE t.title_vector @@ query AND t.tenant_id = dorfplatz_current_tenant();
        END $$`.execute(db);
      await sql`REVOKE ALL ON FUNCTION ozg_title_matches(tsquery) FROM PUBLIC`.execute(db);
      await sql`GRANT EXECUTE ON FUNCTION ozg_title_matches(tsquery) TO ${sql.id(TENANT_ROLE)}`.execute(db);
    },
  },
];
