/**
 * The service worker: the app shell (built files) is precached at install; pages and their data
 * are fetched from the network first and kept, so everything the citizen has seen opens offline;
 * images are kept too. Answers from the cache are marked (x-dp-cache: offline) so the page can say
 * it is offline. The server prepends `self.__DP_BUILD__` (build id and file list) to this file.
 * Push messages and clicks on their notifications: sw-push.ts.
 */
import { handlePush, type PushWorker } from './sw-push.ts';

type Build = { id: string; precache: string[] };
type FetchEventLike = Event & { request: Request; respondWith(r: Promise<Response>): void };
type ExtendableEventLike = Event & { waitUntil(p: Promise<unknown>): void };

const sw = self as unknown as {
  __DP_BUILD__: Build;
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEventLike) => void): void;
  addEventListener(type: 'message', fn: (e: ExtendableEventLike & { data: unknown }) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
};

const build = sw.__DP_BUILD__;
const SHELL = `dp-shell-${build.id}`;
const PAGES = 'dp-pages';
const MEDIA = 'dp-media';
const NETWORK_TIMEOUT_MS = 4000;

handlePush(self as unknown as PushWorker);

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll(build.precache))
      .then(() => caches.open(PAGES))
      .then((c) => c.add(new Request('/', { headers: { accept: 'text/html' } })))
      .then(() => sw.skipWaiting()),
  );
});

// The page that installed the worker loaded before the worker ran; it asks for itself to be kept.
sw.addEventListener('message', (event) => {
  const data = event.data as { keep?: unknown } | null;
  if (typeof data?.keep !== 'string') return;
  const url = new URL(data.keep, location.origin);
  if (url.origin !== location.origin) return;
  event.waitUntil(
    fetch(url, { headers: { accept: 'text/html' } })
      .then((res) => (res.ok ? caches.open(PAGES).then((c) => c.put(url, res)) : undefined))
      .catch(() => undefined),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dp-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  if (url.pathname.startsWith('/app/')) event.respondWith(cacheFirst(req, SHELL));
  else if (url.pathname.startsWith('/media/')) event.respondWith(cacheFirst(req, MEDIA));
  else if (req.mode === 'navigate' || url.pathname.startsWith('/_data') || url.pathname === '/manifest.webmanifest' || url.pathname.startsWith('/app-icon')) event.respondWith(networkFirst(req));
});

async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
  const cached = await caches.match(req, { ignoreVary: true });
  if (cached) return cached;
  const res = await fetch(req);
  if (res.ok) await (await caches.open(cacheName)).put(req, res.clone());
  return res;
}

async function networkFirst(req: Request): Promise<Response> {
  const cache = await caches.open(PAGES);
  try {
    const res = await withTimeout(fetch(req), NETWORK_TIMEOUT_MS);
    if (res.ok || res.status === 404) await cache.put(req, res.clone());
    return res;
  } catch {
    const cached = await cache.match(req, { ignoreVary: true });
    if (cached) return markedOffline(cached);
    // A page seen only inside the app has its data kept, not its HTML: the kept home page starts
    // the app (marked as a shell), which then shows the page from the kept data.
    const url = new URL(req.url);
    const home = req.mode === 'navigate' && (await cache.match(`/_data${url.pathname === '/' ? '' : url.pathname}${url.search}`, { ignoreVary: true })) ? await cache.match('/', { ignoreVary: true }) : undefined;
    if (home) return markedOffline(home, true);
    return offlinePage(req);
  }
}

/** A kept answer, marked: data by header (read by navigation.ts), pages by attributes on <html> (read by main.tsx). */
async function markedOffline(res: Response, asShell = false): Promise<Response> {
  const headers = new Headers(res.headers);
  headers.set('x-dp-cache', 'offline');
  headers.delete('content-length');
  const html = headers.get('content-type')?.startsWith('text/html');
  const body = html ? (await res.text()).replace(/<html\b/, asShell ? '<html data-offline data-shell' : '<html data-offline') : res.body;
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}

/** Not seen before and no network: a short notice (the home page, if cached, is one link away). */
function offlinePage(req: Request): Response {
  if (new URL(req.url).pathname.startsWith('/_data')) return new Response(JSON.stringify({ error: 'offline' }), { status: 503, headers: { 'content-type': 'application/json' } });
  // The worker cannot read the language setting (a cookie), so the page says it in German and English.
  const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline</title></head><body><main><h1>Sie sind offline</h1><p>Diese Seite wurde noch nicht geladen und ist ohne Internetverbindung nicht verfügbar.</p><p><a href="/">Zur Startseite</a></p><div lang="en"><h2>You are offline</h2><p>This page has not been loaded before and is not available without an internet connection.</p><p><a href="/">Go to the home page</a></p></div></main></body></html>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'x-dp-cache': 'offline' } });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
