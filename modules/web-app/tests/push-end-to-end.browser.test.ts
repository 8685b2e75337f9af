import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, eventually } from '../../../test/harness.ts';
import { openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { LocalPushService } from '../../push/tests/local-push-service.ts';
import { pushDelivery, pushPage } from './push-browser.ts';

const PUBLISH = `mutation { createNewsItem(title: "Wasserleitung: Spülung am Dienstag", pushNotification: true, categoryName: "Aus dem Rathaus", contentBlocks: [{ intro: "<p>Bitte Leitungswasser abkochen.</p>" }]) { id } }`;

describe('push end to end in Chromium: the app subscribes, a published news item arrives once per device', () => {
  const s = browserSuite();
  let service: LocalPushService;
  before(async () => {
    service = await LocalPushService.start();
  });
  after(() => service?.close());

  /** A browser (its own context: another device) that turns push on in the app's settings. */
  const subscribedDevice = async (host: string) => {
    const origin = new URL(s.url(host)).origin;
    const device = await pushPage(s.browser, service, origin);
    await openApp(device.page, s.url(host, '/einstellungen'));
    await device.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await device.page.getByRole('switch', { name: 'Push-Mitteilungen erhalten' }).check();
    await device.page.locator('.push-section [role="status"]', { hasText: 'Push-Mitteilungen sind eingeschaltet.' }).waitFor();
    assert.equal(device.subscribed.length, 1);
    return { ...device, origin, endpoint: device.subscribed[0]!.subscription.endpoint };
  };

  it('delivers the news item to each subscribed browser of the municipality exactly once, decrypted as sent, and the service worker shows it', async () => {
    const first = await subscribedDevice(BB);
    const second = await subscribedDevice(BB);
    const elsewhere = await subscribedDevice(WB);

    const admin = await s.p.token('bad-belzig-admin');
    const created = await s.p.gql(BB, PUBLISH, {}, admin);
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    const path = `/nachrichten/${created.body.data.createNewsItem.id}`;
    // The jobs: announce → event → message → fan-out → send (twice: a second run finds nothing to send).
    for (let i = 0; i < 2; i++) while ((await s.p.jobs.runDue()) > 0);

    for (const device of [first, second]) {
      const got = service.messagesFor(device.endpoint).map((m) => JSON.parse(m.payload));
      assert.equal(got.length, 1, 'exactly one delivery');
      assert.deepEqual({ title: got[0].title, body: got[0].body, url: got[0].url }, { title: 'Wasserleitung: Spülung am Dienstag', body: 'Bitte Leitungswasser abkochen.', url: path });
    }
    assert.equal(service.messagesFor(elsewhere.endpoint).length, 0, 'not to another municipality');

    // What the push service holds, handed to the browser as its push service would: shown, and a click opens the page.
    await first.context.grantPermissions(['notifications'], { origin: first.origin });
    const deliver = await pushDelivery(first.context, first.page, first.origin);
    await deliver(service.messagesFor(first.endpoint)[0]!.payload);
    const shown = () => first.page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, url: n.data?.url })));
    assert.ok(await eventually(async () => (await shown()).length === 1, 10_000), 'notification shown');
    assert.deepEqual(await shown(), [{ title: 'Wasserleitung: Spülung am Dienstag', body: 'Bitte Leitungswasser abkochen.', url: path }]);
    for (const device of [first, second, elsewhere]) await device.context.close();
  });
});
