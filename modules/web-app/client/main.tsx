import { hydrate, render, type FunctionComponent } from 'preact';
import { App, type Boot } from './app.tsx';
import type { PagePayload, ViewProps } from './app-route.ts';
import { appRoutes } from './routes.ts';
import { fetchPage, internalLink } from './navigation.ts';
import { parsePrefs, prefsAttributes, serializePrefs, PREFS_COOKIE, type Prefs } from './prefs.ts';
import './styles.css';
import { resumeWaitingReports } from '../../defects/app/resume-sending.ts';

/**
 * The browser side: hydrates the server-rendered page, then handles in-app navigation by fetching
 * each page's data as JSON and loading the screen's code on demand. Focus moves to the new page's
 * heading and the title changes, so screen readers announce the navigation.
 */
type View = FunctionComponent<ViewProps<any>> | null;

const root = document.getElementById('app')!;
const boot = JSON.parse(document.getElementById('dp-boot')!.textContent!) as Boot;
let prefs: Prefs = parsePrefs(document.cookie);
let page: PagePayload = boot.page;
let view: View = await viewFor(page);
// The service worker marks pages it answered from its cache (data-offline): the network failed even if the device thinks it is online.
let offline = !navigator.onLine || document.documentElement.hasAttribute('data-offline');

async function viewFor(p: PagePayload): Promise<View> {
  const route = p.status === 200 ? appRoutes.find((r) => r.name === p.route) : undefined;
  return route ? (await route.view()).default : null;
}

function setPrefs(next: Prefs) {
  const langChanged = next.lang !== prefs.lang;
  prefs = next;
  document.cookie = `${PREFS_COOKIE}=${serializePrefs(next)}; path=/; max-age=31536000; samesite=lax`;
  for (const [k, v] of Object.entries(prefsAttributes(next))) document.documentElement.setAttribute(k, v);
  document.documentElement.lang = next.lang;
  draw();
  // Loaders write some texts (titles, headings) in the page's language: load the page again.
  if (langChanged) void go(new URL(location.href), false, false);
}

function draw() {
  render(<App config={boot.config} prefs={prefs} setPrefs={setPrefs} page={page} path={location.pathname} View={view} offline={offline} />, root);
}

type Loaded = { page: PagePayload; view: View; fromCache: boolean };

/** A page's data and screen (from the network, else the service worker's cache); null when neither has it. */
async function load(url: URL): Promise<Loaded | null> {
  document.body.setAttribute('aria-busy', 'true');
  try {
    const loaded = await fetchPage(url.pathname, url.search);
    return { ...loaded, view: await viewFor(loaded.page) };
  } catch {
    return null;
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

async function go(url: URL, push: boolean, moveFocus = true) {
  const loaded = await load(url);
  // Not reachable and not cached: let the browser try, so the service worker's offline page shows.
  if (!loaded) {
    location.href = url.href;
    return;
  }
  show(loaded, url, push, moveFocus);
}

function show(loaded: Loaded, url: URL, push: boolean, moveFocus: boolean) {
  ({ page, view } = loaded);
  offline = loaded.fromCache || !navigator.onLine;
  if (push) history.pushState(null, '', url.href);
  document.title = page.title === boot.config.tenantName ? page.title : `${page.title} – ${boot.config.tenantName}`;
  draw();
  if (!moveFocus) return;
  if (url.hash) document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
  else window.scrollTo(0, 0);
  (root.querySelector('main h1') as HTMLElement | null)?.focus();
}

// Hydrated as the server rendered it (never offline), then redrawn if the page came from the cache.
hydrate(<App config={boot.config} prefs={prefs} setPrefs={setPrefs} page={page} path={location.pathname} View={view} offline={false} />, root);
if (offline) draw();
// Started offline from the kept home page for a page whose data alone is kept (service-worker.ts): show that page.
const started = document.documentElement.hasAttribute('data-shell') ? go(new URL(location.href), false) : Promise.resolve();
// Served from the cache although online (the server answered too slowly): try again in the background.
void started.then(() => {
  if (offline && navigator.onLine) void refreshOnline(0);
});
// Interactive from here on (browser tests wait for it before clicking).
document.documentElement.dataset.hydrated = 'true';

document.addEventListener('click', (event) => {
  const url = internalLink(event);
  if (!url) return;
  event.preventDefault();
  void go(url, true);
});
// GET forms of the app (search, filters) load their result like a link.
document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (event.defaultPrevented || form.method !== 'get' || form.target) return;
  const url = new URL(form.action);
  if (url.origin !== location.origin) return;
  url.search = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString();
  event.preventDefault();
  void go(url, true);
});
window.addEventListener('popstate', () => void go(new URL(location.href), false));
window.addEventListener('offline', () => {
  offline = true;
  draw();
});
// Online but showing cached data (back online, or the network was too slow when this page
// loaded): fetch the current page again in the background, in place, and show the fresh data.
// Right after reconnecting the network may not answer yet (the cache answers again): retry.
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
async function refreshOnline(attempt: number) {
  clearTimeout(refreshTimer);
  const url = new URL(location.href);
  const loaded = await load(url);
  // (Unless the reader has moved on to another page meanwhile.)
  if (loaded && location.href === url.href) show(loaded, url, false, false);
  // (The service worker answers from its cache when the server takes longer than a few seconds.)
  if ((!loaded || loaded.fromCache) && navigator.onLine && attempt < 12) refreshTimer = setTimeout(() => void refreshOnline(attempt + 1), Math.min(500 * 2 ** attempt, 5000));
}
window.addEventListener('online', () => void refreshOnline(0));
resumeWaitingReports();

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {});
  void navigator.serviceWorker.ready.then((reg) => reg.active?.postMessage({ keep: location.pathname + location.search }));
}
