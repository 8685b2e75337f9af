import { useEffect, useRef } from 'preact/hooks';
import { CHANGES, flushQueue } from './send-queue.ts';

/**
 * While a Mängelmelder screen is open: waiting reports are sent when it opens and whenever the
 * device comes online; `onChange` runs after every round and when the service worker sent some.
 */
export function useQueueSync(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let gone = false;
    const changed = () => !gone && latest.current();
    const flush = () => void flushQueue().catch(() => undefined).finally(changed);
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANGES);
    if (channel) channel.onmessage = changed;
    window.addEventListener('online', flush);
    flush();
    return () => {
      gone = true;
      window.removeEventListener('online', flush);
      channel?.close();
    };
  }, []);
}

/** Asks the service worker to send the queue once the device is online (Background Sync, where the browser has it). */
export async function requestBackgroundSync(tag: string): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(tag);
  } catch {
    // Not offered (or not allowed): the page's own triggers remain.
  }
}
