import { sql, type Kysely } from 'kysely';

/**
 * Migration step for a search_vector GIN index: no pending list. With one, new rows wait in an
 * unsorted list that every search scans in full until a VACUUM merges it, and the embedded
 * PGlite never vacuums on its own; content is read far more often than written, so each write
 * updates the index directly instead. Merges what is pending now.
 */
export async function searchIndexWithoutPendingList(db: Kysely<any>, index: string): Promise<void> {
  await sql`ALTER INDEX ${sql.id(index)} SET (fastupdate = off)`.execute(db);
  await sql`SELECT gin_clean_pending_list(${index}::regclass)`.execute(db);
}

/**
 * Record types that the `search` query covers. Each content module registers its table when its
 * manifest loads; the table has a generated `search_vector tsvector` column (German text search
 * configuration, see modules/search/README in its manifest) with a GIN index.
 */
export type Searchable = {
  /** The SearchRecord enum value: news_item, event_record, point_of_interest, tour, generic_item. */
  recordType: string;
  /** Module that must be enabled for the tenant. */
  module: string;
  table: string;
  /** SQL condition (on the table's own columns) that the public may see, e.g. "visible AND released". */
  publicCondition: string;
};

const registry = new Map<string, Searchable>();

export function registerSearchable(s: Searchable): void {
  registry.set(s.recordType, s);
}

export function searchables(): Searchable[] {
  return [...registry.values()];
}
