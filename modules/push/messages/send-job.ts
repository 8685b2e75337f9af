import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import type { SendBatch } from './fan-out-job.ts';
import { sendExpoDeliveries } from './send-expo-job.ts';
import { sendWebDeliveries } from './send-web-job.ts';

/** A page of a message's deliveries on one channel. */
export const sendJob: JobHandler = async (ctx) => {
  const batch = ctx.payload as SendBatch;
  await (batch.channel === 'expo' ? sendExpoDeliveries(ctx, batch) : sendWebDeliveries(ctx, batch));
};
