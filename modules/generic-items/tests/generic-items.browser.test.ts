import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { launchChromium, listen, newPage, openApp, axeViolations, describeViolations } from '../../../test/browser.ts';

async function assertClean(page: Page, consoleErrors: string[]) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  assert.deepEqual((page as any).jsErrors, []);
  assert.deepEqual(consoleErrors, []);
}

describe('generic items in Chromium', () => {
  let p: TestPlatform;
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  const byTitle = async (title: string) => {
    const { body } = await p.gql(BB, `{ genericItems(limit: 1000) { id title } }`);
    return body.data.genericItems.find((g: any) => g.title === title).id as string;
  };
  before(async () => {
    p = await startTestPlatform({ seed: true });
    url = await listen(p);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await p?.close();
  });

  it('lists offers, jobs, construction sites and deadlines under their names, newest first, and opens an item', async () => {
    const { context, page } = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    for (const [type, title] of [
      ['Offer', 'Angebote'],
      ['Job', 'Stellenanzeigen'],
      ['ConstructionSite', 'Baustellen'],
      ['Deadline', 'Fristen'],
      ['Noticeboard', 'Schwarzes Brett'],
    ]) {
      assert.equal(await openApp(page, url(BB, `/eintraege/${type}`)), 200, type);
      assert.equal(await page.locator('main h1').textContent(), title);
      const { body } = await p.gql(BB, `query($t: String) { genericItems(genericType: $t, order: publishedAt_DESC, limit: 20) { id title } }`, { t: type });
      assert.ok(body.data.genericItems.length > 0, type);
      assert.deepEqual(await page.locator('.teaser-title a').allTextContents(), body.data.genericItems.map((g: any) => g.title));
      assert.deepEqual(await page.locator('.teaser-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), body.data.genericItems.map((g: any) => `/eintrag/${g.id}`));
      await assertClean(page, consoleErrors);
    }
    // Deadlines show their own date in the list rather than the day they were published.
    await openApp(page, url(BB, '/eintraege/Deadline'));
    assert.match((await page.locator('.teaser', { hasText: 'Hundesteuer' }).locator('.teaser-meta').textContent())!, /^bis \d{2}\.\d{2}\.\d{4} · Zahlungsfrist$/);
    await openApp(page, url(BB, '/eintraege/Job'));
    const first = page.locator('.teaser-title a').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/\/eintrag\/\d+$/);
    await page.locator('main h1', { hasText: name }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await assertClean(page, consoleErrors);
    await context.close();
  });

  it('shows a construction site with its period, cause, direction, restrictions, image and text', async () => {
    const id = await byTitle('Erneuerung der Trinkwasserleitung in der Brandenburger Straße');
    const { context, page } = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    assert.equal(await openApp(page, url(BB, `/eintrag/${id}`)), 200);
    assert.equal(await page.locator('main h1').textContent(), 'Erneuerung der Trinkwasserleitung in der Brandenburger Straße');
    assert.equal(await page.locator('.back a').getAttribute('href'), '/eintraege/ConstructionSite');
    assert.equal(await page.locator('#dates').textContent(), 'Zeitraum');
    assert.match((await page.locator('.generic-dates li').first().textContent())!, /^\d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}, 07:00–17:00 Uhr · Arbeiten werktags von 7 bis 17 Uhr$/);
    const facts = page.locator('.construction');
    assert.equal(await facts.locator('dt').nth(0).textContent(), 'Grund');
    assert.equal(await facts.locator('dd').nth(0).textContent(), 'Erneuerung der Trinkwasserleitung und der Hausanschlüsse durch den Wasserverband');
    assert.equal(await facts.locator('dd').nth(1).textContent(), 'beide Richtungen zwischen Straße der Einheit und Niemöllerstraße');
    assert.deepEqual(await facts.locator('dd').allTextContents().then((d) => d.slice(2)), ['Vollsperrung für den Fahrzeugverkehr', 'Umleitung über Weitzgrunder Straße und Niemöllerstraße', 'Fußgänger können den Baustellenbereich passieren']);
    assert.equal(await page.locator('.detail-images img').getAttribute('alt'), 'Baugrube in der Brandenburger Straße');
    assert.match((await page.locator('.detail-images figcaption').textContent())!, /Foto: Stadt Bad Belzig \(Demo\)/);
    assert.match((await page.locator('.rich-text').first().textContent())!, /Müllabfuhr wird über Sammelplätze/);
    assert.match((await page.locator('#where ~ p').first().textContent())!, /Brandenburger Straße/);
    await assertClean(page, consoleErrors);
    await context.close();
  });

  it('shows a job with its content blocks, employer, contact and pay; an offer with prices and links', async () => {
    const { context, page } = await newPage(browser);
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await openApp(page, url(BB, `/eintrag/${await byTitle('Mitarbeiter/in (m/w/d) im Bauhof')}`));
    assert.deepEqual(await page.locator('main h2').allTextContents(), ['Termine', 'Ihre Aufgaben', 'Ihr Profil', 'Preise', 'Anbieter', 'Kontakt']);
    assert.equal(await page.locator('#block-0 ~ .rich-text li').count(), 4);
    assert.equal(await page.locator('#companies ~ .company .company-name').textContent(), 'Stadt Bad Belzig – Bauhof');
    assert.equal(await page.locator('#contacts ~ .contact a[href^="tel:"]').getAttribute('href'), 'tel:033841099140');
    assert.equal(await page.locator('#contacts ~ .contact a[href^="mailto:"]').textContent(), 'bewerbung@bad-belzig.example.org');
    const external = page.locator('#contacts ~ .contact a[target=_blank]');
    assert.equal(await external.getAttribute('href'), 'https://www.bad-belzig.example.org/rathaus/stellenangebote');
    assert.equal(await external.getAttribute('rel'), 'noopener noreferrer');
    assert.match((await page.locator('.prices').textContent())!, /Vergütung.*Entgeltgruppe 5 TVöD-VKA/);
    assert.match((await page.locator('.source').textContent())!, /^Veröffentlicht am \d{2}\.\d{2}\.\d{4} · Verfasst von Personalamt der Stadt Bad Belzig · Quelle: /);
    await assertClean(page, consoleErrors);

    await openApp(page, url(BB, `/eintrag/${await byTitle('Familienführung auf Burg Eisenhardt – Kinder bis 12 Jahre frei')}`));
    const prices = (await page.locator('.prices').textContent())!;
    assert.match(prices, /Erwachsene · Eintritt6,50\s€/);
    assert.match(prices, /Kinder bis 12 Jahre · Eintrittkostenlosbis 12 Jahre/);
    assert.match(prices, /Familienkarte · Eintritt14,00\s€Gruppenpreis: bis 2 Erwachsene, bis 4 Kinder/);
    assert.equal(await page.locator('#links ~ .detail-links a').getAttribute('href'), 'https://www.tourismus-bad-belzig.example.org/burg-eisenhardt');
    assert.match((await page.locator('#where ~ .detail-address').textContent())!, /Burg Eisenhardt, Treffpunkt Burghof/);
    await assertClean(page, consoleErrors);
    await context.close();
  });

  it('links an item to its child items', async () => {
    const { context, page } = await newPage(browser);
    await openApp(page, url(BB, `/eintrag/${await byTitle('Neubau des Radwegs nach Lübnitz')}`));
    const children = page.locator('#children ~ ul a');
    assert.deepEqual((await children.allTextContents()).sort(), ['Radweg Lübnitz, 1. Bauabschnitt: Ortsausgang bis Abzweig Schwanebeck', 'Radweg Lübnitz, 2. Bauabschnitt: Abzweig Schwanebeck bis Lübnitz']);
    await children.first().click();
    await page.locator('main h1', { hasText: /^Radweg Lübnitz, \d\. Bauabschnitt/ }).waitFor();
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('speaks English when the citizen chose it', async () => {
    const { context, page } = await newPage(browser);
    await context.addCookies([{ name: 'dp_prefs', value: 'lang-en', url: url(WB) }]);
    assert.equal(await openApp(page, url(WB, '/eintraege/Offer')), 200);
    assert.equal(await page.locator('main h1').textContent(), 'Offers');
    await page.locator('.teaser-title a').first().click();
    await page.waitForURL(/\/eintrag\/\d+$/);
    await page.locator('.back a', { hasText: 'Offers' }).waitFor();
    assert.match((await page.locator('.source').textContent())!, /^Published on /);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });

  it('answers 404 for unknown items, unknown types and pages past the end', async () => {
    const { context, page } = await newPage(browser);
    for (const path of ['/eintrag/999999', '/eintrag/abc', '/eintraege/Unbekannt', '/eintraege/Offer?seite=9', '/eintraege/Offer?seite=x', '/eintraege/%3Cscript%3E']) {
      assert.equal(await openApp(page, url(BB, path)), 404, path);
      assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden', path);
    }
    // A known type without items is an empty list, not a missing page.
    assert.equal(await openApp(page, url(WB, '/eintraege/Voucher')), 200);
    assert.equal(await page.locator('main .empty').textContent(), 'Zurzeit gibt es hier keine Einträge.');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });
});
