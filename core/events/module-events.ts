import type { Kysely } from 'kysely';
import { enqueueJob, type JobHandler } from '../jobs/job-queue.ts';
import type { Tenant } from '../tenancy/tenant.ts';

/**
 * Modules tell each other what happened without importing each other: an event is a job written
 * in the same transaction as the change it reports, then handed to every module that listens to
 * it (manifest `on`) and is enabled for the tenant — each listener as its own job, retried on its
 * own. Listeners must be idempotent: a job may run again after a crash.
 */
export const EVENT_JOB = 'core.event';

/** A record a municipality marked for announcement (e.g. "send as push") has become public. */
export type ContentAnnounced = {
  recordType: string;
  recordId: number;
  title: string;
  /** Plain text. */
  summary: string;
  dataProviderId: number | null;
  categoryIds: number[];
  /** MoWaS warnings: the regional keys (AGS) the record concerns. */
  regionalKeys: string[];
};

/** A generic item was created through the API (the root of a createGenericItem), e.g. a citizen's DefectReport. */
export type GenericItemCreated = { genericItemId: number; genericType: string };

/** Every event with its payload; a new event is added here. */
export type ModuleEvents = { 'content.announced': ContentAnnounced; 'generic-item.created': GenericItemCreated };
export type EventName = keyof ModuleEvents;

/** Call it with the transaction that makes the change. `dedupeKey`: at most one waiting event per key. */
export async function emitEvent<E extends EventName>(db: Kysely<any>, name: E, payload: ModuleEvents[E], dedupeKey?: string): Promise<void> {
  await enqueueJob(db, { name: EVENT_JOB, payload: { event: name, payload }, dedupeKey: dedupeKey && `${EVENT_JOB}:${dedupeKey}` });
}

export const listenerJobName = (module: string, event: string) => `${module}.on:${event}`;

type Listening = { module: string; events: string[] };

/** The dispatcher: queues one job per listening module enabled for the event's tenant. */
export function eventDispatcher(listening: Listening[], tenantById: (id: number) => Tenant | undefined): JobHandler {
  return async ({ db, tenantId, payload, log }) => {
    const tenant = tenantId === null ? undefined : tenantById(tenantId);
    if (!tenant) return log.warn({ event: payload.event }, 'event of an unknown tenant dropped');
    for (const l of listening) {
      if (!l.events.includes(payload.event) || !tenant.enabledModules.includes(l.module)) continue;
      await enqueueJob(db, { name: listenerJobName(l.module, payload.event), payload: payload.payload });
    }
  };
}
