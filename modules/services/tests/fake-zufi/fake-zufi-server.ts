import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { areaView, loadFixtureUpstream, type UpstreamData } from '../../seed/zufi-fixture.ts';

/**
 * A local stand-in for TSA Infodienste "REST ZuFi v4", speaking the wire format the adapter
 * expects (zufi/zufi-wire.ts): `api_key` checked (401 JSON, echoing the key it got, as a careless
 * upstream might), `Accept-Language` required (400), lists `{count, results: [{score, object}]}`
 * with `total-item-count` and paged by offset/limit, details `{object}`, Cache-Control on every
 * answer. Failure modes for the tests are switched with `set`, `down` and `up`.
 */
export type FakeMode = 'ok' | 'slow' | 'error500' | 'rate-limited' | 'malformed' | 'wrong-shape' | 'empty' | 'partial';

export type FakeSettings = {
  mode: FakeMode;
  /** How many requests the mode applies to before the fake answers normally again (default: all). */
  failTimes: number;
  cacheControl: string | null;
  /** Retry-After of 'rate-limited', in seconds. */
  retryAfter: number;
  /** Delay of 'slow'. */
  slowMs: number;
};

export type FakeRequest = { path: string; query: URLSearchParams; headers: IncomingHttpHeaders };

export type FakeZufi = {
  url: string;
  /** The upstream's data; tests change it between syncs. */
  data: UpstreamData;
  requests: FakeRequest[];
  set(settings: Partial<FakeSettings>): void;
  /** Stops accepting connections (connection refused) until `up`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

const MAX_LIMIT = 500;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export async function startFakeZufi(opts: { apiKey: string; data?: UpstreamData; cacheControl?: string | null }): Promise<FakeZufi> {
  const settings: FakeSettings = { mode: 'ok', failTimes: Infinity, cacheControl: opts.cacheControl === undefined ? 'max-age=3600' : opts.cacheControl, retryAfter: 1, slowMs: 2000 };
  const state = { data: opts.data ?? loadFixtureUpstream(), requests: [] as FakeRequest[] };

  const server = createServer((req, res) => {
    res.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://fake');
    state.requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    const given = req.headers['api_key'];
    if (given !== opts.apiKey) return send(res, 401, { status: 401, message: `Invalid api_key '${String(given ?? '')}'` });
    if (!req.headers['accept-language']) return send(res, 400, { status: 400, message: 'Header Accept-Language fehlt' });

    const mode = settings.failTimes > 0 ? settings.mode : 'ok';
    if (mode !== 'ok') settings.failTimes--;
    const headers: Record<string, string> = settings.cacheControl ? { 'cache-control': settings.cacheControl } : {};
    if (mode === 'error500') return send(res, 500, { status: 500, message: 'Internal Server Error' });
    if (mode === 'rate-limited') return send(res, 429, { status: 429, message: 'Too Many Requests' }, { 'retry-after': String(settings.retryAfter) });
    if (mode === 'malformed') return send(res, 200, '{"count": 3, "results": [{"score": 1, "object": {"id": ', headers);
    if (mode === 'slow') {
      const timer = setTimeout(() => answer(url, mode, headers, res), settings.slowMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    answer(url, mode, headers, res);
  });

  function answer(url: URL, mode: FakeMode, headers: Record<string, string>, res: ServerResponse) {
    const q = url.searchParams;
    const detail = url.pathname.match(/^\/pst\/([^/]+)$/);
    if (detail && detail[1] !== 'find') {
      const service = state.data.services.find((s) => String(s.id) === decodeURIComponent(detail[1]!));
      return service ? send(res, 200, { object: service }, headers) : send(res, 404, { status: 404, message: 'Leistung nicht gefunden' });
    }
    const areaId = q.get('areaId');
    const pstId = q.get('pstId') ?? undefined;
    const view = () => areaView(state.data, areaId ?? '', pstId);
    const lists: Record<string, () => unknown[]> = {
      '/pst/find': () => {
        const word = (q.get('searchWord') ?? '').trim().toLowerCase();
        const services = view().services;
        return word ? services.filter((s) => [s.name, ...(s.synonyms ?? []).map((x) => (typeof x === 'string' ? x : String((x as { name?: unknown }).name ?? '')))].some((n) => n.toLowerCase().includes(word))) : services;
      },
      '/pstCategory/find': () => state.data.categories.filter((c) => !q.has('parentId') || String(c.parentId ?? '') === q.get('parentId')),
      '/ou/find': () => view().authorities,
      '/ou/findByCompetence': () => view().authorities,
      '/ouCompetence/find': () => view().competences,
      '/os/find': () => view().onlineServices,
      '/form/find': () => view().forms,
    };
    const list = lists[url.pathname];
    if (!list) return send(res, 404, { status: 404, message: `Unbekannter Pfad ${url.pathname}` });
    if (url.pathname !== '/pstCategory/find' && !areaId) return send(res, 400, { status: 400, message: 'Parameter areaId fehlt' });
    if (mode === 'wrong-shape') return send(res, 200, { items: [] }, headers);
    const all = mode === 'empty' ? [] : list();
    const offset = Math.max(0, Number(q.get('offset') ?? 0) || 0);
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number(q.get('limit') ?? 100) || 100));
    let page = all.slice(offset, offset + limit);
    // A partial page: the count promises more than the page and the following ones hold.
    if (mode === 'partial') page = page.slice(0, Math.max(0, page.length - 1));
    send(res, 200, { count: all.length, results: page.map((object) => ({ score: 1, object })) }, { ...headers, 'total-item-count': String(all.length) });
  }

  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    get data() {
      return state.data;
    },
    set data(d: UpstreamData) {
      state.data = d;
    },
    get requests() {
      return state.requests;
    },
    set(s) {
      Object.assign(settings, { failTimes: Infinity }, s);
    },
    down: stop,
    up: () => listen(port),
    close: async () => {
      if (server.listening) await stop();
    },
  };
}
