import { browserSuite } from '../../../test/browser-suite.ts';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { newPage, axeViolations, describeViolations } from '../../../test/browser.ts';

describe('studio pages in Chromium', () => {
  const s = browserSuite();

  it('logs in and out with the keyboard-usable form; login, error and start page have no axe violations', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio'));
    assert.match(page.url(), /\/studio\/anmelden\?weiter=\/studio$/);
    let v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));

    await page.getByLabel('E-Mail-Adresse').fill('autorin@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /falsch/);
    assert.equal(await page.getByLabel('E-Mail-Adresse').inputValue(), 'autorin@bad-belzig.demo');
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));

    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-author');
    await page.getByLabel('Passwort', { exact: true }).press('Enter');
    await page.waitForURL(s.url(BB, '/studio'));
    assert.match((await page.locator('h1').textContent()) ?? '', /Willkommen, Anna Autorin/);
    assert.match((await page.locator('main').textContent()) ?? '', /eigenen Datenanbieters/);
    const cookies = await context.cookies();
    assert.equal(cookies.find((c) => c.name === 'dp_session')?.httpOnly, true);
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(/\/studio\/anmelden$/);
    await page.goto(s.url(BB, '/studio'));
    assert.match(page.url(), /\/studio\/anmelden/);
    await context.close();
  });
  it('has no axe violations on the accounts, two-factor, password and mailbox pages', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/passwort-vergessen'));
    let v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    await page.getByLabel('E-Mail-Adresse').fill('lesen@bad-belzig.demo');
    await page.getByRole('button', { name: 'Link senden' }).click();
    await page.getByRole('status').waitFor();
    await page.goto(s.url(BB, '/studio/postfach'));
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    await page.locator('.mail-body a').first().click();
    await page.waitForURL(/passwort-neu/);
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));

    await page.goto(s.url(BB, '/studio/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio'));
    await page.getByRole('link', { name: 'Konten und Rollen' }).click();
    await page.waitForURL(/\/studio\/konten$/);
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    await page.goto(s.url(BB, '/studio/zwei-faktor'));
    await page.getByRole('button', { name: 'Einrichten' }).click();
    await page.locator('.secret').waitFor();
    v = await axeViolations(page);
    assert.equal(v.length, 0, describeViolations(v));
    await context.close();
  });
});
