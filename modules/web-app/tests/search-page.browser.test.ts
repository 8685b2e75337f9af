import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB } from '../../../test/harness.ts';
import { newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from './display-modes.ts';

const detailPath: Record<string, RegExp> = {
  Nachrichten: /^\/nachrichten\/\d+$/,
  Veranstaltungen: /^\/veranstaltungen\/\d+$/,
  Orte: /^\/orte\/\d+$/,
  Touren: /^\/touren\/\d+$/,
};

describe('search page in Chromium', () => {
  const s = browserSuite();

  it('finds a two-word phrase across types, grouped with counts and links to the detail pages, without axe violations', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/suche'));
    assert.equal(await page.locator('main h1').textContent(), 'Suche');
    // The tenant's own placeholder (globalSettings.settings.search.texts).
    assert.equal(await page.locator('#search-q').getAttribute('placeholder'), 'Bad Belzig durchsuchen');
    await page.evaluate(() => ((window as any).__marker = 'same-document'));
    await page.locator('#search-q').fill('Burg Eisenhardt');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL(/\/suche\?q=Burg\+Eisenhardt$/);
    await page.locator('.search-group').first().waitFor();
    assert.equal(await page.evaluate(() => (window as any).__marker), 'same-document', 'the form is handled inside the app');
    assert.match(await page.title(), /^Burg Eisenhardt – Suche – Bad Belzig/);

    const groups = await page.locator('.search-group').evaluateAll((sections) =>
      sections.map((s) => ({ heading: s.querySelector('h2')!.textContent!, links: [...s.querySelectorAll('.teaser-title a')].map((a) => ({ text: a.textContent!, href: a.getAttribute('href')! })) })),
    );
    const counts = new Map(groups.map((g) => [g.heading.replace(/ \(\d+\)$/, ''), Number(/\((\d+)\)$/.exec(g.heading)?.[1])]));
    assert.deepEqual([...counts.keys()], ['Nachrichten', 'Veranstaltungen', 'Orte', 'Touren'], 'grouped in type order; Bad Belzig searches these four types');
    for (const g of groups) {
      const type = g.heading.replace(/ \(\d+\)$/, '');
      assert.ok(g.links.length > 0 && g.links.length === Math.min(counts.get(type)!, 10), `${type}: ${g.links.length} shown of ${counts.get(type)}`);
      for (const link of g.links) assert.match(link.href, detailPath[type]!, `${type}: ${link.text}`);
    }
    assert.ok(groups.find((g) => g.heading.startsWith('Veranstaltungen'))!.links.some((l) => l.text === 'Burgfest auf Burg Eisenhardt'));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    assert.equal(await page.locator('.search-status').textContent(), `${total} Treffer für „Burg Eisenhardt“`);
    assert.equal(await page.locator('#search-q').inputValue(), 'Burg Eisenhardt');

    await assertAccessibleInAllModes(page, s.url(BB, '/suche?q=Burg+Eisenhardt'), () => page.locator('.search-group').first().waitFor());
    await assertAccessibleInAllModes(page, s.url(BB, '/suche'));
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('says clearly when nothing was found and when the query is too short (the tenant minimum)', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/suche?q=Quarkstrudelfabrik'));
    assert.equal(await page.locator('.search-status').textContent(), 'Leider nichts gefunden. Versuchen Sie einen anderen Suchbegriff.');
    assert.equal(await page.locator('.search-group').count(), 0);
    await openApp(page, s.url(BB, '/suche?q=ab'));
    assert.equal(await page.locator('.search-status').textContent(), 'Bitte geben Sie mindestens drei Zeichen ein.');
    // Wiesenburg has a minimum of 3 but no own texts: ours, with the number.
    await openApp(page, s.url(WB, '/suche?q=ab'));
    assert.equal(await page.locator('.search-status').textContent(), 'Bitte geben Sie mindestens 3 Zeichen ein.');
    await openApp(page, s.url(WB, '/suche?q=abc'));
    assert.match(await page.locator('.search-status').textContent() ?? '', /^Keine Treffer für „abc“/);
    await context.close();
  });

  it('works without JavaScript: the GET form is answered by the server', async () => {
    const { context, page } = await newPage(s.browser, { javaScriptEnabled: false });
    await page.goto(s.url(BB, '/suche'));
    await page.locator('#search-q').fill('Burg Eisenhardt');
    await Promise.all([page.waitForURL(/\/suche\?q=Burg\+Eisenhardt$/), page.locator('#search-q').press('Enter')]);
    assert.ok((await page.locator('.search-group').count()) >= 4);
    assert.match(await page.locator('.search-status').textContent() ?? '', /^\d+ Treffer für „Burg Eisenhardt“$/);
    await context.close();
  });

  it('speaks English when the language is English (its own texts instead of the tenant’s German ones)', async () => {
    const { context, page } = await newPage(s.browser);
    await context.addCookies([{ name: 'dp_prefs', value: 'lang-en', url: s.url(BB) }]);
    await openApp(page, s.url(BB, '/suche?q=Quarkstrudelfabrik'));
    assert.equal(await page.locator('main h1').textContent(), 'Search');
    assert.equal(await page.locator('#search-q').getAttribute('placeholder'), 'News, events, places …');
    assert.equal(await page.locator('.search-status').textContent(), 'No results for “Quarkstrudelfabrik”. Try a different or shorter search term.');
    await context.close();
  });

  it('lists all hits of one type on request and treats odd input as a page state, not an error', async () => {
    const data = async (query: string) => {
      const res = await s.p.http.inject({ method: 'GET', url: `/_data/suche?${query}`, headers: { host: BB, accept: 'application/json' } });
      assert.equal(res.statusCode, 200, query);
      return res.json().data;
    };
    const events = await data('q=Burg+Eisenhardt&typ=event_record');
    assert.deepEqual(events.groups.map((g: any) => g.type), ['event_record']);
    assert.equal(events.groups[0].items.length, events.groups[0].count);
    const all = await data('q=Burg+Eisenhardt&typ=nonsense');
    assert.equal(all.type, null);
    assert.ok(all.groups.length >= 4);
    assert.equal((await data(`q=${'x'.repeat(201)}`)).state, 'too-long');
    assert.equal((await data(`q=${encodeURIComponent('a b c d e f g h i j k')}`)).state, 'too-long');
    assert.equal((await data('q=%20%20')).state, 'empty');
    assert.equal((await data('q=%21%21%21')).state, 'none');
  });
});
