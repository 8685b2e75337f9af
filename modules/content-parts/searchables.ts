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
