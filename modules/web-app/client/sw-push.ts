/**
 * Push in the service worker (imported by service-worker.ts only, so it is built into sw.js):
 * shows the notification a push carries, opens its page when it is clicked, and moves the
 * server's record to the new subscription when the browser replaces one.
 *
 * The sender's payload is JSON `{title, body, url, tag?, lang?, icon?}`; `url` is a path of this
 * app (another origin opens the app's home), `icon` defaults to the tenant's app icon.
 */
type ExtendableEventLike = Event & { waitUntil(p: Promise<unknown>): void };
type PushEventLike = ExtendableEventLike & { data: { text(): string } | null };
type NotificationEventLike = ExtendableEventLike & { notification: Notification };
type SubscriptionChangeEventLike = ExtendableEventLike & { oldSubscription: PushSubscription | null; newSubscription: PushSubscription | null };
type WindowClientLike = { focused: boolean; focus(): Promise<unknown>; navigate(url: string): Promise<unknown> };

export type PushWorker = {
  addEventListener(type: 'push', fn: (e: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', fn: (e: NotificationEventLike) => void): void;
  addEventListener(type: 'pushsubscriptionchange', fn: (e: SubscriptionChangeEventLike) => void): void;
  registration: ServiceWorkerRegistration;
  clients: { matchAll(o: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClientLike[]>; openWindow(url: string): Promise<unknown> };
};

type Payload = { title: string; body?: string; url?: string; tag?: string; lang?: string; icon?: string };

/** A push without a readable payload still has to show something (userVisibleOnly). */
const GENERIC: Payload = { title: 'Neue Mitteilung', body: 'Öffnen Sie die App, um sie zu lesen.', lang: 'de' };
const FALLBACK_ICON = '/app-icon-192.png';

export function handlePush(sw: PushWorker): void {
  sw.addEventListener('push', (event) => event.waitUntil(showPush(sw, readPayload(event.data) ?? GENERIC)));
  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openPage(sw, appUrl((event.notification.data as { url?: unknown } | null)?.url)));
  });
  sw.addEventListener('pushsubscriptionchange', (event) => event.waitUntil(moveSubscription(sw, event.oldSubscription, event.newSubscription).catch(() => undefined)));
}

/** The payload's fields as far as they are non-empty strings; null without a title. */
function readPayload(data: PushEventLike['data']): Payload | null {
  let raw: unknown;
  try {
    raw = data ? JSON.parse(data.text()) : null;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const p = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const title = text(p.title);
  return title ? { title, body: text(p.body), url: text(p.url), tag: text(p.tag), lang: text(p.lang), icon: text(p.icon) } : null;
}

async function showPush(sw: PushWorker, p: Payload): Promise<void> {
  const icon = (p.icon && webUrl(p.icon)) || (await appIcon());
  await sw.registration.showNotification(p.title, { body: p.body ?? '', icon, lang: p.lang ?? 'de', data: { url: p.url ?? '/' }, ...(p.tag ? { tag: p.tag } : {}) });
}

/** The tenant's icon from its install manifest (the studio may have chosen one), else the drawn one. */
async function appIcon(): Promise<string> {
  try {
    const res = (await caches.match('/manifest.webmanifest', { ignoreVary: true })) ?? (await fetch('/manifest.webmanifest'));
    const icons = ((await res.json()) as { icons?: { src?: string; sizes?: string; type?: string }[] }).icons ?? [];
    const icon = icons.find((i) => i.sizes?.split(' ').includes('192x192')) ?? icons.find((i) => i.type !== 'image/svg+xml');
    return (icon?.src && webUrl(icon.src)) || FALLBACK_ICON;
  } catch {
    return FALLBACK_ICON;
  }
}

function webUrl(value: string): string | null {
  try {
    const url = new URL(value, location.origin);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A page of this app; anything else (another site, javascript:) becomes the app's home. */
function appUrl(value: unknown): string {
  const url = typeof value === 'string' ? webUrl(value) : null;
  return url && new URL(url).origin === location.origin ? url : new URL('/', location.origin).href;
}

/** An open window of the app shows the page (focused, if the browser allows it); else a new one opens. */
async function openPage(sw: PushWorker, url: string): Promise<void> {
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const client = windows.find((c) => c.focused) ?? windows[0];
  if (client) {
    await client.focus().catch(() => undefined);
    // Only windows this worker controls can be navigated; for others a new window opens.
    if (await client.navigate(url).then(Boolean, () => false)) return;
  }
  await sw.clients.openWindow(url);
}

/**
 * The browser replaced the subscription (it expired or the push service renewed it): the old one's
 * topics and language, read from the server, go to the new one, and the old one is removed. Without
 * the old subscription the choices are unknown; the settings screen then shows push as off on the
 * next visit, and the person can turn it on again.
 */
async function moveSubscription(sw: PushWorker, old: PushSubscription | null, replacement: PushSubscription | null): Promise<void> {
  if (!old) return;
  const reference = { endpoint: old.endpoint, keys: { auth: old.toJSON().keys?.auth } };
  const known = await send('PUT', reference);
  if (!known.ok) return;
  const { subscription: choices } = (await known.json()) as { subscription: { categoryIds: number[]; language: string } };
  const next = replacement ?? (await sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: old.options.applicationServerKey }));
  await send('DELETE', reference);
  await send('POST', { ...next.toJSON(), categoryIds: choices.categoryIds, language: choices.language });
}

function send(method: 'POST' | 'PUT' | 'DELETE', body: unknown): Promise<Response> {
  return fetch('/push/subscriptions', { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
