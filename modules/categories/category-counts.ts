import { sql, type Kysely } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad } from '../../core/graphql/batch-loader.ts';

/**
 * A content type counted per category (see category-counts-sql.ts and decision 007). A content
 * module registers its kind in a migration; from then on the database keeps the counts.
 */
export type CountedKind = {
  /** The record type, e.g. "news_item". */
  kind: string;
  linkTable: string;
  ownerTable: string;
  /** The link table's column holding the record id. */
  ownerColumn: string;
  /** SQL over the owner row `o`: the record counts, e.g. "o.visible AND o.released". */
  publicCondition: string;
  /** Owner columns the condition reads: changing one of them refreshes the record's counts. */
  conditionColumns: string[];
  /** Also count records in the ancestors of their categories (tree counts). */
  tree: boolean;
  /**
   * For counts of upcoming records: SQL over `o` giving the last day the record is upcoming,
   * and the tables (with their record id column) whose rows that day is computed from.
   */
  until?: { expression: string; sources: Array<{ table: string; recordColumn: string }> };
};

async function statementTriggers(db: Kysely<any>, table: string, kind: string, recordColumn: string): Promise<void> {
  const t = sql.table(table);
  const call = sql`category_counts_rows_changed(${sql.lit(kind)}, ${sql.lit(recordColumn)})`;
  await sql`CREATE TRIGGER category_counts_insert AFTER INSERT ON ${t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${call}`.execute(db);
  await sql`CREATE TRIGGER category_counts_delete AFTER DELETE ON ${t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${call}`.execute(db);
  await sql`CREATE TRIGGER category_counts_update AFTER UPDATE ON ${t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${call}`.execute(db);
}

/** Registers a counted kind: its triggers, and its counts computed for every existing tenant. */
export async function countCategoryLinks(db: Kysely<any>, k: CountedKind): Promise<void> {
  await db
    .insertInto('category_count_kinds')
    .values({
      kind: k.kind,
      link_table: k.linkTable,
      owner_table: k.ownerTable,
      owner_column: k.ownerColumn,
      public_condition: k.publicCondition,
      until_expression: k.until?.expression ?? "'infinity'::date",
      tree: k.tree,
    })
    .execute();
  await statementTriggers(db, k.linkTable, k.kind, k.ownerColumn);
  for (const s of k.until?.sources ?? []) await statementTriggers(db, s.table, k.kind, s.recordColumn);
  const changed = sql.join(
    k.conditionColumns.map((c) => sql`OLD.${sql.id(c)} IS DISTINCT FROM NEW.${sql.id(c)}`),
    sql` OR `,
  );
  await sql`CREATE TRIGGER category_counts_record AFTER UPDATE ON ${sql.table(k.ownerTable)} FOR EACH ROW WHEN (${changed})
    EXECUTE FUNCTION category_counts_record_changed(${sql.lit(k.kind)})`.execute(db);
  await sql`SELECT category_counts_rebuild(${k.kind}, ARRAY(SELECT id FROM tenants))`.execute(db);
}

type Counts = Map<number, { direct: number; tree: number }>;

/**
 * The counts of several kinds (keys "kind|upcomingFrom"), all of a request's count fields in one
 * query. One JSON row ({key: {category: [direct, tree]}}) rather than a row per category and kind:
 * with the embedded PGlite every row handed to JavaScript costs more than the query itself.
 */
async function fetchCounts(db: Kysely<any>, keys: string[]): Promise<Map<string, Counts>> {
  const parts = keys.map((k) => k.split('|'));
  const { rows } = await sql<{ counts: Record<string, Record<string, [number, number]>> | null }>`
    SELECT json_object_agg(key, counts) AS counts FROM (
      SELECT key, json_object_agg(category_id, json_build_array(direct, tree)) AS counts FROM (
        SELECT k.key, c.category_id, sum(c.direct_n) AS direct, sum(c.tree_n) AS tree
        FROM unnest(${keys}::text[], ${parts.map((p) => p[0])}::text[], ${parts.map((p) => p[1] || null)}::date[]) AS k(key, kind, from_day)
        JOIN category_counts c ON c.kind = k.kind AND (k.from_day IS NULL OR c.until >= k.from_day)
        GROUP BY k.key, c.category_id) per_category
      GROUP BY key) per_key`.execute(db);
  const found = rows[0]?.counts ?? {};
  return new Map(keys.map((k) => [k, new Map(Object.entries(found[k] ?? {}).map(([id, [direct, tree]]) => [Number(id), { direct, tree }]))]));
}

/**
 * Records of a kind in a category (tree: in it or a descendant, each record once), from the
 * count table; the count fields of all categories and kinds of a request are read in one query.
 * `upcomingFrom` ("YYYY-MM-DD") counts only records upcoming on that day (kinds with `until`).
 */
export async function categoryCount(ctx: GraphQLContext, kind: string, categoryId: number, opts: { tree?: boolean; upcomingFrom?: string } = {}): Promise<number> {
  const counts = await batchLoad(ctx, 'category-counts', (keys: string[]) => fetchCounts(ctx.db, keys), `${kind}|${opts.upcomingFrom ?? ''}`);
  const c = counts?.get(categoryId);
  return c ? (opts.tree ? c.tree : c.direct) : 0;
}
