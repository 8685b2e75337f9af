/**
 * Loaded with the app's entry (tiny, no imports): when reports wait on this device, the sending
 * code is fetched and run at app start and whenever the device comes online, on any page. The
 * flag is set when a report is queued and cleared when the queue is empty (send-queue.ts).
 */
export const WAITING_FLAG = 'dp_defects_waiting';

export function resumeWaitingReports(): void {
  const resume = () => {
    if (localStorage.getItem(WAITING_FLAG)) void import('./send-queue.ts').then((m) => m.flushQueue()).catch(() => undefined);
  };
  resume();
  window.addEventListener('online', resume);
}
