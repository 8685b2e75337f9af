import { sql, type Kysely } from 'kysely';
import { z } from 'zod';

export type CategoryNode = { id: number; name: string; parentId: number | null; iconName: string | null; position: number; children: CategoryNode[] };

export const CategoryInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  parent: z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
  icon: z.string().trim().max(100).default(''),
});
export type CategoryInput = z.infer<typeof CategoryInputSchema>;

export type CategoryRefusal = 'duplicate' | 'cycle' | 'not-found';

/** The tenant's categories as a tree in their order (position, then name). */
export async function orderedCategoryTree(db: Kysely<any>): Promise<CategoryNode[]> {
  const rows = await db
    .selectFrom('categories as c')
    .select(['c.id', 'c.name', 'c.parent_id', 'c.icon_name', 'c.position'])
    .orderBy('c.position')
    .orderBy(sql`lower(c.name)`)
    .execute();
  const nodes = new Map<number, CategoryNode>(rows.map((r) => [r.id, { id: r.id, name: r.name, parentId: r.parent_id, iconName: r.icon_name, position: r.position, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const n of nodes.values()) (n.parentId !== null && nodes.has(n.parentId) ? nodes.get(n.parentId)!.children : roots).push(n);
  return roots;
}

async function nameTaken(db: Kysely<any>, name: string, except: number | null): Promise<boolean> {
  let q = db.selectFrom('categories').select('id').where(sql`lower(name)`, '=', name.toLowerCase());
  if (except !== null) q = q.where('id', '!=', except);
  return !!(await q.executeTakeFirst());
}

/** Would hanging `id` under `parent` make a category its own ancestor? */
async function makesCycle(db: Kysely<any>, id: number, parent: number | null): Promise<boolean> {
  for (let p = parent, hops = 0; p !== null && hops < 100; hops++) {
    if (p === id) return true;
    p = ((await db.selectFrom('categories').select('parent_id').where('id', '=', p).executeTakeFirst())?.parent_id as number | null | undefined) ?? null;
  }
  return false;
}

const parentExists = async (db: Kysely<any>, parent: number | null) => parent === null || !!(await db.selectFrom('categories').select('id').where('id', '=', parent).executeTakeFirst());

/** A new category at the end of its siblings. */
export async function createCategory(db: Kysely<any>, input: CategoryInput): Promise<{ ok: true; id: number } | { ok: false; reason: CategoryRefusal }> {
  if (await nameTaken(db, input.name, null)) return { ok: false, reason: 'duplicate' };
  if (!(await parentExists(db, input.parent))) return { ok: false, reason: 'not-found' };
  const last = await db.selectFrom('categories').select(sql<number>`coalesce(max(position), -1)`.as('p')).where('parent_id', input.parent === null ? 'is' : '=', input.parent).executeTakeFirstOrThrow();
  const row = await db.insertInto('categories').values({ name: input.name, parent_id: input.parent, icon_name: input.icon || null, position: Number(last.p) + 1 }).returning('id').executeTakeFirstOrThrow();
  return { ok: true, id: row.id };
}

export async function updateCategory(db: Kysely<any>, id: number, input: CategoryInput): Promise<{ ok: true } | { ok: false; reason: CategoryRefusal }> {
  if (!(await db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst())) return { ok: false, reason: 'not-found' };
  if (await nameTaken(db, input.name, id)) return { ok: false, reason: 'duplicate' };
  if (!(await parentExists(db, input.parent))) return { ok: false, reason: 'not-found' };
  if (await makesCycle(db, id, input.parent)) return { ok: false, reason: 'cycle' };
  await db.updateTable('categories').set({ name: input.name, parent_id: input.parent, icon_name: input.icon || null, updated_at: new Date() }).where('id', '=', id).execute();
  return { ok: true };
}

/** Numbers the categories 0…n in the given order. */
const positionsOf = async (db: Kysely<any>, ids: number[]) => {
  for (const [position, id] of ids.entries()) await db.updateTable('categories').set({ position }).where('id', '=', id).execute();
};

/** A parent's subcategories in their order (null: the top level), locked until the transaction ends. */
const childIds = async (db: Kysely<any>, parent: number | null) =>
  (await db.selectFrom('categories').select('id').where('parent_id', parent === null ? 'is' : '=', parent).orderBy('position').orderBy(sql`lower(name)`).forUpdate().execute()).map((r) => r.id as number);

/** Moves a category one place up or down among its siblings (their positions are renumbered 0…n). */
export async function moveCategory(db: Kysely<any>, id: number, direction: 'up' | 'down'): Promise<boolean> {
  const row = await db.selectFrom('categories').select('parent_id').where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  const order = await childIds(db, row.parent_id ?? null);
  const i = order.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
  await positionsOf(db, order);
  return true;
}

export type CategoryOrder = { parent: number | null; order: number[] };
export type ReorderRefusal = 'not-found' | 'stale' | 'cycle';

/**
 * Sets the order of one parent's subcategories (drag and drop): `order` names every current
 * subcategory exactly once, and may add one category from elsewhere, which then moves under this
 * parent (the old siblings close the gap). An order that does not fit the tree as it is now —
 * someone else changed it meanwhile — is refused as stale; ids of other tenants are not found.
 */
export async function reorderCategories(db: Kysely<any>, { parent, order }: CategoryOrder): Promise<{ ok: true; moved: number | null } | { ok: false; reason: ReorderRefusal }> {
  if (new Set(order).size !== order.length) return { ok: false, reason: 'stale' };
  if (!(await parentExists(db, parent))) return { ok: false, reason: 'not-found' };
  const rows = await db.selectFrom('categories').select(['id', 'parent_id']).where('id', 'in', order).forUpdate().execute();
  if (rows.length !== order.length) return { ok: false, reason: 'not-found' };
  const siblings = await childIds(db, parent);
  const newcomers = rows.filter((r) => (r.parent_id ?? null) !== parent);
  if (newcomers.length > 1 || siblings.some((id) => !order.includes(id))) return { ok: false, reason: 'stale' };
  const moved = newcomers[0] ?? null;
  if (moved) {
    if (await makesCycle(db, moved.id, parent)) return { ok: false, reason: 'cycle' };
    await db.updateTable('categories').set({ parent_id: parent, updated_at: new Date() }).where('id', '=', moved.id).execute();
    await positionsOf(db, await childIds(db, moved.parent_id ?? null));
  }
  await positionsOf(db, order);
  return { ok: true, moved: moved?.id ?? null };
}

/** Deletes a category; its subcategories move up to its parent, content keeps its other categories. */
export async function deleteCategory(db: Kysely<any>, id: number): Promise<string | null> {
  const row = await db.selectFrom('categories').select(['name', 'parent_id']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  await db.updateTable('categories').set({ parent_id: row.parent_id }).where('parent_id', '=', id).execute();
  await db.deleteFrom('categories').where('id', '=', id).execute();
  return row.name as string;
}
