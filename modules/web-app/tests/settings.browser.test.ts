import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp, axeViolations, describeViolations } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from './display-modes.ts';

const htmlAttrs = (page: Page) =>
  page.evaluate(() => {
    const h = document.documentElement;
    return { lang: h.lang, theme: h.dataset.theme, textSize: h.dataset.textSize, contrast: h.dataset.contrast, motion: h.dataset.motion };
  });

const looks = (page: Page) =>
  page.evaluate(() => ({
    fontSize: getComputedStyle(document.documentElement).fontSize,
    text: getComputedStyle(document.body).color,
    header: getComputedStyle(document.querySelector('.app-header')!).backgroundColor,
  }));

describe('settings page in Chromium', () => {
  const s = browserSuite();

  it('applies high contrast and larger text at once and keeps them after a reload, without axe violations', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/einstellungen'));
    assert.equal(await page.locator('main h1').textContent(), 'Einstellungen');
    assert.deepEqual(await page.locator('.settings-form legend').allTextContents(), ['Sprache', 'Farbschema', 'Textgröße', 'Kontrast', 'Bewegung und Animationen']);
    assert.deepEqual(await looks(page), { fontSize: '16px', text: 'rgb(26, 31, 36)', header: 'rgb(27, 94, 122)' });

    await page.getByRole('radio', { name: 'Hoch' }).check();
    await page.getByRole('radio', { name: 'Groß', exact: true }).check();
    assert.equal(await page.locator('.settings-status').textContent(), 'Die Einstellungen wurden gespeichert.');
    assert.deepEqual(await htmlAttrs(page), { lang: 'de', theme: 'system', textSize: 'large', contrast: 'high', motion: 'system' });

    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.deepEqual(await htmlAttrs(page), { lang: 'de', theme: 'system', textSize: 'large', contrast: 'high', motion: 'system' });
    assert.deepEqual(await looks(page), { fontSize: '20px', text: 'rgb(0, 0, 0)', header: 'rgb(255, 255, 255)' });
    assert.equal(await page.getByRole('radio', { name: 'Hoch' }).isChecked(), true);
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    await page.getByRole('radio', { name: 'Sehr groß' }).check();
    await page.getByRole('radio', { name: 'Dunkel' }).check();
    await page.getByRole('radio', { name: 'Reduziert' }).check();
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.deepEqual(await htmlAttrs(page), { lang: 'de', theme: 'dark', textSize: 'larger', contrast: 'high', motion: 'reduce' });
    assert.deepEqual(await looks(page), { fontSize: '24px', text: 'rgb(255, 255, 255)', header: 'rgb(0, 0, 0)' });
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    await assertAccessibleInAllModes(page, s.url(BB, '/einstellungen'));
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('switches the shell, the page and the server-rendered HTML to English', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/einstellungen'));
    await page.getByRole('radio', { name: 'English' }).check();
    await page.waitForFunction(() => document.title.startsWith('Settings – '));
    assert.equal(await page.locator('main h1').textContent(), 'Settings');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(await page.locator('header .header-links .label').allTextContents(), ['Search', 'Bookmarks', 'Settings']);
    assert.equal(await page.locator('.skip-link').textContent(), 'Skip to content');
    assert.deepEqual(await page.locator('footer a').allTextContents(), ['Accessibility statement', 'Imprint', 'Privacy']);
    assert.deepEqual(await page.locator('.settings-form legend').allTextContents(), ['Language', 'Colour scheme', 'Text size', 'Contrast', 'Motion and animations']);

    // The server renders English from the cookie: the first HTML, before any script runs.
    const html = await page.evaluate(async () => (await fetch('/', { headers: { accept: 'text/html' } })).text());
    assert.match(html, /<html lang="en"/);
    assert.match(html, /Skip to content/);
    assert.match(html, /aria-label="At a glance"/);
    assert.match(html, /Events today/);
    assert.doesNotMatch(html, /Zum Inhalt springen|Auf einen Blick|Veranstaltungen heute|Hauptnavigation/);
    await openApp(page, s.url(BB, '/'));
    assert.equal(await page.locator('.widgets').getAttribute('aria-label'), 'At a glance');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));

    await openApp(page, s.url(BB, '/einstellungen'));
    await page.getByRole('radio', { name: 'Deutsch' }).check();
    await page.waitForFunction(() => document.title.startsWith('Einstellungen – '));
    assert.equal(await page.locator('.skip-link').textContent(), 'Zum Inhalt springen');
    await context.close();
  });

  it('works without JavaScript: the form posts, the server stores the choice and shows the page with it', async () => {
    const { context, page } = await newPage(s.browser, { javaScriptEnabled: false });
    await page.goto(s.url(BB, '/einstellungen'));
    await page.getByRole('radio', { name: 'Dunkel' }).check();
    await page.getByRole('radio', { name: 'Sehr groß' }).check();
    await Promise.all([page.waitForURL(/\/einstellungen\?gespeichert=1$/), page.getByRole('button', { name: 'Speichern' }).click()]);
    assert.equal(await page.locator('.settings-status').textContent(), 'Die Einstellungen wurden gespeichert.');
    assert.deepEqual(await htmlAttrs(page), { lang: 'de', theme: 'dark', textSize: 'larger', contrast: 'normal', motion: 'system' });
    assert.equal(await page.getByRole('radio', { name: 'Dunkel' }).isChecked(), true);
    await context.close();
  });

  it('answers 400 with a clear message for values the form does not offer', async () => {
    const post = (payload: string, type = 'application/x-www-form-urlencoded') =>
      s.p.http.inject({ method: 'POST', url: '/einstellungen', headers: { host: BB, 'content-type': type, cookie: 'dp_prefs=lang-en' }, payload });
    let res = await post('theme=pink');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.message, 'Invalid input: theme must be one of system, light, dark.');
    res = await post('textSize=normal&textSize=large');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /textSize must be one of normal, large, larger/);
    res = await post('[1]', 'application/json');
    assert.equal(res.statusCode, 400);
    // A partial form keeps the other settings from the cookie.
    res = await post('contrast=high');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/einstellungen?gespeichert=1');
    assert.match(String(res.headers['set-cookie']), /^dp_prefs=lang-en\.theme-system\.textSize-normal\.contrast-high\.motion-system; Path=\/; Max-Age=31536000; SameSite=Lax$/);
  });
});
