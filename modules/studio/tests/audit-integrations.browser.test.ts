import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { newPage, assertNoAxeViolations } from '../../../test/browser.ts';

describe('audit log and integrations pages in Chromium', () => {
  const s = browserSuite();

  it('creates an integration and finds it in the audit log; both pages have no axe violations', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio'));

    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Integrationen' }).click();
    await page.waitForURL(/\/studio\/integrationen$/);
    await assertNoAxeViolations(page);
    await page.getByLabel('Name').fill('Veranstaltungs-Import');
    await page.getByLabel('Datenanbieter').selectOption({ label: 'Stadtverwaltung Bad Belzig' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('status').waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /Veranstaltungs-Import/);
    await assertNoAxeViolations(page);

    await page.goto(s.url(BB, '/studio'));
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Protokoll' }).click();
    await page.waitForURL(/\/studio\/protokoll$/);
    assert.match((await page.locator('main').textContent()) ?? '', /Integration angelegt/);
    await assertNoAxeViolations(page);
    await page.getByLabel('Aktion (z. B. login oder createNewsItem)').fill('login');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.waitForURL(/aktion=login/);
    assert.doesNotMatch((await page.locator('tbody').textContent()) ?? '', /Integration angelegt/);
    await assertNoAxeViolations(page);
    await context.close();
  });
});
