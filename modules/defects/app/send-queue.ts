import { solveChallenge } from '../abuse/solve-challenge.ts';
import { CHALLENGE_PATH, REPORTS_PATH } from './api-paths.ts';
import { WAITING_FLAG } from './resume-sending.ts';
import { markAccepted, putQueued, queuedReport, queuedReports, type QueuedReport } from './device-store.ts';

/**
 * Sends the reports waiting on the device: at once, when a Mängelmelder screen opens, on the
 * `online` event and at the next app start (resume-sending.ts, on any page). Exactly once: a report
 * keeps the submissionKey it was queued with (the server answers a repeat with the first report),
 * it leaves the queue only after a 200/201, and one sender runs at a time (Web Locks).
 */

/** Pages listen here to show what a sender in another tab did. */
export const CHANGES = 'dp-defects';

export type SendOutcome = 'sent' | 'waiting' | 'error';

/** Sends one queued report. Network trouble, 429 and 5xx leave it waiting; other refusals mark it as failed. */
export async function sendQueued(key: string): Promise<SendOutcome> {
  const entry = await queuedReport(key);
  if (!entry) return 'sent';
  let res: Response;
  try {
    res = await attempt(entry);
    // A challenge that expired or was used meanwhile: once more with a fresh one (same submissionKey).
    if (res.status === 400 && RETRY_CODES.has((await errorOf(res.clone()))?.code ?? '')) res = await attempt(entry);
  } catch {
    return 'waiting';
  }
  if (res.status === 200 || res.status === 201) {
    const body = (await res.json().catch(() => ({}))) as { id?: number; status?: string; moderation?: string };
    await markAccepted(key, {
      id: Number(body.id),
      key,
      title: entry.report.title || firstLine(entry.report.description) || entry.categoryName,
      categoryName: entry.categoryName,
      createdAt: entry.createdAt,
      status: (body.status as never) ?? 'received',
      moderation: body.moderation ?? 'pending',
      public: entry.report.public,
      updatedAt: null,
    });
    return 'sent';
  }
  if (res.status === 429 || res.status >= 500) return 'waiting';
  await putQueued({ ...entry, state: 'error', error: (await errorOf(res))?.message ?? `HTTP ${res.status}` });
  return 'error';
}

const RETRY_CODES = new Set(['challenge_expired', 'challenge_used', 'challenge_invalid']);

/** A fresh challenge, its proof of work, and the report. Throws on network trouble. */
async function attempt(entry: QueuedReport): Promise<Response> {
  const challenge = await fetch(CHALLENGE_PATH, { headers: { accept: 'application/json' }, cache: 'no-store' });
  if (!challenge.ok) throw new Error(`challenge: HTTP ${challenge.status}`);
  const c = (await challenge.json()) as { challenge: string; difficulty: number };
  const nonce = await solveChallenge(c.challenge, c.difficulty);
  return fetch(REPORTS_PATH, { method: 'POST', body: formOf(entry, c.challenge, nonce), headers: { accept: 'application/json' } });
}

const errorOf = async (res: Response) => ((await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null)?.error;

/** Every waiting report, one after the other; a report still waiting stops the round (no connection). */
export async function flushQueue(): Promise<void> {
  const work = async () => {
    for (const entry of await queuedReports()) {
      if (entry.state !== 'waiting') continue;
      if ((await sendQueued(entry.key)) === 'waiting') break;
    }
    if (!(await queuedReports()).some((r) => r.state === 'waiting')) localStorage.removeItem(WAITING_FLAG);
  };
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks) await locks.request('dp-defects-send', work);
  else await work();
  announce();
}

/** Tells open pages that the queue or "my reports" changed. */
export function announce(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANGES);
  channel.postMessage('changed');
  channel.close();
}

function formOf(entry: QueuedReport, challenge: string, nonce: string): FormData {
  const form = new FormData();
  form.append('report', JSON.stringify(entry.report));
  form.append('challenge', challenge);
  form.append('nonce', nonce);
  form.append('website', entry.website);
  for (const p of entry.photos) form.append('photo', p.blob, p.name);
  return form;
}

const firstLine = (s: string) => s.split('\n')[0]!.trim().slice(0, 80);
