import { sql, type Kysely } from 'kysely';
import { deliveryCounts, type DeliveryCounts } from '../messages/delivery-log.ts';
import type { NewMessage } from '../messages/message.ts';
import type { MessageRow } from '../messages/recipients.ts';

/** A message as the studio shows it: the stored row, its delivery counts and whether its time has come. */
export type StudioMessage = MessageRow & {
  source: NewMessage['source'];
  created_by: string | null;
  created_at: Date;
  /** send_at has passed by the database's clock (a queued message is then about to go out). */
  due: boolean;
  counts: DeliveryCounts;
};

const NO_DELIVERIES: DeliveryCounts = { pending: 0, sending: 0, retry: 0, sent: 0, failed: 0, removed: 0 };

function messages(db: Kysely<any>) {
  return db.selectFrom('push_messages').selectAll().select(sql<boolean>`send_at <= now()`.as('due'));
}

async function withCounts(db: Kysely<any>, rows: any[]): Promise<StudioMessage[]> {
  const counts = await deliveryCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, counts: counts.get(r.id) ?? NO_DELIVERIES }));
}

/** One page of the tenant's messages, the latest (or furthest scheduled) first. */
export async function listMessages(db: Kysely<any>, page: number, perPage: number): Promise<{ rows: StudioMessage[]; total: number }> {
  const [rows, total] = await Promise.all([
    messages(db).orderBy('send_at', 'desc').orderBy('id', 'desc').limit(perPage).offset((page - 1) * perPage).execute(),
    db.selectFrom('push_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await withCounts(db, rows), total: Number(total.n) };
}

/** A message of this tenant (row-level security hides the others'). */
export async function findMessage(db: Kysely<any>, id: number): Promise<StudioMessage | null> {
  const row = await messages(db).where('id', '=', id).executeTakeFirst();
  return row ? (await withCounts(db, [row]))[0]! : null;
}

/** Names of the categories and data providers that messages target, for their summaries. */
export type TargetNames = { categories: Map<number, string>; providers: Map<number, string> };

export async function targetNames(db: Kysely<any>, rows: MessageRow[]): Promise<TargetNames> {
  const categoryIds = [...new Set(rows.flatMap((r) => r.category_ids))];
  const providerIds = [...new Set(rows.flatMap((r) => (r.data_provider_id === null ? [] : [r.data_provider_id])))];
  const [categories, providers] = await Promise.all([
    categoryIds.length ? db.selectFrom('categories').select(['id', 'name']).where('id', 'in', categoryIds).execute() : [],
    providerIds.length ? db.selectFrom('data_providers').select(['id', 'name']).where('id', 'in', providerIds).execute() : [],
  ]);
  return { categories: new Map(categories.map((c) => [c.id, c.name])), providers: new Map(providers.map((p) => [p.id, p.name])) };
}

/** A delivery that did not arrive, with the recipient shortened: the full address is the device's secret. */
export type FailedDelivery = { id: number; channel: 'expo' | 'web'; recipient: string; status: 'failed' | 'removed'; error: string | null; attempts: number; updatedAt: Date };

/**
 * "ExponentPushToken[a1b2…]" or "https://push.example.org/…x9y8": enough to tell recipients
 * apart in the log, too little to send to them.
 */
export function shortRecipient(channel: string, recipient: string): string {
  if (channel === 'expo') {
    const m = /^(Expo(?:nent)?PushToken\[)([^\]]*)\]$/.exec(recipient);
    return m ? `${m[1]}${m[2]!.slice(0, 4)}…]` : `${recipient.slice(0, 4)}…`;
  }
  try {
    return `${new URL(recipient).origin}/…${recipient.slice(-4)}`;
  } catch {
    return '…';
  }
}

/** The latest failed and removed deliveries of a message; their total is counts.failed + counts.removed. */
export async function failedDeliveries(db: Kysely<any>, messageId: number, page: number, perPage: number): Promise<FailedDelivery[]> {
  const rows = await db
    .selectFrom('push_deliveries')
    .select(['id', 'channel', 'recipient', 'status', 'error', 'attempts', 'updated_at'])
    .where('message_id', '=', messageId)
    .where('status', 'in', ['failed', 'removed'])
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), channel: r.channel, recipient: shortRecipient(r.channel, r.recipient), status: r.status, error: r.error, attempts: Number(r.attempts), updatedAt: new Date(r.updated_at) }));
}

/** Cancels a message that has not started going out: only a queued one changes; its fan-out job then skips it. */
export async function cancelMessage(db: Kysely<any>, id: number): Promise<boolean> {
  const row = await db.updateTable('push_messages').set({ status: 'cancelled' }).where('id', '=', id).where('status', '=', 'queued').returning('id').executeTakeFirst();
  return !!row;
}
