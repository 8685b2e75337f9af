import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { expoContext, fetchExpoReceipts } from '../expo/expo-client.ts';
import { expoOutcome } from '../expo/expo-outcome.ts';
import { recordResults, type DeliveryResult } from './delivery-log.ts';
import { removeExpoDevices } from './remove-recipients.ts';
import type { SendBatch } from './fan-out-job.ts';

/**
 * What Apple and Google said about a send job's accepted messages: a device no longer registered
 * is removed (its delivery says so), other refusals are recorded as failed. No receipt (yet): stays sent.
 */
export const expoReceiptsJob: JobHandler = async ({ db, config, payload }) => {
  const batch = payload as SendBatch;
  const sent = await db
    .selectFrom('push_deliveries')
    .select(['id', 'recipient', 'expo_ticket_id'])
    .where('message_id', '=', batch.messageId)
    .where('channel', '=', 'expo')
    .where('id', '>=', batch.from)
    .where('id', '<=', batch.to)
    .where('status', '=', 'sent')
    .where('expo_ticket_id', 'is not', null)
    .execute();
  if (!sent.length) return;
  const receipts = await fetchExpoReceipts(expoContext(config.push, db), sent.map((d) => d.expo_ticket_id));
  const results: DeliveryResult[] = [];
  const gone: string[] = [];
  for (const d of sent) {
    const receipt = receipts.get(d.expo_ticket_id);
    if (!receipt || receipt.status === 'ok') continue;
    const removed = expoOutcome(receipt) === 'removed';
    if (removed) gone.push(d.recipient);
    results.push({ id: Number(d.id), status: removed ? 'removed' : 'failed', error: receipt.message });
  }
  await removeExpoDevices(db, gone);
  await recordResults(db, results);
};
