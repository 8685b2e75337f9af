import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp, assertNoAxeViolations } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from '../../web-app/tests/display-modes.ts';
import { loadAppFixture, type AppFixture } from './app-fixture.ts';

/** Tuesday 3 June 2025, 10:30 in Berlin: the Bürgeramt of the fixture is open (09:00–12:00). */
const TUESDAY_OPEN = new Date('2025-06-03T10:30:00+02:00');
/** The same Tuesday at 12:30: its lunch break (open again at 13:00). */
const TUESDAY_BREAK = new Date('2025-06-03T12:30:00+02:00');

/** Suggestion requests the page sends to the API. */
function suggestionRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('administrativeServiceSuggestions')) seen.push(JSON.parse(r.postData()!).variables.q);
  });
  return seen;
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

const options = (page: Page) => page.locator('#service-suggestions [role=option]');

describe('citizen app: Rathaus / Bürgerservice in Chromium', () => {
  const s = browserSuite();
  let f: AppFixture;
  before(async () => {
    // Three days before the frozen clock of the open-now test.
    f = await loadAppFixture(s.p, new Date(TUESDAY_OPEN.getTime() - 3 * 86_400_000));
  });

  it('suggests services as you type and is driven by the keyboard (combobox pattern)', async () => {
    const { context, page } = await newPage(s.browser);
    const requests = suggestionRequests(page);
    const errors = consoleErrors(page);
    assert.equal(await openApp(page, s.url(BB, '/rathaus')), 200);
    await page.evaluate(() => ((window as any).__marker = 'same-document'));
    const box = page.getByRole('combobox', { name: 'Leistung suchen' });

    // One character: no request, no list.
    await box.pressSequentially('P');
    await page.waitForTimeout(500);
    assert.deepEqual(requests, []);
    assert.equal(await box.getAttribute('aria-expanded'), 'false');

    await box.pressSequentially('ers');
    await options(page).first().waitFor();
    assert.deepEqual(requests, ['Pers'], 'one request after a pause in typing, none per keystroke');
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#service-suggestions').getAttribute('role'), 'listbox');
    const names = await options(page).allTextContents();
    assert.ok(names.length >= 1 && names.length <= 8, names.join(', '));
    assert.ok(names.includes('Personalausweis beantragen'), names.join(', '));
    assert.ok(!names.some((n) => n.includes('versteckt')), 'hidden services are never suggested');
    assert.match((await page.locator('.service-search [role=status]').textContent())!, /Vorschl(ä|a)g/);
    await assertNoAxeViolations(page);

    // Arrow keys move the active option (focus stays in the field); Escape closes the list.
    await box.press('ArrowDown');
    const first = await options(page).first().getAttribute('id');
    assert.equal(await box.getAttribute('aria-activedescendant'), first);
    assert.equal(await options(page).first().getAttribute('aria-selected'), 'true');
    await box.press('ArrowUp');
    assert.equal(await box.getAttribute('aria-activedescendant'), await options(page).last().getAttribute('id'), 'wraps around');
    await box.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    assert.equal(await box.getAttribute('aria-activedescendant'), null);
    assert.equal(await box.inputValue(), 'Pers', 'Escape on a closed list would clear; on an open one it only closes');

    // A synonym match says which synonym matched; Enter on it opens the service inside the app.
    await box.fill('');
    await box.pressSequentially('Wohnsitz');
    await options(page).filter({ hasText: 'Meldebescheinigung' }).waitFor();
    assert.match((await options(page).filter({ hasText: 'Meldebescheinigung' }).textContent())!, /auch: Wohnsitzbescheinigung/);
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(new RegExp(`/rathaus/leistungen/${f.ids['s-melde']}$`));
    await page.locator('main h1', { hasText: 'Meldebescheinigung' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.equal(await page.evaluate(() => (window as any).__marker), 'same-document', 'navigated inside the app');

    // Without a chosen suggestion, Enter searches.
    await page.goBack();
    await page.locator('main h1', { hasText: 'Rathaus & Bürgerservice' }).waitFor();
    await box.fill('Hundesteuer');
    await box.press('Enter');
    await page.waitForURL(/\/rathaus\/suche\?q=Hundesteuer$/);
    await page.locator('.search-status', { hasText: 'gefunden' }).waitFor();
    assert.equal(await page.locator('main .teaser-title a').first().textContent(), 'Hundesteuer anmelden');

    // A click on a suggestion opens it too.
    await box.fill('');
    await box.pressSequentially('Reisepass');
    await options(page).filter({ hasText: 'Reisepass beantragen' }).click();
    await page.locator('main h1', { hasText: 'Reisepass beantragen' }).waitFor();
    assert.deepEqual((page as any).jsErrors, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('searches without JavaScript: the form is a plain GET to /rathaus/suche', async () => {
    const { context, page } = await newPage(s.browser, { javaScriptEnabled: false });
    await page.goto(s.url(BB, '/rathaus'));
    await page.locator('#service-q').fill('Hund');
    await page.locator('#service-q').press('Enter');
    await page.waitForURL(/\/rathaus\/suche\?q=Hund$/);
    assert.equal(await page.locator('main h1').textContent(), 'Leistungen suchen');
    assert.ok((await page.locator('main .teaser-title a').allTextContents()).includes('Hundesteuer anmelden'));
    // The server's page claims neither open nor closed.
    await page.goto(s.url(BB, `/rathaus/leistungen/${f.ids['s-perso']}`));
    assert.equal(await page.locator('.open-now').count(), 0);
    await context.close();
  });

  it('says "Jetzt geöffnet" or "Jetzt geschlossen" once the page runs, by the Berlin clock, and how old a stale copy is', async () => {
    // A browser in New York: what counts is the time in Berlin.
    const { context, page } = await newPage(s.browser, { timezoneId: 'America/New_York' });
    const errors = consoleErrors(page);
    await page.clock.setFixedTime(TUESDAY_OPEN);
    await openApp(page, s.url(BB, `/rathaus/leistungen/${f.ids['s-perso']}`));
    await page.locator('.open-now', { hasText: 'Jetzt geöffnet' }).waitFor();
    assert.match((await page.locator('.services-status').textContent())!, /Alter der Angaben: 3 Tage\./);

    await page.clock.setFixedTime(TUESDAY_BREAK);
    await openApp(page, s.url(BB, `/rathaus/behoerden/${f.ids['a-buergeramt']}`));
    await page.locator('.open-now', { hasText: 'Jetzt geschlossen' }).waitFor();
    assert.equal(await page.locator('.open-now').count(), 1);

    // The online application is prominent and says what it needs; contacts are links.
    await openApp(page, s.url(BB, `/rathaus/leistungen/${f.ids['s-perso']}`));
    const apply = page.getByRole('link', { name: /^Online beantragen/ });
    assert.equal(await apply.getAttribute('href'), 'https://antrag.brandenburg.example/perso');
    assert.match((await page.locator('.trust-level').textContent())!, /Online-Ausweisfunktion/);
    assert.equal(await page.locator('a[href^="mailto:"]').first().getAttribute('href'), 'mailto:buergeramt@bad-belzig.example');
    assert.match((await page.locator('a[href^="tel:"]').first().getAttribute('href'))!, /^tel:03384194-?0$/);
    // Its small map with the Bürgeramt's marker.
    await page.locator('.map .map-marker').waitFor();
    assert.equal(await page.locator('.map .map-marker').getAttribute('title'), 'Bürgeramt Bad Belzig');
    // The JSON-LD is a data block: no CSP report, nothing run.
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 1);
    assert.deepEqual((page as any).jsErrors, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('has no axe violations in any display mode, one h1 per page', async () => {
    const { context, page } = await newPage(s.browser);
    await page.clock.setFixedTime(TUESDAY_OPEN);
    const pages: [string, () => Promise<void>][] = [
      ['/rathaus', async () => {}],
      ['/rathaus/suche?q=Ausweis', () => page.locator('main .teaser').first().waitFor()],
      [`/rathaus/leistungen/${f.ids['s-perso']}`, () => page.locator('.open-now').waitFor()],
      [`/rathaus/lebenslagen/${f.ids['c-familie']}`, async () => {}],
      [`/rathaus/behoerden/${f.ids['a-buergeramt']}`, () => page.locator('.open-now').waitFor()],
    ];
    for (const [path, prepare] of pages) {
      await assertAccessibleInAllModes(page, s.url(BB, path), prepare);
      assert.equal(await page.locator('h1').count(), 1, path);
    }
    await context.close();
  });

  it('opens a service page seen before when offline', async () => {
    const { context, page } = await newPage(s.browser);
    const path = `/rathaus/leistungen/${f.ids['s-hund']}`;
    await openApp(page, s.url(BB, path));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await openApp(page, s.url(BB, path));
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.equal(await page.locator('main h1').textContent(), 'Hundesteuer anmelden');
    assert.ok(await page.locator('.offline-notice').isVisible());
    await context.close();
  });
});
