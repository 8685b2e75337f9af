import { parseCacheControl, type Freshness } from './cache-control.ts';
import { zufiError } from './zufi-error.ts';
import { redact } from './redact.ts';

/** Where and as whom to ask: the tenant's settings, the key in clear (it never leaves this process). */
export type ZufiConnection = { baseUrl: string; apiKey: string; language: string };

export type ZufiClientOptions = {
  /** Per request, body included (default 10 s). */
  timeoutMs?: number;
  /** Further tries of a GET after a network error, a timeout, 5xx or 429 (default 2). */
  retries?: number;
  /** First back-off; doubled per try, with jitter (default 500 ms). */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails (default 30 s). */
  maxRetryAfterMs?: number;
};

export type ZufiResponse = {
  body: unknown;
  freshness: Freshness;
  /** The `total-item-count` header of list responses, when sent. */
  totalCount: number | null;
};

const DEFAULTS: Required<ZufiClientOptions> = { timeoutMs: 10_000, retries: 2, backoffMs: 500, maxRetryAfterMs: 30_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * GET requests to TSA Infodienste "REST ZuFi v4" with the headers it requires (`api_key`,
 * `Accept-Language`, `Accept: application/json`). Retries only what may pass (network errors,
 * timeouts, 5xx, 429 honouring Retry-After), never wrong credentials: a 401/403 fails at once,
 * so a wrong key causes no retry storm. Errors are coded (zufi-error.ts) and never carry the key.
 */
export class ZufiClient {
  private readonly opts: Required<ZufiClientOptions>;

  constructor(
    private readonly conn: ZufiConnection,
    opts: ZufiClientOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  async get(path: string, query: Record<string, string | number | null | undefined> = {}): Promise<ZufiResponse> {
    const url = new URL(this.conn.baseUrl.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    const what = `GET ${url.pathname}${url.search}`;
    for (let attempt = 0; ; attempt++) {
      const canRetry = attempt < this.opts.retries;
      const backoff = this.opts.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          headers: { api_key: this.conn.apiKey, 'accept-language': this.conn.language, accept: 'application/json', 'user-agent': 'Dorfplatz (services sync)' },
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        if (canRetry) {
          await sleep(backoff);
          continue;
        }
        throw this.transportError(err, what);
      }
      if (res.ok) return { body: this.json(text, what), freshness: parseCacheControl(res.headers.get('cache-control')), totalCount: count(res.headers.get('total-item-count')) };
      if (res.status === 401 || res.status === 403) {
        throw zufiError('unauthorized', `API-Schlüssel wurde abgelehnt (${res.status}). Bitte Schlüssel und Basis-URL in den ZuFi-Einstellungen prüfen; bis dahin werden keine weiteren Abrufe versucht.`);
      }
      if (res.status === 404) throw zufiError('not_found', `ZuFi kennt die angefragte Adresse nicht (404 bei ${what}).`);
      if (res.status === 429 || res.status >= 500) {
        const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff;
        if (canRetry && wait <= this.opts.maxRetryAfterMs) {
          await sleep(wait);
          continue;
        }
        if (res.status === 429) throw zufiError('rate_limited', `ZuFi begrenzt die Abrufe (429 bei ${what}); der nächste Lauf versucht es erneut.`);
        throw zufiError('upstream_error', `ZuFi meldete einen Serverfehler (${res.status} bei ${what}).`);
      }
      throw zufiError('upstream_error', `ZuFi lehnte die Anfrage ab (${res.status} bei ${what})${this.upstreamMessage(text)}.`);
    }
  }

  private json(text: string, what: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw zufiError('malformed', `ZuFi lieferte keine gültige JSON-Antwort (${what}).`);
    }
  }

  private transportError(err: unknown, what: string) {
    const e = err as { name?: string; cause?: { code?: string } };
    if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
      return zufiError('timeout', `ZuFi antwortete nicht innerhalb von ${(this.opts.timeoutMs / 1000).toLocaleString('de-DE')} s (${what}).`);
    }
    const code = e?.cause?.code ? ` (${e.cause.code})` : '';
    return zufiError('network', `ZuFi ist nicht erreichbar${code}: ${what}.`);
  }

  /** The upstream's own error text, shortened and without the key: it may echo what we sent. */
  private upstreamMessage(text: string): string {
    let message: unknown;
    try {
      message = (JSON.parse(text) as { message?: unknown }).message;
    } catch {
      return '';
    }
    return typeof message === 'string' && message.trim() ? `: ${redact(message.trim().slice(0, 200), this.conn.apiKey)}` : '';
  }
}

function count(header: string | null): number | null {
  const n = Number(header);
  return header !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

/** Retry-After as seconds or an HTTP date. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
