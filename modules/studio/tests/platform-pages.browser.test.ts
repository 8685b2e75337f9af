import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { WB } from '../../../test/harness.ts';
import { newPage, assertNoAxeViolations } from '../../../test/browser.ts';

describe('platform pages in Chromium', () => {
  const s = browserSuite();

  it('a platform admin creates a municipality whose web app answers at once; list and forms have no axe violations', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(WB, '/studio/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('plattform@dorfplatz.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-platform-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(WB, '/studio'));

    await page.getByRole('link', { name: 'Plattform: Kommunen' }).click();
    await page.waitForURL(/\/studio\/plattform$/);
    assert.match((await page.locator('tbody').textContent()) ?? '', /Bad Belzig \(Demo\).*Wiesenburg\/Mark \(Demo\)/s);
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: 'Kommune anlegen' }).click();
    await page.waitForURL(/\/studio\/plattform\/neu$/);
    await assertNoAxeViolations(page);
    await page.locator('#f-name').fill('Gemeinde Seeblick');
    await page.getByLabel('Amtlicher Schlüssel').fill('1234');
    await page.getByLabel('Bundesland').selectOption('Mecklenburg-Vorpommern');
    await page.getByLabel('E-Mail-Adresse').fill('amt@seeblick.example');
    await page.getByLabel('Orte und Touren').uncheck();
    await page.getByRole('button', { name: 'Kommune anlegen' }).click();
    // Refused with the input kept and the field marked.
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /8 Ziffern \(AGS\) oder 12 Ziffern \(ARS\)/);
    assert.equal(await page.locator('#f-name').inputValue(), 'Gemeinde Seeblick');
    assert.equal(await page.getByLabel('Amtlicher Schlüssel').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Orte und Touren').isChecked(), false);
    await assertNoAxeViolations(page);

    await page.getByLabel('Amtlicher Schlüssel').fill('13071001');
    await page.getByRole('button', { name: 'Kommune anlegen' }).click();
    await page.getByRole('status').waitFor();
    assert.match((await page.getByRole('status').textContent()) ?? '', /„Gemeinde Seeblick“ ist angelegt/);
    assert.match((await page.locator('tbody').textContent()) ?? '', /13071001/);

    await page.getByRole('link', { name: /Bearbeiten.*Gemeinde Seeblick/ }).click();
    await page.waitForURL(/\/studio\/plattform\/gemeinde-seeblick\/bearbeiten$/);
    await assertNoAxeViolations(page);

    // The new municipality's web app, built from its starter configuration.
    await page.goto(s.url('gemeinde-seeblick.localhost', '/'));
    assert.match((await page.locator('main').textContent()) ?? '', /Willkommen in der App von Gemeinde Seeblick/);
    assert.equal(await page.getByRole('link', { name: 'Orte' }).count(), 0, 'no tab of a module left out');
    await context.close();
  });
});
