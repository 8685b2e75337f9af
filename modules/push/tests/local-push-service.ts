import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { decryptAes128gcm, type UserAgentKeys } from './aes128gcm.ts';
import { VapidRefusal, verifyVapid, type VapidClaims } from './vapid-jwt.ts';

/** A subscription as the browser's PushSubscription.toJSON() gives it. */
export type SubscriptionJson = { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };

/** A message the service accepted, decrypted as the browser would. */
export type ReceivedMessage = { endpoint: string; ttl: number; urgency?: string; topic?: string; vapid: VapidClaims; vapidKey: string; payload: string };

/** A message the service refused, and why. */
export type RefusedMessage = { endpoint: string; status: number; reason: string };

type Held = { ua: UserAgentKeys; applicationServerKey?: string; forced?: { status: number; headers: Record<string, string> } };

/** Push services need not accept more (RFC 8291 §4). */
const MAX_BODY = 4096;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * An RFC 8030 push service for tests, on 127.0.0.1: it holds subscriptions (key pairs made here,
 * as a browser makes them), accepts POSTs to their endpoints only with a TTL and valid VAPID
 * credentials (RFC 8292), decrypts the aes128gcm body (RFC 8291) and answers 201 with the
 * message's Location. An endpoint can be told to answer 404 or 410, as for an expired subscription,
 * or another refusal (413, 429, 5xx).
 */
export class LocalPushService {
  readonly received: ReceivedMessage[] = [];
  readonly refused: RefusedMessage[] = [];
  private readonly subscriptions = new Map<string, Held>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<LocalPushService> {
    let service: LocalPushService | undefined;
    const server = createServer((req, res) => void service!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    service = new LocalPushService(server, `http://127.0.0.1:${port}`);
    return service;
  }

  /** A new subscription; with `applicationServerKey` only that VAPID key may push to it (as in browsers). */
  subscribe(opts: { applicationServerKey?: string } = {}): SubscriptionJson {
    const ecdh = createECDH('prime256v1');
    const publicKey = ecdh.generateKeys();
    const ua: UserAgentKeys = { privateKey: ecdh.getPrivateKey(), publicKey, authSecret: randomBytes(16) };
    const endpoint = `${this.origin}/push/${randomUUID()}`;
    this.subscriptions.set(endpoint, { ua, applicationServerKey: opts.applicationServerKey });
    return { endpoint, expirationTime: null, keys: { p256dh: publicKey.toString('base64url'), auth: ua.authSecret.toString('base64url') } };
  }

  /**
   * From now on this endpoint answers `status` (404 or 410: the subscription is gone; 429 or 5xx:
   * the service is overloaded, e.g. with a Retry-After header; 413 …).
   */
  answer(endpoint: string, status: 404 | 410 | 413 | 429 | 500 | 503, headers: Record<string, string> = {}): void {
    const held = this.subscriptions.get(endpoint);
    if (!held) throw new Error(`unknown endpoint ${endpoint}`);
    held.forced = { status, headers };
  }

  /** The endpoint accepts messages again. */
  recover(endpoint: string): void {
    const held = this.subscriptions.get(endpoint);
    if (!held) throw new Error(`unknown endpoint ${endpoint}`);
    held.forced = undefined;
  }

  messagesFor(endpoint: string): ReceivedMessage[] {
    return this.received.filter((m) => m.endpoint === endpoint);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const endpoint = `${this.origin}${req.url ?? ''}`;
    try {
      const body = await readBody(req);
      const message = this.accept(req, endpoint, body);
      this.received.push(message);
      res.writeHead(201, { location: `${this.origin}/message/${randomUUID()}` }).end();
    } catch (err) {
      const status = err instanceof Refusal || err instanceof VapidRefusal ? err.status : 400;
      const reason = err instanceof Error ? err.message : String(err);
      this.refused.push({ endpoint, status, reason });
      res.writeHead(status, { 'content-type': 'text/plain', ...(err instanceof Refusal && err.headers) }).end(reason);
    }
  }

  private accept(req: IncomingMessage, endpoint: string, body: Buffer): ReceivedMessage {
    if (req.method !== 'POST') throw new Refusal(405, 'only POST');
    const held = this.subscriptions.get(endpoint);
    if (!held) throw new Refusal(404, 'no such subscription');
    if (held.forced) throw new Refusal(held.forced.status, [404, 410].includes(held.forced.status) ? 'subscription gone' : `told to answer ${held.forced.status}`, held.forced.headers);
    const ttlHeader = req.headers.ttl;
    if (typeof ttlHeader !== 'string' || !/^\d+$/.test(ttlHeader)) throw new Refusal(400, 'TTL header missing or not a number (RFC 8030 §5.2)');
    const urgency = req.headers.urgency as string | undefined;
    if (urgency !== undefined && !URGENCIES.has(urgency)) throw new Refusal(400, `unknown Urgency ${urgency}`);
    const { claims, publicKey } = verifyVapid(req.headers.authorization, this.origin);
    if (held.applicationServerKey && held.applicationServerKey !== publicKey) throw new Refusal(403, 'VAPID key differs from the applicationServerKey of the subscription');
    if (body.length > MAX_BODY) throw new Refusal(413, `body of ${body.length} bytes exceeds ${MAX_BODY}`);
    if (body.length && req.headers['content-encoding'] !== 'aes128gcm') throw new Refusal(415, 'Content-Encoding must be aes128gcm');
    const payload = body.length ? decryptAes128gcm(body, held.ua).toString('utf8') : '';
    return { endpoint, ttl: Number(ttlHeader), urgency, topic: req.headers.topic as string | undefined, vapid: claims, vapidKey: publicKey, payload };
  }
}

/** The body, read up to a little beyond the limit (the rest is not needed to refuse it). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    req.on('data', (c: Buffer) => {
      if (kept > MAX_BODY) return;
      chunks.push(c);
      kept += c.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
