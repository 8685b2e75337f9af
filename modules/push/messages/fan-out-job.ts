import { sql, type Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../../../core/jobs/job-queue.ts';
import { FAN_OUT_JOB } from './message.ts';
import { channelsOf, fanOutPage, type Channel, type MessageRow } from './recipients.ts';
import { countBatches } from './delivery-log.ts';

export const SEND_JOB = 'push.send';

/** Recipients per page of fan-out, and per send job: small enough for one request burst, large enough to keep queue overhead low. */
export const PAGE_SIZE = 2000;

export type SendBatch = { messageId: number; channel: Channel; from: number; to: number };

export function enqueueSend(db: Kysely<any>, batch: SendBatch, runAt?: Date): Promise<void> {
  return enqueueJob(db, { name: SEND_JOB, payload: batch, runAt, dedupeKey: `${SEND_JOB}:${batch.messageId}:${batch.channel}:${batch.from}` });
}

/**
 * Fans a message out when it is due: page by page, pending delivery rows for the matching
 * recipients and a send job for each page, in one transaction per page — so a crash leaves no
 * rows without their job, and a retry resumes without inserting anyone twice.
 */
export const fanOutJob: JobHandler = async ({ db, payload }) => {
  const m = (await db
    .selectFrom('push_messages')
    .selectAll()
    .select(sql<boolean>`send_at > now()`.as('early'))
    .where('id', '=', payload.messageId)
    .executeTakeFirst()) as (MessageRow & { early: boolean }) | undefined;
  if (!m || m.status === 'cancelled' || m.fanned_out_at) return;
  // Moved to a later time after this job was queued.
  if (m.early) return enqueueJob(db, { name: FAN_OUT_JOB, payload, runAt: new Date(m.send_at), dedupeKey: `${FAN_OUT_JOB}:${m.id}` });
  // Cancelled since it was read: stop. (A retried fan-out finds it sending already and goes on.)
  const started = await db.updateTable('push_messages').set({ status: 'sending' }).where('id', '=', m.id).where('status', 'in', ['queued', 'sending']).returning('id').executeTakeFirst();
  if (!started) return;
  for (const channel of channelsOf(m)) {
    let after = 0;
    for (;;) {
      const page = await db.transaction().execute(async (trx) => {
        const p = await fanOutPage(trx, m, channel, after, PAGE_SIZE);
        if (p.firstDeliveryId !== null && p.lastDeliveryId !== null) {
          await enqueueSend(trx, { messageId: m.id, channel, from: p.firstDeliveryId, to: p.lastDeliveryId });
          await countBatches(trx, m.id, { opened: 1 });
        }
        return p;
      });
      if (page.lastRecipientId === null) break;
      after = page.lastRecipientId;
    }
  }
  await countBatches(db, m.id, { fannedOut: true });
};
