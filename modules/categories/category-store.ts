import { sql, type Kysely, type RawBuilder } from 'kysely';
import { memo, type GraphQLContext } from '../../core/graphql/context.ts';
import { validationError } from '../../core/errors.ts';

export type CategoryRow = {
  id: number;
  name: string;
  parent_id: number | null;
  icon_name: string | null;
  position: number;
  tag_list: string[];
  contact: unknown;
};

export type CategoryIndex = { byId: Map<number, CategoryRow>; children: Map<number | null, CategoryRow[]> };

const byName = (a: CategoryRow, b: CategoryRow) => a.name.localeCompare(b.name, 'de', { sensitivity: 'base' });

function indexOf(rows: CategoryRow[]): CategoryIndex {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number | null, CategoryRow[]>();
  for (const r of rows) {
    const parent = r.parent_id !== null && byId.has(r.parent_id) ? r.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || byName(a, b));
  return { byId, children };
}

const INDEX_KEY = 'categories:index';

/** All categories of the tenant, loaded once per request: a municipality has tens to hundreds. */
export function categoryIndex(ctx: GraphQLContext): Promise<CategoryIndex> {
  return memo(ctx, INDEX_KEY, async () => indexOf((await ctx.db.selectFrom('categories').selectAll().execute()) as CategoryRow[]));
}

/** Makes `rows`, all categories of the tenant, the request's index (saves reading them again). */
export function useAsCategoryIndex(ctx: GraphQLContext, rows: CategoryRow[]): void {
  void memo(ctx, INDEX_KEY, async () => indexOf(rows));
}

/**
 * SQL: the categories linked to one record as a JSON array of category rows, in link order (as
 * the batch loaders read them). Each category is looked up by id (OFFSET 0 keeps the planner
 * from hashing the whole table per record).
 */
export function categoriesJson(linkTable: string, ownerColumn: string, recordId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(SELECT coalesce(json_agg(c.row ORDER BY l.position, l.category_id), '[]')
    FROM ${sql.table(linkTable)} l CROSS JOIN LATERAL (SELECT c FROM categories c WHERE c.id = l.category_id OFFSET 0) c(row)
    WHERE ${sql.ref(`l.${ownerColumn}`)} = ${recordId})`;
}

/** Ids of a category and all its descendants ("tree" counts). */
export function withDescendants(index: CategoryIndex, id: number): number[] {
  const out: number[] = [];
  const stack = [id];
  while (stack.length) {
    const cur = stack.pop()!;
    if (out.includes(cur)) continue;
    out.push(cur);
    for (const c of index.children.get(cur) ?? []) stack.push(c.id);
  }
  return out;
}

/** "1/5": the ids of the ancestors, root first, as the mainserver's ancestry column. */
export function ancestry(index: CategoryIndex, row: CategoryRow): string | null {
  const path: number[] = [];
  let cur = row.parent_id;
  while (cur !== null && index.byId.has(cur) && !path.includes(cur)) {
    path.unshift(cur);
    cur = index.byId.get(cur)!.parent_id;
  }
  return path.length ? path.join('/') : null;
}

export function categoryTree(index: CategoryIndex): unknown[] {
  const build = (parent: number | null): unknown[] =>
    [...(index.children.get(parent) ?? [])].sort(byName).map((c) => ({ id: c.id, name: c.name, ancestry: ancestry(index, c), children: build(c.id) }));
  return build(null);
}

/**
 * Category names from mutation input (`categoryName`, `categories: [{name}]`) → ids,
 * creating unknown names as the mainserver does.
 */
export async function categoryIdsForNames(db: Kysely<any>, names: Array<string | null | undefined>): Promise<number[]> {
  const wanted = [...new Set(names.map((n) => (n ?? '').trim()).filter(Boolean))];
  if (wanted.length === 0) return [];
  if (wanted.some((n) => n.length > 200)) throw validationError('Invalid input: a category name is longer than 200 characters.');
  if (wanted.length > 100) throw validationError('Invalid input: at most 100 categories per record.');
  await sql`INSERT INTO categories (name) SELECT unnest(${wanted}::text[]) ON CONFLICT (tenant_id, lower(name)) DO NOTHING`.execute(db);
  const rows = await db
    .selectFrom('categories')
    .select('id')
    .where(sql<boolean>`lower(name) = ANY(${wanted.map((n) => n.toLowerCase())}::text[])`)
    .execute();
  return rows.map((r: { id: number }) => r.id);
}
