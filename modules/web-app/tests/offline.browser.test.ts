import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';

const CREATE_NEWS = `mutation($title: String) {
  createNewsItem(title: $title, externalId: "offline-test", categoryName: "Aus dem Rathaus", contentBlocks: [{ title: $title, body: "<p>Neu</p>" }]) { id }
}`;

describe('offline start in Chromium (service worker)', () => {
  const s = browserSuite();

  it('after one visit starts offline from the cache with a notice, opens seen pages, says when a page was not seen, and refreshes when back online', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/'));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    // One more page, opened inside the app (its data is kept) …
    await page.locator('footer a', { hasText: 'Impressum' }).click();
    await page.waitForURL(/\/seite\/impressum$/);
    await page.locator('main h1', { hasText: 'Impressum' }).waitFor();
    // … and one loaded as a document (its HTML is kept).
    await openApp(page, s.url(BB, '/seite/datenschutz'));
    await openApp(page, s.url(BB, '/'));
    const firstNews = await page.locator('.home-block .teaser-title a').first().textContent();

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.equal(await page.locator('.brand').textContent(), 'Bad Belzig (Demo)');
    assert.equal(await page.locator('.home-block .teaser-title a').first().textContent(), firstNews, 'home content from the cache');
    const notice = page.locator('.offline-notice');
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.equal(await notice.textContent(), 'Sie sind offline. Angezeigt werden zuletzt geladene Inhalte.');
    assert.ok(await notice.isVisible());

    // Seen pages open inside the app, from the cache.
    await page.locator('footer a', { hasText: 'Impressum' }).click();
    await page.waitForURL(/\/seite\/impressum$/);
    await page.locator('main h1', { hasText: 'Impressum' }).waitFor();
    assert.ok(await notice.isVisible());
    await page.locator('footer a', { hasText: 'Datenschutz' }).click();
    await page.locator('main h1', { hasText: 'Datenschutz' }).waitFor();
    // Loaded as documents too: the one seen as a document, and the one seen only inside the app.
    for (const [path, heading] of [
      ['/seite/datenschutz', 'Datenschutz'],
      ['/seite/impressum', 'Impressum'],
    ]) {
      await openApp(page, s.url(BB, path));
      await page.locator('main h1', { hasText: heading }).waitFor();
      assert.ok(await notice.isVisible(), path);
    }

    // A page never seen: the service worker's offline page.
    const res = await page.goto(s.url(BB, '/suche?q=nie+gesehen'));
    assert.equal(res?.status(), 503);
    assert.equal(await page.locator('h1').textContent(), 'Sie sind offline');

    // Back online: the notice goes and the page shows fresh data.
    await openApp(page, s.url(BB, '/'));
    const admin = await s.p.token('bad-belzig-admin');
    const created = await s.p.gql(BB, CREATE_NEWS, { title: 'Frisch nach dem Offline-Test' }, admin);
    assert.equal(created.body.errors, undefined, JSON.stringify(created.body.errors));
    assert.notEqual(await page.locator('.home-block .teaser-title a').first().textContent(), 'Frisch nach dem Offline-Test');
    await context.setOffline(false);
    // The app retries while the reconnected network is slow (a loaded machine answers late).
    await notice.waitFor({ state: 'detached', timeout: 90_000 });
    await page.locator('.home-block .teaser-title a', { hasText: 'Frisch nach dem Offline-Test' }).waitFor({ timeout: 60_000 });
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });
});
