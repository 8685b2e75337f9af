import { browserSuite } from '../../../test/browser-suite.ts';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB } from '../../../test/harness.ts';
import { newPage, openApp, axeViolations, describeViolations } from '../../../test/browser.ts';

describe('web app shell in Chromium', () => {
  const s = browserSuite();

  it('renders the home page of each tenant with its own name and colour, without axe violations', async () => {
    for (const [host, name] of [
      [BB, 'Bad Belzig (Demo)'],
      [WB, 'Wiesenburg/Mark (Demo)'],
    ] as const) {
      const { context, page } = await newPage(s.browser);
      assert.equal(await openApp(page, s.url(host)), 200);
      assert.equal(await page.locator('.brand').textContent(), name);
      assert.equal(await page.title(), name);
      const bg = await page.locator('.app-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(bg, host === BB ? 'rgb(27, 94, 122)' : 'rgb(46, 125, 50)');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual((page as any).jsErrors, []);
      await context.close();
    }
  });

  it('navigates inside the app without a full reload, moves focus to the new heading, and back works', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB));
    await page.evaluate(() => ((window as any).__marker = 'same-document'));
    await page.locator('footer a', { hasText: 'Impressum' }).click();
    await page.waitForURL(/\/seite\/impressum$/);
    assert.equal(await page.locator('main h1').textContent(), 'Impressum');
    assert.equal(await page.evaluate(() => (window as any).__marker), 'same-document');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.match(await page.title(), /^Impressum – Bad Belzig/);
    await page.goBack();
    await page.waitForURL(s.url(BB));
    await page.locator('.carousel').waitFor();
    await context.close();
  });

  it('shows a not-found page with status 404 for unknown paths', async () => {
    const { context, page } = await newPage(s.browser);
    assert.equal(await openApp(page, s.url(BB, '/gibt-es-nicht')), 404);
    assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });

  it('offers a valid install manifest with the tenant name and icons', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(WB));
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    // Fetched by the page itself: the test process cannot resolve *.localhost, Chromium can.
    const get = (path: string) => page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
    }, path);
    const manifest = JSON.parse((await get(href!)).body);
    assert.equal(manifest.name, 'Wiesenburg/Mark (Demo)');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    for (const icon of manifest.icons) {
      const r = await get(icon.src);
      assert.equal(r.status, 200, icon.src);
      assert.equal(r.type, icon.type);
    }
    assert.ok(manifest.icons.some((i: any) => i.sizes === '512x512'));
    await context.close();
  });
});
