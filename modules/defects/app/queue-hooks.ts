import { useEffect, useRef } from 'preact/hooks';
import { CHANGES, flushQueue } from './send-queue.ts';

/**
 * While a Mängelmelder screen is open: waiting reports are sent when it opens and whenever the
 * device comes online; `onChange` runs after every round and when another tab sent some.
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
