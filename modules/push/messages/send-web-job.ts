import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { vapidKeys } from '../vapid-keys.ts';
import { vapidSubject } from '../web/vapid-authorization.ts';
import { createWebPushSender, type WebPushTarget } from '../web/web-push-sender.ts';
import { webPushPayload } from '../web/web-push-payload.ts';
import { claimDeliveries, type DeliveryResult } from './delivery-log.ts';
import { loadMessage, settleBatch } from './send-batch.ts';
import { removeWebSubscriptions } from './remove-recipients.ts';
import type { SendBatch } from './fan-out-job.ts';

/** Push services keep an undelivered message a day (a browser offline overnight still gets it); warnings go urgent. */
const TTL_SECONDS = 24 * 60 * 60;
/** Requests in flight per send job: keeps the CPU busy encrypting while answers travel. */
const CONCURRENCY = 50;

/** The Web Push sender of a tenant: its VAPID keys and subject. */
export async function senderFor(db: Kysely<any>, tenantId: number, config: Parameters<JobHandler>[0]['config']) {
  const tenant = await db.selectFrom('tenants').select(['slug', 'domains']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  return createWebPushSender({ vapid: { keys: await vapidKeys(db), subject: vapidSubject(config.push, tenant) } });
}

/**
 * A send job's Web Push deliveries. The subscription is read again now: one ended since the
 * fan-out is not sent to. 404/410 removes the subscription; 429, 5xx and no answer retry later.
 */
export async function sendWebDeliveries(ctx: Parameters<JobHandler>[0], batch: SendBatch): Promise<void> {
  const { db, config, tenantId } = ctx;
  const m = await loadMessage(db, batch.messageId);
  if (!m || tenantId === null) return;
  const claimed = await claimDeliveries(db, batch.messageId, 'web', batch.from, batch.to);
  // A job run again after a crash finds its rows taken: it only closes its batch.
  if (!claimed.length) return settleBatch(db, batch, new Map(), []);
  const subs = await db
    .selectFrom('push_web_subscriptions')
    .select(['endpoint', 'p256dh', 'auth'])
    .where('endpoint', 'in', claimed.map((d) => d.recipient))
    .execute();
  const byEndpoint = new Map<string, WebPushTarget>(subs.map((s) => [s.endpoint, s]));
  const targets = claimed.filter((d) => byEndpoint.has(d.recipient));
  const payload = webPushPayload({ title: m.title, body: m.body, url: m.url ?? '/', tag: `push-${m.id}`, lang: 'de' });
  const sender = await senderFor(db, tenantId, config);
  const sent = await sender.sendAll(targets.map((d) => byEndpoint.get(d.recipient)!), () => payload, { ttl: TTL_SECONDS, urgency: m.mowas_regional_keys.length ? 'high' : 'normal' }, CONCURRENCY);

  const results: DeliveryResult[] = claimed.filter((d) => !byEndpoint.has(d.recipient)).map((d) => ({ id: d.id, status: 'failed', error: 'the subscription ended before sending' }));
  let retryAfter = 0;
  targets.forEach((d, i) => {
    const r = sent[i]!;
    results.push({ id: d.id, status: r.outcome, error: r.outcome === 'sent' ? null : (r.error ?? `HTTP ${r.status}`) });
    if (r.retryAfterMs) retryAfter = Math.max(retryAfter, r.retryAfterMs);
  });
  const endpointsWith = (outcome: string) => targets.filter((_, i) => sent[i]!.outcome === outcome).map((d) => d.recipient);
  await removeWebSubscriptions(db, endpointsWith('removed'));
  const delivered = endpointsWith('sent');
  // A day's precision is enough to tell live subscriptions from dead ones, and spares a write per delivery.
  if (delivered.length) {
    await db
      .updateTable('push_web_subscriptions')
      .set({ last_success_at: sql`now()` })
      .where('endpoint', 'in', delivered)
      .where((eb) => eb.or([eb('last_success_at', 'is', null), eb('last_success_at', '<', sql<Date>`now() - interval '1 day'`)]))
      .execute();
  }
  await settleBatch(db, batch, new Map(claimed.map((d) => [d.id, d.attempts])), results, retryAfter);
}
