import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from './display-modes.ts';

describe('bookmarks in Chromium', () => {
  const s = browserSuite();

  it('bookmarks a page, keeps it across a reload, lists it on /lesezeichen and removes it there', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/seite/impressum'));
    const button = page.locator('main .bookmark-button');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await button.textContent(), 'Merken');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await button.textContent(), 'Gemerkt');

    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.equal(await button.getAttribute('aria-pressed'), 'true', 'kept on the device');

    await page.locator('header a[href="/lesezeichen"]').click();
    await page.waitForURL(/\/lesezeichen$/);
    const link = page.locator('.bookmark-list a');
    await link.waitFor();
    assert.equal(await page.locator('#bookmarks-Page').textContent(), 'Seiten (1)');
    assert.equal(await link.textContent(), 'Impressum');
    assert.equal(await link.getAttribute('href'), '/seite/impressum');

    await assertAccessibleInAllModes(page, s.url(BB, '/lesezeichen'), () => link.waitFor());

    await page.locator('.bookmark-remove').click();
    assert.equal(await page.locator('.bookmarks-status').textContent(), '„Impressum“ wurde aus den Lesezeichen entfernt.');
    assert.equal(await page.locator('.bookmark-list').count(), 0);
    assert.match(await page.locator('.bookmarks-page .empty').textContent() ?? '', /^Sie haben noch nichts gemerkt/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 2000 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus stays on the page when the last one goes');
    await page.reload();
    await page.locator('.bookmarks-page .empty').waitFor();
    await assertAccessibleInAllModes(page, s.url(BB, '/lesezeichen'), () => page.locator('.bookmarks-page .empty').waitFor());

    await openApp(page, s.url(BB, '/seite/impressum'));
    assert.equal(await button.getAttribute('aria-pressed'), 'false', 'removed on /lesezeichen, so no longer pressed here');
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('bookmarks news, events, places, tours and generic items from their detail pages', async () => {
    const { context, page } = await newPage(s.browser);
    const details: [string, string][] = [
      ['/nachrichten', 'Nachrichten'],
      ['/veranstaltungen', 'Veranstaltungen'],
      ['/orte/liste', 'Orte'],
      ['/touren', 'Touren'],
      ['/eintraege/Offer', 'Weitere Einträge'],
    ];
    const titles: string[] = [];
    for (const [list] of details) {
      await openApp(page, s.url(BB, list));
      // The first entry of the list's own items (not the filter or navigation links).
      const first = page.locator('main .teasers a, main .teaser-title a, main li h2 a').first();
      await first.click();
      await page.waitForURL((u) => u.pathname !== list);
      const title = (await page.locator('main h1').textContent())!.trim();
      const button = page.locator('main .bookmark-button');
      await button.click();
      assert.equal(await button.getAttribute('aria-pressed'), 'true', `bookmarked ${title}`);
      titles.push(title);
    }
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.equal(await page.locator('main .bookmark-button').getAttribute('aria-pressed'), 'true');
    await openApp(page, s.url(BB, '/lesezeichen'));
    await page.locator('.bookmark-list a').first().waitFor();
    const listed = await page.locator('.bookmark-list a').allTextContents();
    for (const t of titles) assert.ok(listed.includes(t), `${t} listed in ${listed.join(', ')}`);
    for (const [, heading] of details) assert.ok((await page.locator('main h2').allTextContents()).some((h) => h.startsWith(heading)), heading);
    await context.close();
  });

  it('groups several bookmarks by type, newest first, and moves focus to the next one after a removal', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/'));
    const at = (n: number) => Date.UTC(2026, 0, n);
    const list = [
      { type: 'NewsItem', id: '1', title: 'Eine Nachricht', href: '/nachrichten/1', savedAt: at(3) },
      { type: 'Page', id: 'impressum', title: 'Impressum', href: '/seite/impressum', savedAt: at(1) },
      { type: 'Page', id: 'datenschutz', title: 'Datenschutz', href: '/seite/datenschutz', savedAt: at(2) },
      { type: 'Unknown', id: 'x', title: 'Kaputt', href: '/x', savedAt: 1 },
    ];
    await page.evaluate((l) => localStorage.setItem('dp_bookmarks', JSON.stringify(l)), list);
    await openApp(page, s.url(BB, '/lesezeichen'));
    await page.locator('.bookmark-list a').first().waitFor();
    assert.deepEqual(await page.locator('.bookmark-group h2').allTextContents(), ['Nachrichten (1)', 'Seiten (2)']);
    assert.deepEqual(await page.locator('.bookmark-list a').allTextContents(), ['Eine Nachricht', 'Datenschutz', 'Impressum'], 'malformed entries are left out');
    await page.locator('.bookmark-remove').nth(1).click();
    assert.deepEqual(await page.locator('.bookmark-list a').allTextContents(), ['Eine Nachricht', 'Impressum']);
    await page.waitForFunction(() => document.activeElement?.classList.contains('bookmark-remove'), null, { timeout: 2000 }).catch(() => undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Entfernen: Impressum');
    await context.close();
  });

  it('renders a loading state on the server (the list is on the device) and English labels for English', async () => {
    const res = await s.p.http.inject({ method: 'GET', url: '/lesezeichen', headers: { host: BB, accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<p class="loading">Wird geladen …<\/p>/);
    assert.match(res.body, /<noscript><p>Lesezeichen werden auf Ihrem Gerät gespeichert/);

    const { context, page } = await newPage(s.browser);
    await context.addCookies([{ name: 'dp_prefs', value: 'lang-en', url: s.url(BB) }]);
    await openApp(page, s.url(BB, '/seite/impressum'));
    const button = page.locator('main .bookmark-button');
    assert.equal(await button.textContent(), 'Bookmark');
    await button.click();
    assert.equal(await button.textContent(), 'Bookmarked');
    await openApp(page, s.url(BB, '/lesezeichen'));
    await page.locator('.bookmark-list a').waitFor();
    assert.equal(await page.locator('main h1').textContent(), 'Bookmarks');
    assert.equal(await page.locator('#bookmarks-Page').textContent(), 'Pages (1)');
    await context.close();
  });
});
