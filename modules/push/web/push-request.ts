import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './endpoint-address.ts';

export type PushResponse = { status: number; headers: IncomingHttpHeaders; text: string };

/** Why no answer came: the time ran out, or the connection failed. */
export class PushRequestError extends Error {
  constructor(
    message: string,
    /** A pooled connection the service had closed while idle: worth one immediate new try. */
    readonly staleConnection = false,
  ) {
    super(message);
  }
}

/**
 * One keep-alive pool per protocol for the whole process, so every job reuses the connections to
 * FCM, Mozilla and Apple. node:http rather than fetch: on Node 20 fetch costs several times the
 * CPU per request (see decision 021), and it cannot be told which address to connect to.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }) };

/** Enough of a refusal's body to say why; the rest is read and dropped. */
const MAX_TEXT = 500;

/** A lookup that answers with the addresses already resolved and checked. */
function fixedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

/** POSTs `body` to the endpoint over the pooled connections; rejects with PushRequestError. */
export function postPush(url: URL, addresses: ResolvedAddress[], headers: Record<string, string | number>, body: Buffer, timeoutMs: number): Promise<PushResponse> {
  const send = () => attempt(url, addresses, headers, body, timeoutMs);
  return send().catch((err: PushRequestError) => (err.staleConnection ? send() : Promise.reject(err)));
}

function attempt(url: URL, addresses: ResolvedAddress[], headers: Record<string, string | number>, body: Buffer, timeoutMs: number): Promise<PushResponse> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const fail = (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (timedOut) reject(new PushRequestError(`no answer within ${timeoutMs / 1000} s`));
      else reject(new PushRequestError(`connection failed: ${err.code ?? err.message}`, req.reusedSocket && err.code === 'ECONNRESET'));
    };
    const options = { method: 'POST', agent: agents[url.protocol as keyof typeof agents], headers, lookup: fixedLookup(addresses) };
    const req = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (chunk: Buffer) => {
        if (kept >= MAX_TEXT) return;
        chunks.push(chunk);
        kept += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8').slice(0, MAX_TEXT) });
      });
      res.on('error', fail);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy();
    }, timeoutMs);
    req.on('error', fail);
    req.end(body);
  });
}
