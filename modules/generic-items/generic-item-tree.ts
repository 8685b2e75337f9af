import { sql, type Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import type { TreeChoice } from '../../core/registry/content-editor.ts';
import { canModifyRecord } from '../../core/auth/principal.ts';
import { forbidden, notFound, validationError } from '../../core/errors.ts';
import { MAX_LEVELS } from './generic-item-input.ts';

/** Far more hops than MAX_LEVELS allows: stops the walks below should the data ever hold a loop. */
const MAX_HOPS = 20;

/** A possible parent as the studio's form offers it (kind = genericType). */
export type TreeItem = TreeChoice & { parentId: number | null };

/** The item and everything below it, with each one's level under the item (1 = the item). */
async function subtree(db: Kysely<any>, id: number): Promise<Map<number, number>> {
  const rows = await sql<{ id: number; level: number }>`
    WITH RECURSIVE below(id, level) AS (
      SELECT id, 1 FROM generic_items WHERE id = ${id}
      UNION ALL
      SELECT g.id, below.level + 1 FROM generic_items g JOIN below ON g.parent_id = below.id WHERE below.level < ${MAX_HOPS}
    )
    SELECT id, level FROM below`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.id), Number(r.level)]));
}

/** Levels an item occupies with its descendants: 1 for an item without children. */
const heightOf = (below: Map<number, number>) => Math.max(1, ...below.values());

/** The item's level in the tree: 1 at the top. */
async function levelOf(db: Kysely<any>, id: number): Promise<number> {
  const row = await sql<{ level: number }>`
    WITH RECURSIVE above(id, level) AS (
      SELECT parent_id, 1 FROM generic_items WHERE id = ${id}
      UNION ALL
      SELECT g.parent_id, above.level + 1 FROM generic_items g JOIN above ON g.id = above.id WHERE above.level < ${MAX_HOPS}
    )
    SELECT count(*)::int AS level FROM above`.execute(db);
  return Number(row.rows[0]?.level ?? 1);
}

/**
 * The items `id` (null: a new item) may be put under, in tree order (each followed by its
 * children): not itself or anything below it, never deeper than MAX_LEVELS with its own children,
 * and only items the caller may change — adding a child changes its parent's children.
 */
export async function parentCandidates(db: Kysely<any>, caller: AccountPrincipal, id: number | null): Promise<TreeItem[]> {
  const below = id === null ? new Map<number, number>() : await subtree(db, id);
  const deepest = MAX_LEVELS - (id === null ? 1 : heightOf(below));
  if (deepest < 1) return [];
  const rows = await sql<{ id: number; title: string | null; generic_type: string | null; parent_id: number | null; data_provider_id: number | null; level: number }>`
    WITH RECURSIVE tree(id, level) AS (
      SELECT id, 1 FROM generic_items WHERE parent_id IS NULL
      UNION ALL
      SELECT g.id, tree.level + 1 FROM generic_items g JOIN tree ON g.parent_id = tree.id WHERE tree.level < ${deepest}
    )
    SELECT g.id, g.title, g.generic_type, g.parent_id, g.data_provider_id, tree.level FROM tree JOIN generic_items g ON g.id = tree.id
    ORDER BY lower(coalesce(g.title, '')), g.id`.execute(db);
  const items = rows.rows
    .filter((r) => !below.has(Number(r.id)) && canModifyRecord(caller, r.data_provider_id))
    .map((r): TreeItem => ({ id: Number(r.id), title: r.title ?? '', kind: r.generic_type ?? '', parentId: r.parent_id, level: Number(r.level) }));
  // An item whose parent is not offered (another provider's) starts a branch of its own.
  const offered = new Set(items.map((i) => i.id));
  const childrenOf = new Map<number | null, TreeItem[]>();
  for (const item of items) {
    const key = item.parentId !== null && offered.has(item.parentId) ? item.parentId : null;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), item]);
  }
  const ordered: TreeItem[] = [];
  const visit = (parent: number | null) => {
    for (const item of childrenOf.get(parent) ?? []) {
      ordered.push(item);
      visit(item.id);
    }
  };
  visit(null);
  return ordered;
}

/**
 * Puts an item under another one (null: at the top), with the tree's rules: the parent exists
 * here and the caller may change it, the item does not end up under itself, and the tree stays
 * within MAX_LEVELS levels. Tree changes of a tenant are serialised, so two moves at once cannot
 * make a loop. Runs in the caller's transaction.
 */
export async function moveGenericItem(db: Kysely<any>, caller: AccountPrincipal, id: number, parentId: number | null): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('generic_items_tree'))`.execute(db);
  const item = await db.selectFrom('generic_items').select(['parent_id']).where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound(`Generic item ${id} does not exist.`);
  if ((item.parent_id ?? null) === parentId) return;
  if (parentId !== null) {
    const parent = await db.selectFrom('generic_items').select(['data_provider_id']).where('id', '=', parentId).executeTakeFirst();
    if (!parent) throw validationError(`Invalid input: the parent generic item ${parentId} does not exist.`);
    if (!canModifyRecord(caller, parent.data_provider_id ?? null)) throw forbidden();
    const below = await subtree(db, id);
    if (below.has(parentId)) throw validationError('Invalid input: a generic item cannot be placed under itself or one of its own children.');
    if ((await levelOf(db, parentId)) + heightOf(below) > MAX_LEVELS) {
      throw validationError(`Invalid input: generic items nest at most ${MAX_LEVELS} levels deep (item, children, grandchildren).`);
    }
  }
  await db.updateTable('generic_items').set({ parent_id: parentId, updated_at: new Date() }).where('id', '=', id).execute();
}
