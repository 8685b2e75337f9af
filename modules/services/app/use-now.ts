import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, but only once the page runs in the browser (null in the server's HTML and
 * while hydrating): pages are cached, by the service worker too, so anything that depends on the
 * clock ("open now", how old the copy is) must be worked out where and when it is read.
 * Refreshed every minute while the page stays open.
 */
export function useNow(): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
