import { sql, type Kysely } from 'kysely';

export type DeliveryStatus = 'pending' | 'sending' | 'retry' | 'sent' | 'failed' | 'removed';

/** What became of one delivery; `ticket`: the Expo push ticket whose receipt is fetched later. */
export type DeliveryResult = { id: number; status: Exclude<DeliveryStatus, 'pending' | 'sending'>; error?: string | null; ticket?: string | null };

/**
 * Claims a send job's deliveries that still need sending and marks them "sending" before any
 * request goes out: a delivery whose job dies mid-request stays "sending" and is never sent
 * again — each device gets a message at most once.
 */
export async function claimDeliveries(db: Kysely<any>, messageId: number, channel: string, from: number, to: number): Promise<{ id: number; recipient: string; attempts: number }[]> {
  const rows = await db
    .updateTable('push_deliveries')
    .set({ status: 'sending', attempts: sql`attempts + 1`, updated_at: sql`now()` })
    .where('message_id', '=', messageId)
    .where('channel', '=', channel)
    .where('id', '>=', from)
    .where('id', '<=', to)
    .where('status', 'in', ['pending', 'retry'])
    .returning(['id', 'recipient', 'attempts'])
    .execute();
  return rows.map((r) => ({ id: Number(r.id), recipient: r.recipient, attempts: Number(r.attempts) }));
}

/** Writes the outcomes of a batch in one statement. */
export async function recordResults(db: Kysely<any>, results: DeliveryResult[]): Promise<void> {
  if (!results.length) return;
  await sql`UPDATE push_deliveries d SET status = v.status, error = v.error, expo_ticket_id = coalesce(v.ticket, d.expo_ticket_id), updated_at = now()
    FROM unnest(${results.map((r) => r.id)}::bigint[], ${results.map((r) => r.status)}::text[], ${results.map((r) => r.error ?? null)}::text[], ${results.map((r) => r.ticket ?? null)}::text[]) AS v(id, status, error, ticket)
    WHERE d.id = v.id`.execute(db);
}

/**
 * A message is done when it is fanned out and none of its send jobs is open: fan-out counts each
 * job it queues (`opened`), a send job that settles without retries closes one (`closed`) — a
 * counter, so no delivery row is read to find out.
 */
export async function countBatches(db: Kysely<any>, messageId: number, change: { opened?: number; closed?: number; fannedOut?: boolean }): Promise<void> {
  const open = sql`greatest(0, open_batches + ${change.opened ?? 0} - ${change.closed ?? 0})`;
  const fannedOut = change.fannedOut ? sql`now()` : sql`fanned_out_at`;
  await sql`UPDATE push_messages SET open_batches = ${open}, fanned_out_at = ${fannedOut},
    status = CASE WHEN status = 'sending' AND ${fannedOut} IS NOT NULL AND ${open} = 0 THEN 'done' ELSE status END
    WHERE id = ${messageId}`.execute(db);
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

/** Deliveries per status, for the studio's log. */
export async function deliveryCounts(db: Kysely<any>, messageIds: number[]): Promise<Map<number, DeliveryCounts>> {
  const out = new Map<number, DeliveryCounts>();
  if (!messageIds.length) return out;
  const rows = await db
    .selectFrom('push_deliveries')
    .select(['message_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('message_id', 'in', messageIds)
    .groupBy(['message_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.message_id) ?? { pending: 0, sending: 0, retry: 0, sent: 0, failed: 0, removed: 0 };
    counts[r.status as DeliveryStatus] = Number(r.n);
    out.set(r.message_id, counts);
  }
  return out;
}
