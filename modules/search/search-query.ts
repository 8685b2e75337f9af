import { sql, type Kysely, type RawBuilder } from 'kysely';
import { validationError } from '../../core/errors.ts';
import type { Searchable } from '../content-parts/searchables.ts';

export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 10;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
export const MAX_SKIP = 10_000;

/**
 * The words of a user's query: letters and digits only (every other character separates words),
 * so nothing a user types can become a text-search operator. Empty or blank → no words.
 */
export function queryWords(query: string | null | undefined): string[] {
  if (query === null || query === undefined) return [];
  if (query.length > MAX_QUERY_LENGTH) throw validationError(`Invalid input: query is too long (at most ${MAX_QUERY_LENGTH} characters).`);
  const words = query
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length > MAX_WORDS) throw validationError(`Invalid input: query has too many words (at most ${MAX_WORDS}).`);
  return words;
}

/** The tsquery of the words (SQL function search_query, see migrations.ts). */
export function tsquery(words: string[]): RawBuilder<unknown> {
  return sql`search_query(${words}::text[])`;
}

export type SearchHit = { id: number; record_type: string };

/**
 * One statement over every searchable table: each table's public, matching rows ranked (the top
 * limit+skip per table), then merged by rank. `types` are already restricted to enabled modules
 * and the filter; their table and condition come from module code, never from the request.
 */
export async function runSearch(db: Kysely<any>, types: Searchable[], words: string[], limit: number, skip: number): Promise<SearchHit[]> {
  if (!types.length || !words.length || limit === 0) return [];
  const perType = limit + skip;
  const branches = types.map((s) => {
    // search_matches finds the tenant's matching rows through the GIN index (see migrations.ts);
    // the join by primary key then applies the public condition under row-level security.
    return sql`(SELECT t.id, ${s.recordType}::text AS record_type, m.search_match_rank AS rank
      FROM search_matches(${s.table}::regclass, (SELECT q FROM query)) AS m
      JOIN ${sql.table(s.table)} AS t ON t.id = m.search_match_id
      WHERE (${sql.raw(s.publicCondition)})
      ORDER BY rank DESC, t.id DESC
      LIMIT ${perType})`;
  });
  // The tsquery is built once for all tables.
  const result = await sql<SearchHit>`WITH query AS MATERIALIZED (SELECT ${tsquery(words)} AS q)
    SELECT id, record_type FROM (${sql.join(branches, sql` UNION ALL `)}) AS hits
    ORDER BY rank DESC, record_type, id DESC
    LIMIT ${limit} OFFSET ${skip}`.execute(db);
  return result.rows;
}
