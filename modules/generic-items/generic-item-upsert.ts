import type { Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import { canModifyRecord } from '../../core/auth/principal.ts';
import { forbidden, notFound, validationError } from '../../core/errors.ts';
import { enqueueJob } from '../../core/jobs/job-queue.ts';
import { emitEvent } from '../../core/events/module-events.ts';
import { contentHash, md5 } from '../../lib/checksum.ts';
import { idArg } from '../../lib/list-args.ts';
import { assignPartIds } from '../content-parts/parts.ts';
import { categoryIdsForNames } from '../categories/category-store.ts';
import { type CreateGenericItemArgs, type GenericItemInput, type ParsedItem, parseItemTree } from './generic-item-input.ts';

export const RELEASE_JOB = 'generic-items.release';

/** Sub-resource columns (jsonb, docs/decisions/003). */
const PART_COLUMNS = [
  'accessibility_informations',
  'addresses',
  'companies',
  'contacts',
  'content_blocks',
  'dates',
  'locations',
  'media_contents',
  'opening_hours',
  'price_informations',
  'web_urls',
] as const;

/** The mainserver's import key of a generic item: the external id, else MD5 of title and publishedAt as sent (§4.3). */
export function importKey(input: GenericItemInput): string {
  if (input.externalId) return input.externalId;
  return md5(input.title ?? '', input.publishedAt ?? '');
}

/** What decides whether a re-sent item changed: its own input (not its children) and its parent. */
function inputHash(item: ParsedItem, parentId: number | null): string {
  const { genericItems: _children, forceCreate: _force, ...own } = item.input as CreateGenericItemArgs;
  delete own.id;
  return contentHash({ own, parentId });
}

/**
 * createGenericItem: validates the whole tree first, then upserts it item by item, each by the
 * rules of §4.3 — the root by id if given; otherwise, unless forceCreate, an earlier import of
 * the same provider with the same key (externalId, else MD5 of title and publishedAt) is reused:
 * unchanged input only touches it, changed input replaces it (all nested data, categories);
 * else a new item is created. Children get their parent link; children sent earlier but not
 * now stay (they are items of their own, as in the mainserver). Runs inside the mutation's
 * transaction, so a failure anywhere leaves nothing behind. Returns the root's id.
 */
export async function upsertGenericItem(db: Kysely<any>, caller: AccountPrincipal, args: CreateGenericItemArgs): Promise<number> {
  const now = new Date();
  const tree = parseItemTree(args, now);
  const written = new Set<number>();

  let rootId: number | null = null;
  if (args.id !== undefined && args.id !== null) {
    const id = idArg(args.id);
    if (id === null) throw validationError('Invalid input: id must be a positive whole number.');
    const row = await db.selectFrom('generic_items').select(['id', 'data_provider_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Generic item ${id} does not exist.`);
    if (!canModifyRecord(caller, row.data_provider_id)) throw forbidden();
    rootId = row.id;
  }

  /** `targetId`: update this item (the root, by id); else look for an earlier import. */
  const upsert = async (item: ParsedItem, parentId: number | null, targetId: number | null): Promise<number> => {
    const isRoot = item.path === '';
    const hash = inputHash(item, isRoot ? null : parentId);
    const key = importKey(item.input);
    const providerId = caller.dataProviderId;
    let id: number | null = targetId;
    let unchanged = false;

    if (targetId === null && !item.input.forceCreate) {
      const previous = await db
        .selectFrom('generic_items')
        .select(['id', 'import_hash'])
        .where('import_key', '=', key)
        .where((eb) => (providerId === null ? eb('data_provider_id', 'is', null) : eb('data_provider_id', '=', providerId)))
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (previous) {
        id = previous.id;
        unchanged = previous.import_hash === hash;
      }
    }
    if (id !== null && written.has(id)) {
      const where = isRoot ? 'the item' : item.path;
      throw validationError(`Invalid input: ${where} matches another item of this request (same externalId, or same title and publishedAt); give it its own externalId or forceCreate.`);
    }

    if (unchanged && id !== null) {
      await db.updateTable('generic_items').set({ import_touched_at: now }).where('id', '=', id).execute();
    } else {
      const v = item.values;
      const parts = await assignPartIds(db, Object.fromEntries(PART_COLUMNS.map((k) => [k, v[k]])) as Pick<typeof v, (typeof PART_COLUMNS)[number]>);
      const released = v.published_at <= now;
      const row: Record<string, unknown> = {
        ...v,
        // (assignPartIds numbers the wrapper object too: take only the part columns)
        ...Object.fromEntries(PART_COLUMNS.map((k) => [k, JSON.stringify(parts[k])])),
        released,
        import_key: key,
        import_hash: hash,
        import_touched_at: now,
        updated_at: now,
      };
      // The request's root keeps the place it has in a tree; children hang under the item sent above them.
      if (!isRoot) row.parent_id = parentId;
      if (id === null) {
        const created = await db
          .insertInto('generic_items')
          .values({ ...row, parent_id: parentId, data_provider_id: providerId, visible: true, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = created.id as number;
        // Other modules take up what they handle (the defects inbox files a DefectReport) without this one knowing them.
        if (isRoot) await emitEvent(db, 'generic-item.created', { genericItemId: id, genericType: String(v.generic_type ?? '') });
      } else {
        await db.updateTable('generic_items').set(row).where('id', '=', id).execute();
        await db.deleteFrom('generic_item_categories').where('generic_item_id', '=', id).execute();
      }
      const categoryIds = await categoryIdsForNames(db, item.categoryNames);
      if (categoryIds.length) await db.insertInto('generic_item_categories').values(categoryIds.map((category_id) => ({ generic_item_id: id, category_id }))).execute();
      if (!released) await enqueueJob(db, { name: RELEASE_JOB, payload: { genericItemId: id }, runAt: v.published_at, dedupeKey: `${RELEASE_JOB}:${id}` });
    }
    written.add(id!);
    for (const child of item.children) await upsert(child, id!, null);
    return id!;
  };

  return upsert(tree, null, rootId);
}
