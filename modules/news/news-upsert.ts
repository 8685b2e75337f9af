import type { Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import { canModifyRecord } from '../../core/auth/principal.ts';
import { forbidden, notFound, validationError } from '../../core/errors.ts';
import { enqueueJob } from '../../core/jobs/job-queue.ts';
import { contentHash, md5 } from '../../lib/checksum.ts';
import { idArg } from '../../lib/list-args.ts';
import { assignPartIds } from '../content-parts/parts.ts';
import { categoryIdsForNames } from '../categories/category-store.ts';
import { type CreateNewsItemArgs, categoryNamesFrom, newsValuesFrom } from './news-input.ts';

export const RELEASE_JOB = 'news.release';

/**
 * The mainserver's import key: the external id, else MD5 of the first content block's title
 * and publishedAt as sent (reference §4.3).
 */
function importKey(args: CreateNewsItemArgs): string {
  if (args.externalId) return args.externalId;
  const first = args.contentBlocks?.[0] as { title?: string } | undefined;
  return md5(first?.title ?? '', args.publishedAt ?? '');
}

/**
 * createNewsItem: update by id; else, unless forceCreate, find an earlier import with the same
 * key from the same provider — unchanged input only touches it, changed input replaces it;
 * else create. Updates replace all nested data. Runs inside the mutation's transaction.
 */
export async function upsertNewsItem(db: Kysely<any>, caller: AccountPrincipal, args: CreateNewsItemArgs): Promise<number> {
  const now = new Date();
  const values = newsValuesFrom(args, now);
  const categoryNames = categoryNamesFrom(args);
  const hash = contentHash({ values: { ...values, published_at: args.publishedAt ?? null, content_blocks: args.contentBlocks ?? [] }, categoryNames });
  const providerId = caller.dataProviderId;

  let targetId: number | null = null;
  if (args.id !== undefined && args.id !== null) {
    const id = idArg(args.id);
    if (id === null) throw validationError('Invalid input: id must be a positive whole number.');
    const row = await db.selectFrom('news_items').select(['id', 'data_provider_id']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`News item ${id} does not exist.`);
    if (!canModifyRecord(caller, row.data_provider_id)) throw forbidden();
    targetId = row.id;
  } else if (!args.forceCreate) {
    const key = importKey(args);
    const previous = await db
      .selectFrom('news_items')
      .select(['id', 'import_hash'])
      .where('import_key', '=', key)
      .where((eb) => (providerId === null ? eb('data_provider_id', 'is', null) : eb('data_provider_id', '=', providerId)))
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (previous && previous.import_hash === hash) {
      await db.updateTable('news_items').set({ import_touched_at: now }).where('id', '=', previous.id).execute();
      return previous.id;
    }
    targetId = previous?.id ?? null;
  }

  const parts = await assignPartIds(db, { address: values.address, source_url: values.source_url, content_blocks: values.content_blocks });
  const released = values.published_at <= now;
  const row = {
    ...values,
    address: JSON.stringify(parts.address),
    source_url: JSON.stringify(parts.source_url),
    content_blocks: JSON.stringify(parts.content_blocks),
    released,
    import_key: importKey(args),
    import_hash: hash,
    import_touched_at: now,
    updated_at: now,
  };
  let id: number;
  if (targetId === null) {
    const created = await db
      .insertInto('news_items')
      .values({ ...row, data_provider_id: providerId, visible: true, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = created.id;
  } else {
    await db.updateTable('news_items').set(row).where('id', '=', targetId).execute();
    await db.deleteFrom('news_item_categories').where('news_item_id', '=', targetId).execute();
    id = targetId;
  }
  const categoryIds = await categoryIdsForNames(db, categoryNames);
  if (categoryIds.length) await db.insertInto('news_item_categories').values(categoryIds.map((category_id) => ({ news_item_id: id, category_id }))).execute();
  if (!released) await enqueueJob(db, { name: RELEASE_JOB, payload: { newsItemId: id }, runAt: values.published_at, dedupeKey: `${RELEASE_JOB}:${id}` });
  return id;
}
