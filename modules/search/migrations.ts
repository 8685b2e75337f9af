import { sql } from 'kysely';
import type { Migration } from '../../core/db/migrate.ts';
import { TENANT_ROLE } from '../../core/db/session-context.ts';
import { searchIndexWithoutPendingList } from '../content-parts/searchables.ts';

/**
 * Letters folded by `search_normalize` (after lower()): umlauts and common accents to their base
 * letter. Upper-case forms are listed too, so the folding does not depend on the database's ctype.
 */
const FOLD_FROM = 'äöüàáâãåèéêëìíîïòóôõùúûñçÿÄÖÜÀÁÂÃÅÈÉÊËÌÍÎÏÒÓÔÕÙÚÛÑÇ';
const FOLD_TO = 'aouaaaaaeeeeiiiioooouuuncyaouaaaaaeeeeiiiioooouuunc';
if ([...FOLD_FROM].length !== [...FOLD_TO].length) throw new Error('search: fold tables differ in length');

export const searchMigrations: Migration[] = [
  {
    id: '001-search-functions',
    async up(db) {
      // The same normalisation runs on documents and on query words, so "Straße"/"Strasse",
      // "Mühle"/"Muehle", "Bürger"/"Buerger" meet. ae/oe/ue after a consonant (or at a word start)
      // are spelled-out umlauts, as the Snowball German stemmer of PostgreSQL 16+ treats them; after
      // a vowel ("Feuer", "Bauer") they stay. Doing it here gives PostgreSQL 15 and 16+ (PGlite)
      // the same lexemes.
      await sql`CREATE FUNCTION search_normalize(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT regexp_replace(
          translate(replace(replace(lower(t), 'ß', 'ss'), 'ẞ', 'ss'), ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)}),
          '(^|[^aeiouyq])([aou])e', '\\1\\2', 'g') $$`.execute(db);

      // Text of HTML: tags and entities become spaces.
      await sql`CREATE FUNCTION search_html_text(html text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT regexp_replace(regexp_replace(html, '<[^>]*>', ' ', 'g'), '&#?[A-Za-z0-9]+;', ' ', 'g') $$`.execute(db);

      // One attribute of every element of a JSON array (content blocks), space-separated.
      await sql`CREATE FUNCTION search_json_array_text(items jsonb, key text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT coalesce(string_agg(e ->> key, ' '), '')
          FROM jsonb_array_elements(CASE WHEN jsonb_typeof(items) = 'array' THEN items ELSE '[]'::jsonb END) e $$`.execute(db);

      // A weighted German document part: A title/name, B subtitles, C short texts, D long texts.
      await sql`CREATE FUNCTION search_weighted(t text, weight "char") RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT setweight(to_tsvector('german'::regconfig, search_normalize(coalesce(t, ''))), weight) $$`.execute(db);

      // One word of a query: its German stem, of the normalised spelling and of the spelling as
      // typed (tables whose documents are not normalised still match); as a prefix also unstemmed,
      // so "Sper" finds "Sperrung" and a stop word being typed ("die" → "Dienst") is not dropped.
      // Alternatives that come out the same are listed once (fewer GIN scans).
      await sql`CREATE FUNCTION search_word_query(word text, prefix boolean) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(string_agg(DISTINCT '(' || q::text || ')', ' | '), '')::tsquery
          FROM unnest(ARRAY[search_normalize(word), word]) AS w,
            LATERAL (VALUES
              (CASE WHEN prefix THEN to_tsquery('german'::regconfig, w || ':*') ELSE to_tsquery('german'::regconfig, w) END),
              (CASE WHEN prefix THEN to_tsquery('simple'::regconfig, w || ':*') END)) AS alternatives(q)
          WHERE q IS NOT NULL AND numnode(q) > 0 $$`.execute(db);

      // A whole query: every word must match, the last one (two letters or more) as a prefix.
      // The words must consist of letters and digits only (the caller splits the user's text).
      await sql`CREATE FUNCTION search_query(words text[]) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(string_agg('(' || q::text || ')', ' & ' ORDER BY i), '')::tsquery
          FROM (SELECT i, search_word_query(w, i = cardinality(words) AND length(w) >= 2) AS q
                FROM unnest(words) WITH ORDINALITY AS u(w, i)) AS parts
          WHERE numnode(q) > 0 $$`.execute(db);

      // The current tenant's rows of a searchable table that match, with their rank. Row-level
      // security keeps PostgreSQL from using a GIN index for @@ (the operator is not leakproof),
      // so a search in the tenant role would read the whole table. This function runs as the
      // tables' owner and applies the tenant condition itself; it reads only tables that have a
      // tenant_id and a search_vector, and returns nothing but ids and ranks of the caller's own
      // tenant. Which rows are public is decided by the caller, under row-level security.
      await sql`CREATE FUNCTION search_matches(source regclass, query tsquery)
        RETURNS TABLE (search_match_id integer, search_match_rank real)
        LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE ROWS 100
        SET search_path = pg_catalog, public
        AS $$
        BEGIN
          IF (SELECT count(*) FROM pg_attribute a
              WHERE a.attrelid = source AND NOT a.attisdropped AND a.attname IN ('id', 'tenant_id', 'search_vector')) <> 3 THEN
            RAISE EXCEPTION 'search: % is not a searchable table', source;
          END IF;
          RETURN QUERY EXECUTE format(
            'SELECT t.id, ts_rank(t.search_vector, $1) FROM %s t WHERE t.search_vector @@ $1 AND t.tenant_id = dorfplatz_current_tenant()',
            source) USING query;
        END $$`.execute(db);
      await sql`REVOKE ALL ON FUNCTION search_matches(regclass, tsquery) FROM PUBLIC`.execute(db);
      await sql`GRANT EXECUTE ON FUNCTION search_matches(regclass, tsquery) TO ${sql.id(TENANT_ROLE)}`.execute(db);
    },
  },
  {
    // The news module's part (search depends on news, so this runs after news' own migrations).
    id: '002-news-search-vector',
    async up(db) {
      await sql`ALTER TABLE news_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          search_weighted(title, 'A')
          || search_weighted(search_json_array_text(content_blocks, 'title'), 'B')
          || search_weighted(search_json_array_text(content_blocks, 'intro'), 'C')
          || search_weighted(coalesce(author, '') || ' ' || search_html_text(search_json_array_text(content_blocks, 'body')), 'D')
        ) STORED`.execute(db);
      // A small pending list: inserts stay cheap (batched index updates) and a bulk import does not
      // leave a long unindexed list for searches to scan until the next vacuum.
      await sql`CREATE INDEX news_items_search ON news_items USING gin (search_vector) WITH (gin_pending_list_limit = 256)`.execute(db);
    },
  },
  {
    id: '003-news-search-index-direct',
    async up(db) {
      await searchIndexWithoutPendingList(db, 'news_items_search');
    },
  },
];
