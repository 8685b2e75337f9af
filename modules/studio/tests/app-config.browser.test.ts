import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { newPage, assertNoAxeViolations } from '../../../test/browser.ts';

describe('app settings pages in Chromium', () => {
  const s = browserSuite();

  it('edits a file in the form (add without script), previews it, and every settings page passes axe', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio'));

    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'App-Einstellungen' }).click();
    await page.waitForURL(/\/studio\/einstellungen$/);
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: /^homeCarousel ohne Version/ }).click();
    await page.waitForURL(/\/datei\/\d+$/);
    await assertNoAxeViolations(page);
    await page.getByRole('group', { name: 'Bilder im Karussell: Eintrag 1' }).getByLabel('Text', { exact: true }).fill('Hallo aus dem Studio');
    await page.getByRole('button', { name: 'Vorschau aktualisieren' }).first().click();
    const preview = page.frameLocator('iframe[name="vorschau"]');
    await preview.getByText('Hallo aus dem Studio').waitFor();
    await page.getByRole('button', { name: /^Hinzufügen\s*: Bilder im Karussell$/ }).click();
    await page.getByRole('group', { name: 'Bilder im Karussell: Eintrag 5' }).waitFor();
    await page.getByRole('button', { name: /^Entfernen\s*: Bilder im Karussell: Eintrag 5$/ }).click();
    await page.getByRole('button', { name: 'Speichern' }).first().click();
    await page.getByRole('status').waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /Gespeichert/);
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: 'JSON' }).click();
    await page.getByLabel('Inhalt als JSON').fill('[{"message": }]');
    await page.getByRole('button', { name: 'Speichern' }).first().click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Zeile 1, Spalte 14/);
    await assertNoAxeViolations(page);

    await page.goto(s.url(BB, '/studio/einstellungen/erscheinungsbild'));
    await assertNoAxeViolations(page);
    await page.goto(s.url(BB, '/studio/einstellungen/module'));
    await assertNoAxeViolations(page);
    await context.close();
  });
});
