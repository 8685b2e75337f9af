import { SYNC_TAG, flushQueue } from './send-queue.ts';
import { queuedReports } from './device-store.ts';

type WaitingEvent = Event & { waitUntil(p: Promise<unknown>): void };
type SyncEvent = WaitingEvent & { tag: string };
type FetchEvent = WaitingEvent & { request: Request };
type Worker = { addEventListener(type: 'sync', fn: (e: SyncEvent) => void): void; addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void };

/** Page loads that start a sending round at most this often (the app starting again, in browsers without Background Sync). */
const START_ROUND_MS = 30_000;

const stillWaiting = async () => (await queuedReports()).some((r) => r.state === 'waiting');

/**
 * Reports waiting on the device, sent by the service worker: on Background Sync (the browser wakes
 * it when online again, even with the app closed; still waiting afterwards rejects, so the browser
 * tries again later) and when the app is opened again at any page (browsers without Background Sync).
 */
export function handleDefectSync(worker: Worker): void {
  worker.addEventListener('sync', (event) => {
    if (event.tag !== SYNC_TAG) return;
    event.waitUntil(
      flushQueue()
        .then(stillWaiting)
        .then((waiting) => {
          if (waiting) throw new Error('reports still waiting');
        }),
    );
  });
  let lastRound = 0;
  worker.addEventListener('fetch', (event) => {
    if (event.request.mode !== 'navigate' || Date.now() - lastRound < START_ROUND_MS) return;
    lastRound = Date.now();
    event.waitUntil(
      stillWaiting()
        .then((waiting) => (waiting ? flushQueue() : undefined))
        .catch(() => undefined),
    );
  });
}
