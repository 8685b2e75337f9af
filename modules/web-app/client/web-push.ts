import type { Lang } from './i18n.ts';

/**
 * Web Push in the browser for the settings screen: the browser's subscription (through the
 * service worker's pushManager) and its registration with the push module's REST routes
 * (modules/push/README.md). Loaded with the settings screen's push controls only.
 */

export type PushSupport = 'supported' | 'unsupported' | 'ios-install';
export type Choices = { categoryIds: number[]; language: Lang };
/** What the server keeps for this browser. */
export type Registered = { categoryIds: number[]; language: string };
/** Turning on ends with the subscription registered, or with the person not allowing notifications. */
export type TurnOnResult = PushSubscription | 'denied' | 'dismissed';

const SUBSCRIPTIONS = '/push/subscriptions';

/**
 * iOS and iPadOS offer push only to web apps added to the home screen (16.4+): in Safari's tab
 * the APIs are missing, so the page explains how to install instead of "not supported".
 */
export function pushSupport(): PushSupport {
  if ('serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window) return 'supported';
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.userAgent.includes('Macintosh') && navigator.maxTouchPoints > 1);
  const installed = matchMedia('(display-mode: standalone)').matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return ios && !installed ? 'ios-install' : 'unsupported';
}

export const permissionDenied = () => Notification.permission === 'denied';

/** The browser's subscription, if it has one (without waiting for a service worker that is not there yet). */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * What the server keeps for this subscription; sends the app's language along, so a language
 * changed since is taken over. Null when the server does not know the subscription.
 */
export function registered(subscription: PushSubscription, language: Lang): Promise<Registered | null> {
  return send('PUT', { ...reference(subscription), language });
}

export function changeCategories(subscription: PushSubscription, categoryIds: number[]): Promise<Registered | null> {
  return send('PUT', { ...reference(subscription), categoryIds });
}

/** Only ever called when the person turns the switch on: the permission prompt comes from that. */
export async function turnOn(choices: Choices): Promise<TurnOnResult> {
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'dismissed';
  const { publicKey } = await fetchJson<{ publicKey: string }>('/push/vapid-public-key');
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64url(publicKey) });
  try {
    await send('POST', { ...subscription.toJSON(), ...choices });
  } catch (err) {
    // Not registered, so nothing would arrive: leave the browser as it was.
    await subscription.unsubscribe().catch(() => false);
    throw err;
  }
  return subscription;
}

/** The server forgets the subscription first: if it cannot be reached, nothing changes. */
export async function turnOff(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await send('DELETE', reference(subscription));
  await subscription.unsubscribe();
}

/** After the server said it does not know the subscription: the browser drops it too. */
export async function forget(subscription: PushSubscription): Promise<void> {
  await subscription.unsubscribe().catch(() => false);
}

/** The endpoint with its auth secret identifies a subscription to the server. */
function reference(subscription: PushSubscription) {
  const { endpoint, keys } = subscription.toJSON();
  return { endpoint, keys: { auth: keys?.auth } };
}

/** 404 (no such subscription) is null; other failures throw. */
async function send(method: 'POST' | 'PUT' | 'DELETE', body: unknown): Promise<Registered | null> {
  const res = await fetch(SUBSCRIPTIONS, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`${method} ${SUBSCRIPTIONS}: ${res.status}`);
  return res.status === 204 ? null : ((await res.json()) as { subscription: Registered }).subscription;
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return (await res.json()) as T;
}

function fromBase64url(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
