import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPage } from '../../../test/browser.ts';
import { eventually } from '../../../test/harness.ts';
import type { LocalPushService, SubscriptionJson } from '../../push/tests/local-push-service.ts';

/**
 * Chromium's own push service is on the internet, so tests replace the page's PushManager:
 * `subscribe` returns a subscription of the local push service (made in Node, for the key the
 * page passes), kept in localStorage so `getSubscription` finds it after a reload, and
 * `unsubscribe` drops it. `Notification.requestPermission` is counted; it grants (as a person
 * clicking "Allow") or, with `deny`, answers as a browser where notifications are blocked.
 */
export type PushPage = {
  context: BrowserContext;
  page: Page;
  /** Subscriptions the page made, with the applicationServerKey it passed (base64url). */
  subscribed: { key: string; subscription: SubscriptionJson }[];
  /** Calls of Notification.requestPermission since the page last loaded. */
  permissionRequests: () => Promise<number>;
  /** What the page's PushManager holds now (null after unsubscribe). */
  browserSubscription: () => Promise<SubscriptionJson | null>;
};

export type PushPageOptions = { deny?: boolean; noPush?: boolean; userAgent?: string; granted?: boolean };

export async function pushPage(browser: Browser, service: LocalPushService, origin: string, opts: PushPageOptions = {}): Promise<PushPage> {
  const { context, page } = await newPage(browser, opts.userAgent ? { userAgent: opts.userAgent } : {});
  if (opts.granted) await context.grantPermissions(['notifications'], { origin });
  const subscribed: PushPage['subscribed'] = [];
  await context.exposeFunction('dpTestSubscribe', (key: string) => {
    const subscription = service.subscribe({ applicationServerKey: key });
    subscribed.push({ key, subscription });
    return subscription;
  });
  await context.exposeFunction('dpTestAllow', () => context.grantPermissions(['notifications'], { origin }));
  // tsx names the script's inner functions with a helper the page does not have: define it there.
  await context.addInitScript({ content: `var __name = (f) => f; (${fakePushManager})(${JSON.stringify({ deny: !!opts.deny, noPush: !!opts.noPush })});` });
  return {
    context,
    page,
    subscribed,
    permissionRequests: () => page.evaluate(() => (window as any).__permissionRequests as number),
    browserSubscription: () => page.evaluate(() => JSON.parse(localStorage.getItem('dp-test-push') ?? 'null')),
  };
}

/** Runs in the page before its scripts (sent as source: self-contained). */
function fakePushManager({ deny, noPush }: { deny: boolean; noPush: boolean }) {
  const w = window as any;
  if (noPush) {
    delete w.PushManager;
    return;
  }
  const KEY = 'dp-test-push';
  const base64url = (buffer: ArrayBuffer | ArrayBufferView) => {
    const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const fake = (json: { endpoint: string }) => ({
    endpoint: json.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: null },
    toJSON: () => json,
    unsubscribe: async () => {
      localStorage.removeItem(KEY);
      return true;
    },
  });
  w.PushManager.prototype.subscribe = async (options: { applicationServerKey: ArrayBuffer | ArrayBufferView }) => {
    const json = await w.dpTestSubscribe(base64url(options.applicationServerKey));
    localStorage.setItem(KEY, JSON.stringify(json));
    return fake(json);
  };
  w.PushManager.prototype.getSubscription = async () => {
    const json = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return json && fake(json);
  };
  w.__permissionRequests = 0;
  if (deny) Object.defineProperty(Notification, 'permission', { get: () => 'denied' });
  const request = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = async () => {
    w.__permissionRequests++;
    if (deny) return 'denied';
    await w.dpTestAllow();
    return request();
  };
}

/**
 * Delivers push messages to the app's service worker as the browser does when its push service
 * hands one over (DevTools' ServiceWorker.deliverPushMessage): a real `push` event, with `data`
 * as the decrypted payload.
 */
export async function pushDelivery(context: BrowserContext, page: Page, origin: string): Promise<(data: string) => Promise<void>> {
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
  await cdp.send('ServiceWorker.enable');
  const ours = () => registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
  if (!(await eventually(async () => !!ours(), 10_000))) throw new Error(`no service worker registered for ${origin}`);
  const { registrationId } = ours()!;
  return async (data) => {
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: `${origin}/`, registrationId, data });
  };
}
