import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { PushConfig } from '../../../core/config.ts';
import { takeRate } from './rate-gate.ts';
import {
  EXPO_RECEIPT_LIMIT,
  EXPO_SEND_LIMIT,
  ReceiptsResponse,
  RequestErrors,
  SendResponse,
  type ExpoMessage,
  type ExpoReceipt,
  type ExpoTicket,
} from './expo-wire.ts';

/** What a call needs: where Expo is, and the deployment's rate to take each request's messages from. */
export type ExpoContext = {
  config: Pick<PushConfig, 'expoUrl' | 'expoAccessToken'>;
  /** Resolves when `n` more messages may go out (rate-gate.ts). */
  takeRate: (n: number) => Promise<void>;
  /** Requests per call at most, and the first back-off when the answer names no Retry-After. */
  retry?: { attempts: number; baseDelayMs: number };
};

/** The context for the configured Expo endpoint, rate-limited in `db` (a tenant-bound database will do). */
export function expoContext(config: PushConfig, db: Kysely<any>): ExpoContext {
  return { config, takeRate: (n) => takeRate(db, RATE_CHANNEL, config.expoRate, n) };
}

/** Refused or failed request. `retryable`: a later attempt may succeed (the job queue's retry). */
export class ExpoRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, 0 when no answer came. */
    readonly status: number,
    /** Expo's error code (`PUSH_TOO_MANY_NOTIFICATIONS` …), else `HTTP_<status>`, `NETWORK` or `BAD_RESPONSE`. */
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ExpoRequestError';
  }
}

const DEFAULT_RETRY = { attempts: 4, baseDelayMs: 500 };
/** A job waits no longer than this inside one call; beyond, it fails and the job queue retries later. */
const MAX_WAIT_MS = 30_000;
const TIMEOUT_MS = 30_000;
/** The channel of Expo messages in push_rate_windows. */
const RATE_CHANNEL = 'expo';

/**
 * Sends up to 100 messages in one request and returns their tickets in the same order. Each
 * attempt first takes its messages from the deployment's rate (rate-gate.ts); 429, 5xx and
 * network errors are retried with exponential back-off or after the Retry-After Expo names.
 */
export async function sendExpoBatch(ctx: ExpoContext, messages: ExpoMessage[]): Promise<ExpoTicket[]> {
  if (messages.length > EXPO_SEND_LIMIT) throw new RangeError(`At most ${EXPO_SEND_LIMIT} Expo messages per request, got ${messages.length}.`);
  if (messages.length === 0) return [];
  const body = JSON.stringify(messages);
  const { data } = await post(ctx, '/send', body, SendResponse, () => ctx.takeRate(messages.length));
  if (data.length !== messages.length) {
    throw new ExpoRequestError(`Expo answered ${data.length} tickets for ${messages.length} messages.`, 200, 'BAD_RESPONSE', false);
  }
  return data;
}

/** Receipts by ticket id, asked 1000 at a time. Ids Expo does not know (yet, or any more) are absent. */
export async function fetchExpoReceipts(ctx: ExpoContext, ids: string[]): Promise<Map<string, ExpoReceipt>> {
  const receipts = new Map<string, ExpoReceipt>();
  for (let i = 0; i < ids.length; i += EXPO_RECEIPT_LIMIT) {
    const body = JSON.stringify({ ids: ids.slice(i, i + EXPO_RECEIPT_LIMIT) });
    const { data } = await post(ctx, '/getReceipts', body, ReceiptsResponse);
    for (const [id, receipt] of Object.entries(data)) receipts.set(id, receipt);
  }
  return receipts;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: ExpoRequestError; retryAfterMs?: number };

async function post<T>(ctx: ExpoContext, path: string, body: string, schema: z.ZodType<T>, beforeEach?: () => Promise<void>): Promise<T> {
  const { attempts, baseDelayMs } = ctx.retry ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt++) {
    await beforeEach?.();
    const result = await attemptPost(ctx, path, body, schema);
    if (result.ok) return result.value;
    if (!result.error.retryable || attempt >= attempts) throw result.error;
    const delay = result.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
    if (delay > MAX_WAIT_MS) throw result.error;
    await sleep(delay);
  }
}

async function attemptPost<T>(ctx: ExpoContext, path: string, body: string, schema: z.ZodType<T>): Promise<Attempt<T>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip, deflate', 'content-type': 'application/json' };
  if (ctx.config.expoAccessToken) headers.authorization = `Bearer ${ctx.config.expoAccessToken}`;
  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const res = await fetch(`${ctx.config.expoUrl}${path}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    status = res.status;
    retryAfter = res.headers.get('retry-after');
    text = await res.text();
  } catch (err) {
    const reason = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { ok: false, error: new ExpoRequestError(`Expo push API not reachable: ${reason}`, 0, 'NETWORK', true) };
  }
  const json = parseJson(text);
  const refusal = RequestErrors.safeParse(json);
  if (status === 200 && !refusal.success) {
    const parsed = schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, error: new ExpoRequestError(`Expo answered ${path} with an unexpected body: ${text.slice(0, 200)}`, status, 'BAD_RESPONSE', false) };
  }
  const first = refusal.success ? refusal.data.errors[0]! : undefined;
  const retryable = status === 429 || status >= 500;
  const error = new ExpoRequestError(
    `Expo refused ${path} (${status}): ${first?.message ?? text.slice(0, 200)}`,
    status,
    first?.code ?? `HTTP_${status}`,
    retryable,
  );
  return { ok: false, error, retryAfterMs: retryable ? retryAfterMs(retryAfter) : undefined };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
