import { endpointProblem } from '../web-push-input.ts';
import { EncryptionPool } from './encryption-pool.ts';
import { resolveEndpoint } from './endpoint-address.ts';
import { outcomeOf, type WebPushResult } from './push-outcome.ts';
import { postPush, PushRequestError } from './push-request.ts';
import { vapidAuthorization, type VapidCredentials } from './vapid-authorization.ts';
import { MAX_PAYLOAD_BYTES } from './web-push-payload.ts';

export type { WebPushResult } from './push-outcome.ts';

/** A subscription as stored (`push_web_subscriptions`): endpoint and the browser's keys, base64url. */
export type WebPushTarget = { endpoint: string; p256dh: string; auth: string };

/** Per message (RFC 8030 §5.2–5.4): how long the service keeps it, how urgent it is, what it replaces. */
export type WebPushOptions = { ttl: number; urgency: 'very-low' | 'low' | 'normal' | 'high'; topic?: string };

export type WebPushSenderSettings = {
  vapid: VapidCredentials;
  /** Refuse internal addresses, loopback included. Default: NODE_ENV is production. */
  production?: boolean;
  /** How long to wait for the push service's answer. */
  timeoutMs?: number;
};

export type WebPushSender = {
  /** One delivery to one subscription; never throws for what a push service or the network does. */
  send(target: WebPushTarget, payload: string, opts: WebPushOptions): Promise<WebPushResult>;
  /** Many deliveries, at most `concurrency` at a time; results in the order of `targets`. */
  sendAll<T extends WebPushTarget>(targets: T[], payloadFor: (target: T) => string, opts: WebPushOptions, concurrency?: number): Promise<WebPushResult[]>;
};

/** One pool of encryption threads for the process, started with the first message. */
const encryption = new EncryptionPool();
const DEFAULT_TIMEOUT_MS = 10_000;
/** Enough to keep the CPU busy with encryption while answers are on their way. */
const DEFAULT_CONCURRENCY = 50;

const failed = (error: string): WebPushResult => ({ outcome: 'failed', error });

/** Mistakes of the caller in a message's options, which no push service would accept. */
function optionsProblem(payload: string, opts: WebPushOptions): string | null {
  const bytes = Buffer.byteLength(payload);
  if (bytes > MAX_PAYLOAD_BYTES) return `the payload has ${bytes} bytes; at most ${MAX_PAYLOAD_BYTES} fit into one push message (use webPushPayload)`;
  if (!Number.isInteger(opts.ttl) || opts.ttl < 0) return `TTL must be a whole number of seconds, not ${opts.ttl}`;
  if (opts.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(opts.topic)) return `a topic is 1 to 32 base64url characters, not "${opts.topic}"`;
  return null;
}

/**
 * Sends Web Push messages (RFC 8030) with the deployment's VAPID credentials (RFC 8292), each
 * encrypted for its subscription (RFC 8291 aes128gcm). The push service's address is checked
 * before every request (endpoint-address.ts); answers become outcomes (push-outcome.ts).
 */
export function createWebPushSender(settings: WebPushSenderSettings): WebPushSender {
  const production = settings.production ?? process.env.NODE_ENV === 'production';
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(target: WebPushTarget, payload: string, opts: WebPushOptions): Promise<WebPushResult> {
    const problem = optionsProblem(payload, opts);
    if (problem) return failed(problem);
    const endpointIssue = endpointProblem(target.endpoint, production);
    if (endpointIssue) return failed(`the endpoint ${endpointIssue}`);
    const url = new URL(target.endpoint);
    const resolution = await resolveEndpoint(url.hostname, production);
    if ('problem' in resolution) return { outcome: resolution.temporary ? 'retry' : 'failed', error: resolution.problem };

    let body: Buffer;
    try {
      body = await encryption.encrypt(target.p256dh, target.auth, payload);
    } catch (err) {
      return failed(`the subscription's keys do not work for encryption: ${(err as Error).message}`);
    }
    const headers: Record<string, string | number> = {
      TTL: opts.ttl,
      Urgency: opts.urgency,
      ...(opts.topic !== undefined && { Topic: opts.topic }),
      'Content-Encoding': 'aes128gcm',
      'Content-Type': 'application/octet-stream',
      'Content-Length': body.length,
      Authorization: vapidAuthorization(settings.vapid, url.origin),
    };
    try {
      return outcomeOf(await postPush(url, resolution.addresses, headers, body, timeoutMs));
    } catch (err) {
      if (err instanceof PushRequestError) return { outcome: 'retry', error: err.message };
      throw err;
    }
  }

  async function sendAll<T extends WebPushTarget>(targets: T[], payloadFor: (target: T) => string, opts: WebPushOptions, concurrency = DEFAULT_CONCURRENCY): Promise<WebPushResult[]> {
    const results: WebPushResult[] = new Array(targets.length);
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const i = next++;
        results[i] = await send(targets[i]!, payloadFor(targets[i]!), opts);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
    return results;
  }

  return { send, sendAll };
}
