import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

export const FAN_OUT_JOB = 'push.fan-out';

export type Platform = 'all' | 'native' | 'ios' | 'android' | 'web';

/** Who gets a message. Empty lists mean "no restriction". */
export type MessageTarget = {
  platform: Platform;
  /** Devices that want at least one of these categories (native: not all of them excluded under `categoryTag`). */
  categoryIds: number[];
  categoryTag: string;
  /** Native devices that excluded this data provider are skipped. */
  dataProviderId: number | null;
  /** Native devices that excluded every one of these MoWaS regional keys are skipped. */
  mowasRegionalKeys: string[];
  /** Only the devices following this record (scheduled pushes of a record). */
  followersOf: { type: string; id: number } | null;
};

export type NewMessage = {
  title: string;
  body: string;
  /** The citizen app's page the notification opens. */
  url: string | null;
  /** The native app's notification data (`id`, `query_type`, …). */
  data: Record<string, unknown>;
  target: MessageTarget;
  source: 'studio' | 'api' | 'content' | 'schedule';
  /** One message per cause (a record's publication, a schedule's occurrence): a second one with the same key is not made. */
  sourceKey?: string;
  createdBy?: string;
  /** Later than now: a scheduled message. */
  sendAt?: Date;
};

export const everyone: MessageTarget = { platform: 'all', categoryIds: [], categoryTag: 'news_item', dataProviderId: null, mowasRegionalKeys: [], followersOf: null };

/**
 * Stores a message and queues its fan-out (at `sendAt`); part of the caller's transaction.
 * Returns its id, or null when a message with the same source key exists already.
 */
export async function createMessage(db: Kysely<any>, m: NewMessage): Promise<number | null> {
  const row = await db
    .insertInto('push_messages')
    .values({
      title: m.title,
      body: m.body,
      url: m.url,
      data: JSON.stringify(m.data),
      platform: m.target.platform,
      category_ids: m.target.categoryIds,
      category_tag: m.target.categoryTag,
      data_provider_id: m.target.dataProviderId,
      mowas_regional_keys: m.target.mowasRegionalKeys,
      followers_of_type: m.target.followersOf?.type ?? null,
      followers_of_id: m.target.followersOf?.id ?? null,
      source: m.source,
      source_key: m.sourceKey ?? null,
      created_by: m.createdBy ?? null,
      send_at: m.sendAt ?? new Date(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'source_key']).where('source_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await enqueueJob(db, { name: FAN_OUT_JOB, payload: { messageId: row.id }, runAt: m.sendAt, dedupeKey: `${FAN_OUT_JOB}:${row.id}` });
  return row.id;
}
