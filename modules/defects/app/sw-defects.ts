import { SYNC_TAG, flushQueue } from './send-queue.ts';
import { queuedReports } from './device-store.ts';

type SyncEvent = Event & { tag: string; waitUntil(p: Promise<unknown>): void };

/**
 * Background Sync in the service worker: the browser wakes it when the device is online again,
 * even with the app closed. Still waiting afterwards rejects, so the browser tries again later.
 */
export function handleDefectSync(worker: { addEventListener(type: 'sync', fn: (e: SyncEvent) => void): void }): void {
  worker.addEventListener('sync', (event) => {
    if (event.tag !== SYNC_TAG) return;
    event.waitUntil(
      flushQueue()
        .then(queuedReports)
        .then((left) => {
          if (left.some((r) => r.state === 'waiting')) throw new Error('reports still waiting');
        }),
    );
  });
}
