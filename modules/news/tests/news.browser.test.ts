import { browserSuite } from '../../../test/browser-suite.ts';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp, assertNoAxeViolations } from '../../../test/browser.ts';

describe('news screens in Chromium', () => {
  const s = browserSuite();

  it('follows a news item from home to its detail page: blocks, images with copyright, source, publisher', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB));
    const link = page.locator('main a[href^="/nachrichten/"]').first();
    const href = (await link.getAttribute('href'))!;
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL(s.url(BB, href));
    assert.equal(await page.locator('main h1').textContent(), title);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

    const id = href.split('/').pop()!;
    const api = (await s.p.gql(BB, `{ newsItem(id: ${id}) { sourceUrl { url } dataProvider { name } categories { id name } contentBlocks { title intro mediaContents { captionText copyright } } } }`)).body.data.newsItem;
    const blocks = page.locator('.news-block');
    assert.equal(await blocks.count(), api.contentBlocks.length);
    assert.deepEqual(await page.locator('.news-block h2').allTextContents(), api.contentBlocks.map((b: any) => b.title).filter(Boolean));
    assert.equal(await page.locator('.news-intro').first().textContent(), api.contentBlocks[0].intro);
    // Bodies are HTML (sanitised when saved): rendered as elements, not as escaped text.
    assert.ok((await page.locator('.news-block .rich-text p').count()) > 0);
    assert.ok(!(await page.locator('main').textContent())!.includes('<p>'));
    const media = api.contentBlocks.flatMap((b: any) => b.mediaContents);
    assert.equal(await page.locator('.news-block figure img').count(), media.length);
    if (media.length) {
      assert.equal(await page.locator('.news-block figure img').first().getAttribute('alt'), media[0].captionText);
      assert.match((await page.locator('.news-block figcaption').first().textContent())!, new RegExp(`Foto: ${media[0].copyright.replace(/[()]/g, '\\$&')}`));
    }
    if (api.sourceUrl?.url) assert.equal(await page.locator('.news-origin a').first().getAttribute('href'), api.sourceUrl.url);
    assert.match((await page.locator('.provider-note').textContent())!, new RegExp(`Herausgeber: ${api.dataProvider.name.replace(/[()]/g, '\\$&')}`));
    assert.deepEqual(await page.locator('.chips a').allTextContents(), api.categories.map((c: any) => c.name));
    assert.match(await page.title(), new RegExp(`^${title.replace(/[()?]/g, '\\$&')} – Bad Belzig`));
    await assertNoAxeViolations(page);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('lists 15 news a page with links to older pages, and filters by category from a detail page', async () => {
    const total = (await s.p.gql(BB, '{ newsItemsCount }')).body.data.newsItemsCount;
    const pages = Math.ceil(total / 15);
    assert.ok(pages >= 2, 'the demo has more than one page of news');
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/nachrichten'));
    assert.equal(await page.locator('main h1').textContent(), 'Nachrichten');
    assert.equal(await page.locator('.teaser').count(), 15);
    const firstPageTitles = await page.locator('.teaser-title').allTextContents();
    const api = (await s.p.gql(BB, '{ newsItems(limit: 15, skip: 15) { title } }')).body.data.newsItems.map((n: any) => n.title);
    await assertNoAxeViolations(page);
    await page.locator('.pager a', { hasText: 'Ältere Nachrichten' }).click();
    await page.waitForURL(s.url(BB, '/nachrichten?seite=2'));
    assert.deepEqual(await page.locator('.teaser-title').allTextContents(), api);
    assert.notDeepEqual(api, firstPageTitles);
    assert.equal(await page.locator('.pager-status').textContent(), `Seite 2 von ${pages}`);
    assert.equal(await page.locator('.pager a[rel=prev]').getAttribute('href'), '/nachrichten');

    // A category chip on a detail page leads to that category's list, titled with its name.
    await page.locator('.teaser-title a').first().click();
    await page.locator('.chips a').first().waitFor();
    const chip = page.locator('.chips a').first();
    const name = (await chip.textContent())!;
    const categoryId = new URL((await chip.getAttribute('href'))!, 'http://x').searchParams.get('kategorie');
    await chip.click();
    await page.waitForURL(s.url(BB, `/nachrichten?kategorie=${categoryId}`));
    assert.equal(await page.locator('main h1').textContent(), name);
    const inCategory = (await s.p.gql(BB, `{ newsItems(categoryId: ${categoryId}, limit: 15) { title } }`)).body.data.newsItems.map((n: any) => n.title);
    assert.deepEqual(await page.locator('.teaser-title').allTextContents(), inCategory);
    await assertNoAxeViolations(page);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('pages through the list without JavaScript', async () => {
    const { context, page } = await newPage(s.browser, { javaScriptEnabled: false });
    await page.goto(s.url(BB, '/nachrichten?seite=2'));
    await page.locator('.pager a', { hasText: 'Ältere Nachrichten' }).click();
    await page.waitForURL(s.url(BB, '/nachrichten?seite=3'));
    assert.equal(await page.locator('.pager-status').textContent(), `Seite 3 von ${Math.ceil((await s.p.gql(BB, '{ newsItemsCount }')).body.data.newsItemsCount / 15)}`);
    await context.close();
  });

  it('answers unknown, malformed and out-of-range addresses with the not-found page', async () => {
    const { context, page } = await newPage(s.browser);
    for (const path of ['/nachrichten/999999', '/nachrichten/abc', '/nachrichten?seite=99', '/nachrichten?seite=0', '/nachrichten?kategorie=999999', '/nachrichten?kategorie=x']) {
      assert.equal(await openApp(page, s.url(BB, path)), 404, path);
      assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden', path);
    }
    await assertNoAxeViolations(page);
    await context.close();
  });
});
