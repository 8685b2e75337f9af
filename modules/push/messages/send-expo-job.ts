import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';
import { expoContext, ExpoRequestError, sendExpoBatch } from '../expo/expo-client.ts';
import { expoOutcome } from '../expo/expo-outcome.ts';
import { EXPO_SEND_LIMIT, type ExpoMessage } from '../expo/expo-wire.ts';
import { claimDeliveries, type DeliveryResult } from './delivery-log.ts';
import { loadMessage, settleBatch } from './send-batch.ts';
import type { SendBatch } from './fan-out-job.ts';
import { removeExpoDevices } from './remove-recipients.ts';

export const EXPO_RECEIPTS_JOB = 'push.expo-receipts';
/** Expo keeps receipts for a day and advises asking after about 15 minutes. */
export const RECEIPT_DELAY_MS = 15 * 60_000;

/** A send job's Expo deliveries: requests of 100 through the client (rate gate, 429 back-off), tickets recorded. */
export async function sendExpoDeliveries(ctx: Parameters<JobHandler>[0], batch: SendBatch): Promise<void> {
  const { db, config } = ctx;
  const m = await loadMessage(db, batch.messageId);
  if (!m) return;
  const claimed = await claimDeliveries(db, batch.messageId, 'expo', batch.from, batch.to);
  const expo = expoContext(config.push, db);
  // The page's requests go out together (at most 5 of 100); the rate gate paces them.
  const chunks = Array.from({ length: Math.ceil(claimed.length / EXPO_SEND_LIMIT) }, (_, i) => claimed.slice(i * EXPO_SEND_LIMIT, (i + 1) * EXPO_SEND_LIMIT));
  const outcomes = await Promise.all(
    chunks.map(async (chunk): Promise<DeliveryResult[]> => {
      const messages: ExpoMessage[] = chunk.map((d) => ({ to: d.recipient, title: m.title, body: m.body, data: m.data, sound: 'default', priority: 'high' }));
      try {
        const tickets = await sendExpoBatch(expo, messages);
        return tickets.map((t, k) => ({ id: chunk[k]!.id, status: expoOutcome(t), error: t.status === 'error' ? t.message : null, ticket: t.status === 'ok' ? t.id : null }));
      } catch (err) {
        if (!(err instanceof ExpoRequestError)) throw err;
        return chunk.map((d) => ({ id: d.id, status: err.retryable ? 'retry' : 'failed', error: err.message }));
      }
    }),
  );
  const results = outcomes.flat();
  const tokenOf = new Map(claimed.map((d) => [d.id, d.recipient]));
  await removeExpoDevices(db, results.filter((r) => r.status === 'removed').map((r) => tokenOf.get(r.id)!));
  await settleBatch(db, batch, new Map(claimed.map((d) => [d.id, d.attempts])), results);
  if (results.some((r) => r.ticket)) {
    await enqueueJob(db, { name: EXPO_RECEIPTS_JOB, payload: batch, runAt: new Date(Date.now() + RECEIPT_DELAY_MS), dedupeKey: `${EXPO_RECEIPTS_JOB}:${batch.messageId}:${batch.from}` });
  }
}
