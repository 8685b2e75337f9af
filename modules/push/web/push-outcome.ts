import type { PushResponse } from './push-request.ts';

/**
 * What became of one delivery. `removed`: the subscription is gone for good (the caller deletes
 * it); `retry`: try again later, not before `retryAfterMs` when the service said so; `failed`:
 * this message will never be accepted (the error says why).
 */
export type WebPushResult = { outcome: 'sent' | 'removed' | 'retry' | 'failed'; status?: number; error?: string; retryAfterMs?: number };

/** RFC 9110 §10.2.3: seconds, or an HTTP date. */
export function retryAfterMs(header: string | undefined, nowMs = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

const refusals: Record<number, string> = {
  400: 'the push service refused the request as malformed',
  401: 'the push service wants VAPID credentials',
  403: 'the push service refused the VAPID credentials (the subscription was made for another key?)',
  413: 'the message is too large for the push service',
};

/** RFC 8030 §5 and §7 answers, read as what the caller should do. */
export function outcomeOf(res: PushResponse): WebPushResult {
  const { status } = res;
  if (status >= 200 && status < 300) return { outcome: 'sent', status };
  if (status === 404 || status === 410) return { outcome: 'removed', status };
  const said = res.text.trim() ? `: ${res.text.trim()}` : '';
  if (status === 429 || status >= 500) {
    const wait = retryAfterMs(res.headers['retry-after']);
    return { outcome: 'retry', status, error: `the push service answered ${status}${said}`, ...(wait !== undefined && { retryAfterMs: wait }) };
  }
  return { outcome: 'failed', status, error: `${refusals[status] ?? 'the push service answered unexpectedly'} (${status})${said}` };
}
