import type { Kysely } from 'kysely';
import { retryDelayMs } from '../../../core/jobs/job-queue.ts';
import { enqueueSend, type SendBatch } from './fan-out-job.ts';
import { countBatches, recordResults, type DeliveryResult } from './delivery-log.ts';
import type { MessageRow } from './recipients.ts';

/** Sending attempts per delivery before a passing failure (429, 5xx, no answer) counts as failed. */
export const MAX_ATTEMPTS = 5;

export async function loadMessage(db: Kysely<any>, id: number): Promise<MessageRow | undefined> {
  return (await db.selectFrom('push_messages').selectAll().where('id', '=', id).executeTakeFirst()) as MessageRow | undefined;
}

/**
 * Records a batch's outcomes. Deliveries that may succeed later are sent again by the same job,
 * queued after a back-off (the longest asked for, e.g. by Retry-After), until their last attempt.
 */
export async function settleBatch(db: Kysely<any>, batch: SendBatch, attempts: Map<number, number>, results: DeliveryResult[], retryAfterMs = 0): Promise<void> {
  let retrying = 0;
  const settled = results.map((r): DeliveryResult => {
    if (r.status !== 'retry') return r;
    if ((attempts.get(r.id) ?? MAX_ATTEMPTS) >= MAX_ATTEMPTS) return { ...r, status: 'failed' };
    retrying++;
    return r;
  });
  await recordResults(db, settled);
  if (retrying) {
    const worst = Math.max(...[...attempts.values()].filter((a) => a < MAX_ATTEMPTS));
    await enqueueSend(db, batch, new Date(Date.now() + Math.max(retryDelayMs(worst), retryAfterMs)));
  } else await countBatches(db, batch.messageId, { closed: 1 });
}
