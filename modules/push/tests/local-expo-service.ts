import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { EXPO_TOKEN } from '../device-input.ts';
import { EXPO_RECEIPT_LIMIT, EXPO_SEND_LIMIT, ExpoMessageSchema, type ExpoMessage, type ExpoReceipt, type ExpoTicket } from '../expo/expo-wire.ts';

/** A message the service accepted, with the ticket id it answered and when (ms since the epoch). */
export type ReceivedExpoMessage = { message: ExpoMessage; ticketId: string; at: number };

/** Every request as it came, with the status it got. */
export type ExpoRequestLog = { path: string; headers: IncomingHttpHeaders; status: number; messages: number; at: number };

/** Apple's payload limit, which Expo applies to the whole notification. */
const MAX_MESSAGE_BYTES = 4096;
const MAX_BODY_BYTES = 1 << 20;
const BASE_PATH = '/--/api/v2/push';

const SendBody = z.array(ExpoMessageSchema.extend({ to: z.string().regex(EXPO_TOKEN, 'is not an Expo push token') }));
const ReceiptsBody = z.object({ ids: z.array(z.string()) }).strict();

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`refused with ${status}`);
  }
}

const refusal = (status: number, code: string, message: string) => new Refusal(status, { errors: [{ code, message }] });

/**
 * Expo's push API on 127.0.0.1 for tests and the benchmark (`url` is the base, as EXPO_PUSH_URL):
 * `/send` takes up to 100 messages to Expo push tokens and answers a ticket per message,
 * `/getReceipts` up to 1000 ticket ids. Tokens can be made unregistered (in the ticket or only
 * in the receipt), the next requests can be made to fail (429 with Retry-After, 5xx), and with
 * `accessToken` it wants that bearer token. Cheap per request: the benchmark pushes 50,000
 * messages through it.
 */
export class LocalExpoService {
  readonly received: ReceivedExpoMessage[] = [];
  readonly requests: ExpoRequestLog[] = [];
  /** Ticket id → token, for the receipts. */
  private readonly issued = new Map<string, string>();
  private readonly unregistered = new Map<string, 'ticket' | 'receipt'>();
  private failing = { left: 0, status: 429, retryAfter: undefined as number | undefined };

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly accessToken: string | undefined,
  ) {}

  static async start(opts: { accessToken?: string } = {}): Promise<LocalExpoService> {
    let service: LocalExpoService | undefined;
    const server = createServer((req, res) => void service!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    service = new LocalExpoService(server, `http://127.0.0.1:${port}${BASE_PATH}`, opts.accessToken);
    return service;
  }

  /** The device of `token` is gone: its tickets say so, or (`'receipt'`) only its receipts, as when Apple or Google tell Expo later. */
  unregister(token: string, where: 'ticket' | 'receipt' = 'ticket'): void {
    this.unregistered.set(token, where);
  }

  /** The next `count` requests answer `status` (429 or 5xx), with `Retry-After: retryAfterSeconds` when given. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void {
    this.failing = { left: count, status, retryAfter: retryAfterSeconds };
  }

  messagesFor(token: string): ReceivedExpoMessage[] {
    return this.received.filter((m) => m.message.to === token);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log: ExpoRequestLog = { path: (req.url ?? '').slice(BASE_PATH.length), headers: req.headers, status: 200, messages: 0, at: Date.now() };
    this.requests.push(log);
    try {
      const body = await this.accept(req, log.path);
      const data = log.path === '/send' ? this.send(body, log) : this.receipts(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    } catch (err) {
      const r = err instanceof Refusal ? err : refusal(500, 'INTERNAL_SERVER_ERROR', String(err));
      log.status = r.status;
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(JSON.stringify(r.body));
    }
  }

  /** Checks what every request needs and returns its parsed JSON body. */
  private async accept(req: IncomingMessage, path: string): Promise<unknown> {
    if (!req.url?.startsWith(BASE_PATH) || (path !== '/send' && path !== '/getReceipts')) throw refusal(404, 'NOT_FOUND', `no route ${req.url}`);
    if (req.method !== 'POST') throw refusal(405, 'METHOD_NOT_ALLOWED', 'only POST');
    if (this.accessToken && req.headers.authorization !== `Bearer ${this.accessToken}`) {
      // The body Expo answers for a missing or wrong access token when push security is on.
      throw new Refusal(401, { error: 'invalid_token', error_description: 'The bearer token is invalid' });
    }
    if (this.failing.left > 0) {
      this.failing.left--;
      const { status, retryAfter } = this.failing;
      throw new Refusal(status, { errors: [{ code: status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR', message: 'try again later' }] }, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
    }
    if (!req.headers['content-type']?.startsWith('application/json')) throw refusal(400, 'VALIDATION_ERROR', 'content-type must be application/json');
    const encoding = req.headers['content-encoding'];
    if (encoding && encoding !== 'gzip') throw refusal(415, 'VALIDATION_ERROR', `content-encoding ${encoding} is not supported`);
    const raw = await readBody(req);
    try {
      return JSON.parse((encoding ? gunzipSync(raw) : raw).toString('utf8'));
    } catch {
      throw refusal(400, 'VALIDATION_ERROR', `The request body is not valid ${encoding ? 'gzip of ' : ''}JSON.`);
    }
  }

  private send(body: unknown, log: ExpoRequestLog): ExpoTicket[] {
    if (Array.isArray(body) && body.length > EXPO_SEND_LIMIT) {
      throw refusal(400, 'PUSH_TOO_MANY_NOTIFICATIONS', `You are trying to send more than ${EXPO_SEND_LIMIT} push notifications in one request`);
    }
    const parsed = SendBody.safeParse(body);
    if (!parsed.success) throw refusal(400, 'VALIDATION_ERROR', z.prettifyError(parsed.error));
    log.messages = parsed.data.length;
    return parsed.data.map((message) => this.ticket(message, log.at));
  }

  private ticket(message: ExpoMessage, at: number): ExpoTicket {
    if (this.unregistered.get(message.to) === 'ticket') {
      return { status: 'error', message: `"${message.to}" is not a registered push notification recipient`, details: { error: 'DeviceNotRegistered', expoPushToken: message.to } };
    }
    if (tooBig(message)) {
      return { status: 'error', message: `Message too big (over ${MAX_MESSAGE_BYTES} bytes)`, details: { error: 'MessageTooBig' } };
    }
    const ticketId = randomUUID();
    this.issued.set(ticketId, message.to);
    this.received.push({ message, ticketId, at });
    return { status: 'ok', id: ticketId };
  }

  private receipts(body: unknown): Record<string, ExpoReceipt> {
    const parsed = ReceiptsBody.safeParse(body);
    if (!parsed.success) throw refusal(400, 'VALIDATION_ERROR', z.prettifyError(parsed.error));
    if (parsed.data.ids.length > EXPO_RECEIPT_LIMIT) {
      throw refusal(400, 'PUSH_TOO_MANY_RECEIPTS', `You are trying to get more than ${EXPO_RECEIPT_LIMIT} push receipts in one request`);
    }
    const out: Record<string, ExpoReceipt> = {};
    for (const id of parsed.data.ids) {
      const token = this.issued.get(id);
      if (token === undefined) continue; // unknown ids are left out, as Expo does
      out[id] =
        this.unregistered.get(token) === 'receipt'
          ? { status: 'error', message: 'The recipient device is not registered with FCM or APNs.', details: { error: 'DeviceNotRegistered', expoPushToken: token } }
          : { status: 'ok' };
    }
    return out;
  }
}

/**
 * Whether the message as JSON passes Expo's limit. Serialising every message would be the
 * service's largest cost, so only messages whose characters could pass it (at most 6 bytes each
 * in JSON, as an escape) are measured.
 */
function tooBig(m: ExpoMessage): boolean {
  const chars = m.to.length + (m.title?.length ?? 0) + (m.body?.length ?? 0) + (m.channelId?.length ?? 0) + (m.data ? JSON.stringify(m.data).length : 0);
  return 6 * chars + 200 > MAX_MESSAGE_BYTES && Buffer.byteLength(JSON.stringify(m)) > MAX_MESSAGE_BYTES;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(refusal(413, 'PAYLOAD_TOO_LARGE', 'request body too large')) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
