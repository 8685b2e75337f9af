import { sql, type Kysely } from 'kysely';
import { unprocessable } from '../../core/errors.ts';
import type { Change, Subscribe, SubscriptionKey } from './web-push-input.ts';

/** A row of push_web_subscriptions, as far as the app sees it. */
export type WebPushSubscription = { endpoint: string; category_ids: number[]; language: string };

const shown = ['endpoint', 'category_ids', 'language'] as const;

/** Refuses category ids the tenant does not have (422 naming them). */
export async function checkCategoryIds(db: Kysely<any>, ids: number[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const found = new Set((await db.selectFrom('categories').select('id').where('id', 'in', ids).execute()).map((r) => r.id as number));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) throw unprocessable(`Invalid input: categoryIds: unknown categories ${unknown.join(', ')}.`, { field: 'categoryIds' });
}

/**
 * Creates the subscription, or — the same endpoint and keys again — stores the new choices.
 * `row` is null when the endpoint is registered with other keys: nothing is changed then.
 */
export async function subscribe(db: Kysely<any>, s: Subscribe): Promise<{ row: WebPushSubscription | null; created: boolean }> {
  const row = await db
    .insertInto('push_web_subscriptions')
    .values({ endpoint: s.endpoint, p256dh: s.keys.p256dh, auth: s.keys.auth, category_ids: s.categoryIds, language: s.language })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'endpoint'])
        .doUpdateSet({ category_ids: sql`excluded.category_ids`, language: sql`excluded.language`, updated_at: sql`now()` })
        .where('push_web_subscriptions.auth', '=', s.keys.auth)
        .where('push_web_subscriptions.p256dh', '=', s.keys.p256dh),
    )
    // xmax is 0 for a row this statement inserted, set for one it updated.
    .returning([...shown, sql<boolean>`xmax = 0`.as('created')])
    .executeTakeFirst();
  if (!row) return { row: null, created: false };
  const { created, ...rest } = row as WebPushSubscription & { created: boolean };
  return { row: rest, created };
}

/** Changes the chosen categories and/or language; null when endpoint and auth match no subscription. */
export async function changeSubscription(db: Kysely<any>, c: Change): Promise<WebPushSubscription | null> {
  const set = { ...(c.categoryIds ? { category_ids: c.categoryIds } : {}), ...(c.language ? { language: c.language } : {}) };
  const row = await db
    .updateTable('push_web_subscriptions')
    .set({ ...set, updated_at: sql`now()` })
    .where('endpoint', '=', c.endpoint)
    .where('auth', '=', c.keys.auth)
    .returning(shown)
    .executeTakeFirst();
  return (row as WebPushSubscription | undefined) ?? null;
}

export async function unsubscribe(db: Kysely<any>, k: SubscriptionKey): Promise<boolean> {
  const rows = await db.deleteFrom('push_web_subscriptions').where('endpoint', '=', k.endpoint).where('auth', '=', k.keys.auth).returning('id').execute();
  return rows.length > 0;
}
