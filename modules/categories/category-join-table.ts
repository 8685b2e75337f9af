import { sql, type Kysely } from 'kysely';
import { makeTenantOwned, tenantIdColumn } from '../../core/db/tenant-table.ts';

/**
 * The link table between a content table and categories (e.g. news_item_categories), as every
 * content module has one: cascading deletes on both sides, an index for "records of a category".
 * `ordered` adds a position keeping the order categories were sent in (the deprecated singular
 * `category` field is the first one).
 */
export async function createCategoryJoinTable(db: Kysely<any>, opts: { table: string; owner: string; ownerColumn: string; ordered?: boolean }): Promise<void> {
  const { table, owner, ownerColumn } = opts;
  await sql`CREATE TABLE ${sql.id(table)} (
    ${sql.id(ownerColumn)} integer NOT NULL REFERENCES ${sql.id(owner)}(id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    ${opts.ordered ? sql`position integer NOT NULL DEFAULT 0,` : sql``}
    ${tenantIdColumn},
    PRIMARY KEY (${sql.id(ownerColumn)}, category_id))`.execute(db);
  await sql`CREATE INDEX ${sql.id(`${table}_category`)} ON ${sql.id(table)} (category_id, ${sql.id(ownerColumn)})`.execute(db);
  await makeTenantOwned(db, table);
}
