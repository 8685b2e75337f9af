import { sql, type Kysely } from 'kysely';
import { makeTenantOwned, tenantIdColumn } from '../../core/db/tenant-table.ts';
import { TENANT_ROLE } from '../../core/db/session-context.ts';

/**
 * Category counts kept up to date by the database (decision 007). Every content type that counts
 * records per category registers a "kind" (category-counts.ts): its link table, owner table and
 * the condition under which a record counts. Triggers on those tables call
 * category_counts_refresh(kind, record ids), which recomputes the memberships of just those
 * records — the categories a record sits in (direct) and, for tree counts, their ancestors — and
 * applies the difference to category_counts. So every writer (upserts, destroyRecord,
 * changeVisibility, release jobs, imports in SQL) keeps the counts right without knowing of them.
 *
 * `until` makes counts time-dependent without a job: a record's membership carries the last day
 * it counts as upcoming (events: their last date's end); "upcoming" counts sum the rows with
 * until >= today, all-time counts sum every row. Kinds without time use 'infinity'.
 */
export async function createCategoryCountTables(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE category_count_kinds (
    kind text PRIMARY KEY,
    link_table regclass NOT NULL,
    owner_table regclass NOT NULL,
    -- the link table's column holding the record id
    owner_column name NOT NULL,
    -- SQL over the owner row "o": the record counts (e.g. o.visible AND o.released)
    public_condition text NOT NULL,
    -- SQL over "o": the last day the record counts as upcoming
    until_expression text NOT NULL DEFAULT '''infinity''::date',
    -- also count records in the ancestors of their categories (each record once per ancestor)
    tree boolean NOT NULL)`.execute(db);
  await sql`GRANT SELECT ON category_count_kinds TO ${sql.id(TENANT_ROLE)}`.execute(db);

  // What is counted now, per record: the base against which a refresh computes the difference.
  await sql`CREATE TABLE category_count_members (
    ${tenantIdColumn},
    kind text NOT NULL,
    record_id integer NOT NULL,
    category_id integer NOT NULL,
    direct boolean NOT NULL,
    until date NOT NULL,
    PRIMARY KEY (kind, record_id, category_id))`.execute(db);
  await makeTenantOwned(db, 'category_count_members');

  await sql`CREATE TABLE category_counts (
    ${tenantIdColumn},
    kind text NOT NULL,
    category_id integer NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    until date NOT NULL,
    -- records linked to the category itself, and to it or one of its descendants
    direct_n integer NOT NULL,
    tree_n integer NOT NULL,
    PRIMARY KEY (tenant_id, kind, category_id, until))`.execute(db);
  await makeTenantOwned(db, 'category_counts');

  // The memberships records should have now ("wanted"), as CTEs for the refresh's statements.
  // Record ids are joined as a set (unnest), never tested with = ANY: a bulk write passes many.
  // Only records of existing tenants: while a tenant is deleted, its rows cascade away in no
  // particular order, and nothing may be inserted for it.
  await sql`CREATE FUNCTION category_counts_wanted(k category_count_kinds) RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT format($w$
      direct AS (
        SELECT l.tenant_id, l.%1$I AS record_id, l.category_id, (%4$s)::date AS until
        FROM unnest($1::integer[]) AS r(id) JOIN %2$s l ON l.%1$I = r.id JOIN %3$s o ON o.id = r.id JOIN tenants t ON t.id = l.tenant_id
        WHERE %5$s),
      up AS (
        SELECT tenant_id, record_id, category_id, true AS direct, until, 0 AS depth FROM direct
        UNION ALL
        SELECT u.tenant_id, u.record_id, c.parent_id, false, u.until, u.depth + 1
        FROM up u JOIN categories c ON c.id = u.category_id
        WHERE %6$s AND c.parent_id IS NOT NULL AND u.depth < 50),
      wanted AS (
        SELECT tenant_id, record_id, category_id, bool_or(direct) AS direct, max(until) AS until
        FROM up GROUP BY tenant_id, record_id, category_id)$w$,
      k.owner_column, k.link_table, k.owner_table, k.until_expression, k.public_condition, k.tree::text) $$`.execute(db);

  // Brings the memberships of these records in line with the data and applies the difference
  // to the counts in one upsert, in key order (concurrent writers lock rows in the same order).
  await sql`CREATE FUNCTION category_counts_refresh(p_kind text, p_ids integer[]) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
      k category_count_kinds;
      g_tenants integer[]; g_categories integer[]; g_untils date[]; g_direct boolean[];
      emptied boolean;
    BEGIN
      IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN RETURN; END IF;
      SELECT * INTO k FROM category_count_kinds WHERE kind = p_kind;
      IF NOT FOUND THEN RETURN; END IF;
      EXECUTE format($a$
        WITH RECURSIVE %s,
        gone AS (
          DELETE FROM category_count_members m
          WHERE m.kind = $2 AND m.record_id IN (SELECT unnest($1::integer[])) AND NOT EXISTS (
            SELECT 1 FROM wanted w WHERE w.record_id = m.record_id AND w.category_id = m.category_id AND w.direct = m.direct AND w.until = m.until)
          RETURNING m.tenant_id, m.category_id, m.until, m.direct)
        SELECT array_agg(tenant_id), array_agg(category_id), array_agg(until), array_agg(direct) FROM gone$a$, category_counts_wanted(k))
        INTO g_tenants, g_categories, g_untils, g_direct USING p_ids, p_kind;
      EXECUTE format($b$
        WITH RECURSIVE %s,
        added AS (
          INSERT INTO category_count_members (tenant_id, kind, record_id, category_id, direct, until)
          SELECT w.tenant_id, $2, w.record_id, w.category_id, w.direct, w.until FROM wanted w
          WHERE NOT EXISTS (SELECT 1 FROM category_count_members m WHERE m.kind = $2 AND m.record_id = w.record_id AND m.category_id = w.category_id)
          RETURNING tenant_id, category_id, until, direct),
        changes AS (
          SELECT tenant_id, category_id, until, direct, 1 AS sign FROM added
          UNION ALL
          SELECT g.tenant_id, g.category_id, g.until, g.direct, -1
          FROM unnest($3::integer[], $4::integer[], $5::date[], $6::boolean[]) AS g(tenant_id, category_id, until, direct)
          WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = g.tenant_id) AND EXISTS (SELECT 1 FROM categories c WHERE c.id = g.category_id)),
        applied AS (
          INSERT INTO category_counts AS c (tenant_id, kind, category_id, until, direct_n, tree_n)
          SELECT tenant_id, $2, category_id, until, coalesce(sum(sign) FILTER (WHERE direct), 0), sum(sign)
          FROM changes GROUP BY tenant_id, category_id, until ORDER BY tenant_id, category_id, until
          ON CONFLICT (tenant_id, kind, category_id, until)
            DO UPDATE SET direct_n = c.direct_n + excluded.direct_n, tree_n = c.tree_n + excluded.tree_n
          RETURNING c.tree_n)
        SELECT coalesce(bool_or(tree_n = 0), false) FROM applied$b$, category_counts_wanted(k))
        INTO emptied USING p_ids, p_kind, g_tenants, g_categories, g_untils, g_direct;
      IF emptied THEN DELETE FROM category_counts WHERE kind = p_kind AND tree_n = 0; END IF;
    END $$`.execute(db);

  // Recomputes a kind's counts of some tenants from scratch (backfill, category tree changes).
  await sql`CREATE FUNCTION category_counts_rebuild(p_kind text, p_tenants integer[]) RETURNS void
    LANGUAGE plpgsql AS $$
    DECLARE
      k category_count_kinds;
      ids integer[];
    BEGIN
      SELECT * INTO k FROM category_count_kinds WHERE kind = p_kind;
      DELETE FROM category_count_members WHERE kind = p_kind AND tenant_id = ANY(p_tenants);
      DELETE FROM category_counts WHERE kind = p_kind AND tenant_id = ANY(p_tenants);
      EXECUTE format('SELECT array_agg(DISTINCT l.%I) FROM %s l WHERE l.tenant_id = ANY($1)', k.owner_column, k.link_table) INTO ids USING p_tenants;
      PERFORM category_counts_refresh(p_kind, ids);
    END $$`.execute(db);

  // Statement triggers of link tables and other tables a kind reads (TG_ARGV: kind, record id column).
  await sql`CREATE FUNCTION category_counts_rows_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE ids integer[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[1]) INTO ids;
      ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[1]) INTO ids;
      ELSE
        EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM new_rows UNION SELECT %1$I FROM old_rows) s', TG_ARGV[1]) INTO ids;
      END IF;
      PERFORM category_counts_refresh(TG_ARGV[0], ids);
      RETURN NULL;
    END $$`.execute(db);

  // Row trigger of an owner table, fired when a column of the kind's condition changed.
  await sql`CREATE FUNCTION category_counts_record_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM category_counts_refresh(TG_ARGV[0], ARRAY[NEW.id]);
      RETURN NULL;
    END $$`.execute(db);

  // A category moved in the tree: the tree counts of its tenant are rebuilt (rare).
  await sql`CREATE FUNCTION category_counts_tree_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    DECLARE
      tenants integer[];
      k text;
    BEGIN
      SELECT array_agg(DISTINCT n.tenant_id) INTO tenants
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN tenants t ON t.id = n.tenant_id
      WHERE n.parent_id IS DISTINCT FROM o.parent_id;
      IF tenants IS NULL THEN RETURN NULL; END IF;
      FOR k IN SELECT kind FROM category_count_kinds WHERE tree LOOP
        PERFORM category_counts_rebuild(k, tenants);
      END LOOP;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER category_counts_tree AFTER UPDATE ON categories REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION category_counts_tree_changed()`.execute(db);
}
