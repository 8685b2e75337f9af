import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, eventually } from '../../../test/harness.ts';
import { assertNoAxeViolations, newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { LocalPushService } from '../../push/tests/local-push-service.ts';
import { vapidKeys } from '../../push/vapid-keys.ts';
import { pushDelivery, pushPage } from './push-browser.ts';
import { assertAccessibleInAllModes } from './display-modes.ts';

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

describe('push settings on the settings screen in Chromium', () => {
  const s = browserSuite();
  let service: LocalPushService;
  let categoryId: (name: string) => number;
  before(async () => {
    service = await LocalPushService.start();
    const res = await s.p.gql(BB, '{ categories { id name } }');
    const ids = new Map<string, number>(res.body.data.categories.map((c: { id: string; name: string }) => [c.name, Number(c.id)]));
    categoryId = (name) => ids.get(name) ?? assert.fail(`no category ${name}`);
  });
  after(() => service?.close());

  const origin = () => new URL(s.url(BB)).origin;
  const stored = (endpoint: string) =>
    s.p.database
      .forTenant(s.p.tenants.get('bad-belzig')!.id)
      .selectFrom('push_web_subscriptions')
      .select(['category_ids', 'language', 'p256dh', 'auth'])
      .where('endpoint', '=', endpoint)
      .executeTakeFirst();
  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

  it('asks for nothing on the first visit; the switch subscribes with the chosen topics, a topic change updates, turning off deletes', async () => {
    const { context, page, subscribed, permissionRequests, browserSubscription } = await pushPage(s.browser, service, origin());
    await openApp(page, s.url(BB, '/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    assert.equal(await permissionRequests(), 0, 'the first visit asks for nothing');

    await openApp(page, s.url(BB, '/einstellungen'));
    const section = page.locator('.push-section');
    assert.equal(await section.locator('h2').textContent(), 'Push-Mitteilungen');
    assert.match((await section.textContent())!, /wichtige Hinweise und Warnungen sowie Nachrichten zu den Themen/);
    const toggle = page.getByRole('switch', { name: 'Push-Mitteilungen erhalten' });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), false);
    assert.equal(await page.locator('.push-topics legend').textContent(), 'Themen');
    // The news categories as a tree: a subcategory in a list inside its parent's item.
    assert.equal(await page.locator('.push-topics > ul > li', { hasText: 'Kultur & Freizeit' }).locator('ul').getByRole('checkbox', { name: 'Sport' }).count(), 1);
    assert.equal(await permissionRequests(), 0, 'opening the settings asks for nothing either');

    // A topic chosen while off is sent when turning on.
    await page.getByRole('checkbox', { name: 'Warnungen' }).check();
    assert.equal(subscribed.length, 0);
    await toggle.check();
    const status = page.locator('.push-section [role="status"]');
    await status.filter({ hasText: 'Push-Mitteilungen sind eingeschaltet.' }).waitFor();
    assert.equal(await permissionRequests(), 1, 'asked once, when the switch was turned on');
    assert.equal(subscribed.length, 1);
    const { key, subscription } = subscribed[0]!;
    assert.equal(key, (await vapidKeys(s.p.database.system)).publicKey, 'subscribed for the server key');
    assert.deepEqual(await stored(subscription.endpoint), { category_ids: [categoryId('Warnungen')], language: 'de', p256dh: subscription.keys.p256dh, auth: subscription.keys.auth });

    await page.getByRole('checkbox', { name: 'Sport' }).check();
    await status.filter({ hasText: 'Ihre Themen wurden gespeichert.' }).waitFor();
    assert.ok(await eventually(async () => sorted((await stored(subscription.endpoint))!.category_ids).join() === sorted([categoryId('Warnungen'), categoryId('Sport')]).join()));
    await page.getByRole('checkbox', { name: 'Warnungen' }).uncheck();
    assert.ok(await eventually(async () => (await stored(subscription.endpoint))!.category_ids.join() === String(categoryId('Sport'))));
    await assertNoAxeViolations(page);

    // After a reload the state comes from the browser's subscription and the server.
    await openApp(page, s.url(BB, '/einstellungen'));
    await page.locator('.push-switch input:checked').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Sport' }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: 'Warnungen' }).isChecked(), false);
    assert.equal(await permissionRequests(), 0);

    // The app's language goes to the server with the subscription.
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('switch', { name: 'Receive push notifications' }).waitFor();
    assert.ok(await eventually(async () => (await stored(subscription.endpoint))!.language === 'en'));

    await page.getByRole('switch', { name: 'Receive push notifications' }).uncheck();
    await status.filter({ hasText: 'Push notifications are off.' }).waitFor();
    assert.equal(await stored(subscription.endpoint), undefined, 'deleted on the server');
    assert.equal(await browserSubscription(), null, 'unsubscribed in the browser');
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('says when the browser cannot receive push, when notifications are blocked, and on iPhone how to install first', async () => {
    const unsupported = await pushPage(s.browser, service, origin(), { noPush: true });
    await openApp(unsupported.page, s.url(BB, '/einstellungen'));
    await unsupported.page.locator('.push-section [role="status"]', { hasText: 'Dieser Browser kann keine Push-Mitteilungen empfangen.' }).waitFor();
    assert.equal(await unsupported.page.getByRole('switch').count(), 0);
    await unsupported.context.close();

    const iphone = await pushPage(s.browser, service, origin(), { noPush: true, userAgent: IPHONE });
    await openApp(iphone.page, s.url(BB, '/einstellungen'));
    await iphone.page.locator('.push-section [role="status"]', { hasText: '„Zum Home-Bildschirm“' }).waitFor();
    await iphone.context.close();

    const blocked = await pushPage(s.browser, service, origin(), { deny: true });
    await openApp(blocked.page, s.url(BB, '/einstellungen'));
    const status = blocked.page.locator('.push-section [role="status"]');
    await status.filter({ hasText: 'Sie haben diesem Browser verboten, Mitteilungen dieser Seite anzuzeigen.' }).waitFor();
    assert.match((await status.textContent())!, /erlauben Sie Mitteilungen in den Einstellungen Ihres Browsers/);
    await blocked.page.getByRole('switch', { name: 'Push-Mitteilungen erhalten' }).click();
    await status.filter({ hasText: 'Sie haben diesem Browser verboten' }).waitFor();
    assert.equal(await blocked.page.getByRole('switch').isChecked(), false);
    assert.equal(blocked.subscribed.length, 0, 'nothing subscribed without permission');
    await assertAccessibleInAllModes(blocked.page, s.url(BB, '/einstellungen'), () => status.filter({ hasText: 'Sie haben diesem Browser verboten' }).waitFor());
    await blocked.context.close();
  });

  it('service worker: shows a pushed message with the app icon, a notice for a push without payload, and opens the page on a click', async () => {
    const { context, page } = await pushPage(s.browser, service, origin(), { granted: true });
    await openApp(page, s.url(BB, '/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const deliver = await pushDelivery(context, page, origin());
    const shown = () =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, icon: n.icon, tag: n.tag, lang: n.lang, data: n.data })));
    const whenShown = async (title: string) => {
      assert.ok(await eventually(async () => (await shown()).some((n) => n.title === title), 10_000), `notification "${title}" shown`);
      return (await shown()).filter((n) => n.title === title);
    };
    const manifest = (await s.p.http.inject({ url: '/manifest.webmanifest', headers: { host: BB } })).json();
    const appIcon = new URL(manifest.icons.find((i: { sizes: string }) => i.sizes === '192x192').src, origin()).href;

    await deliver(JSON.stringify({ title: 'Hauptstraße gesperrt', body: 'Ab Montag wird gebaut.', url: '/nachrichten', tag: 'news-1', lang: 'de' }));
    assert.deepEqual(await whenShown('Hauptstraße gesperrt'), [{ title: 'Hauptstraße gesperrt', body: 'Ab Montag wird gebaut.', icon: appIcon, tag: 'news-1', lang: 'de', data: { url: '/nachrichten' } }]);
    await deliver('');
    assert.deepEqual(await whenShown('Neue Mitteilung'), [{ title: 'Neue Mitteilung', body: 'Öffnen Sie die App, um sie zu lesen.', icon: appIcon, tag: '', lang: 'de', data: { url: '/' } }]);
    await deliver(JSON.stringify({ title: 'Woanders', body: 'Ein Link nach außen', url: 'https://example.org/phishing', tag: 'elsewhere', icon: '/media/x.png', lang: 'en' }));
    assert.equal((await whenShown('Woanders'))[0]!.icon, new URL('/media/x.png', origin()).href);

    // A click closes the notification and shows its page in the open window.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const click = (tag: string) =>
      worker.evaluate(async (tag) => {
        const sw = self as any;
        const [notification] = await sw.registration.getNotifications({ tag });
        sw.dispatchEvent(new (sw.NotificationEvent)('notificationclick', { notification }));
      }, tag);
    await click('news-1');
    await page.waitForURL(s.url(BB, '/nachrichten'));
    assert.ok(!(await shown()).some((n) => n.tag === 'news-1'), 'closed');
    // Another site's address opens the app's home instead.
    await click('elsewhere');
    await page.waitForURL(s.url(BB, '/'));
    // No window of the app open: a new one. Chromium opens windows only for a click on the
    // notification itself, not for this dispatched event, so the call is recorded instead.
    await deliver(JSON.stringify({ title: 'Veranstaltungen', body: 'Was am Wochenende los ist', url: '/veranstaltungen', tag: 'events' }));
    await whenShown('Veranstaltungen');
    await page.goto('about:blank');
    const windows = () => worker.evaluate(async () => (await (self as any).clients.matchAll({ type: 'window', includeUncontrolled: true })).length);
    assert.ok(await eventually(async () => (await windows()) === 0, 10_000), 'the worker sees no window');
    await worker.evaluate(() => {
      const sw = self as any;
      Object.assign(sw.clients, {
        async openWindow(url: string) {
          sw.openedWindow = url;
          return null;
        },
      });
    });
    await click('events');
    assert.ok(await eventually(async () => (await worker.evaluate(() => (self as any).openedWindow)) === s.url(BB, '/veranstaltungen'), 10_000), 'a new window for the page');
    await context.close();
  });

  it('service worker: a replaced subscription keeps its topics and language (pushsubscriptionchange)', async () => {
    const { context, page } = await pushPage(s.browser, service, origin());
    await openApp(page, s.url(BB, '/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const applicationServerKey = (await vapidKeys(s.p.database.system)).publicKey;
    const [old, next] = [service.subscribe({ applicationServerKey }), service.subscribe({ applicationServerKey })];
    const res = await s.p.http.inject({ method: 'POST', url: '/push/subscriptions', headers: { host: BB, 'content-type': 'application/json' }, payload: { ...old, categoryIds: [categoryId('Sport')], language: 'en' } });
    assert.equal(res.statusCode, 201, res.body);

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await worker.evaluate((subscriptions) => {
      const [oldSubscription, newSubscription] = subscriptions.map((json) => ({ endpoint: json.endpoint, options: { userVisibleOnly: true, applicationServerKey: null }, toJSON() { return json; } }));
      const event = new ((self as any).ExtendableEvent)('pushsubscriptionchange');
      Object.defineProperties(event, { oldSubscription: { value: oldSubscription }, newSubscription: { value: newSubscription } });
      self.dispatchEvent(event);
    }, [old, next]);
    assert.ok(await eventually(async () => (await stored(next.endpoint)) !== undefined, 10_000), 'the new subscription is registered');
    assert.deepEqual(await stored(next.endpoint), { category_ids: [categoryId('Sport')], language: 'en', p256dh: next.keys.p256dh, auth: next.keys.auth });
    assert.equal(await stored(old.endpoint), undefined, 'the old one is removed');
    await context.close();
  });

  it('says without JavaScript that push needs it, and is not there when the municipality has no push module', async () => {
    const { context, page } = await newPage(s.browser, { javaScriptEnabled: false });
    await page.goto(s.url(BB, '/einstellungen'));
    assert.match((await page.locator('.push-section').textContent())!, /Push-Mitteilungen brauchen JavaScript\./);
    assert.equal(await page.locator('.push-section input').count(), 0);

    const tenant = s.p.tenants.get('wiesenburg')!;
    await page.goto(s.url(WB, '/einstellungen'));
    assert.equal(await page.locator('.push-section').count(), 1);
    await s.p.tenants.update(tenant.id, { enabledModules: tenant.enabledModules.filter((m) => m !== 'push') });
    try {
      await page.goto(s.url(WB, '/einstellungen'));
      assert.equal(await page.locator('main h1').textContent(), 'Einstellungen');
      assert.equal(await page.locator('.push-section').count(), 0);
    } finally {
      await s.p.tenants.update(tenant.id, { enabledModules: tenant.enabledModules });
    }
    await context.close();
  });
});
