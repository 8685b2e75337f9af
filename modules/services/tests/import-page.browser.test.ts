import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { newPage, assertNoAxeViolations } from '../../../test/browser.ts';

const fixture = (name: string) => readFileSync(new URL(`./import-fixtures/${name}`, import.meta.url));

describe('services file import page in Chromium', () => {
  const s = browserSuite();

  it('imports through the plain form and has no axe violations on the form, the error and the result', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/verwaltungsleistungen/import'));
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio/verwaltungsleistungen/import'));
    await assertNoAxeViolations(page);

    const input = page.getByLabel('Exportdatei (XML oder JSON)');
    await input.setInputFiles({ name: 'antrag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj') });
    await page.getByRole('button', { name: 'Datei importieren' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /weder JSON noch XML/);
    await assertNoAxeViolations(page);

    await input.setInputFiles({ name: 'xzufi-export.xml', mimeType: 'text/xml', buffer: fixture('xzufi-export.xml') });
    await page.getByRole('button', { name: 'Datei importieren' }).click();
    await page.waitForURL(/\/studio\/verwaltungsleistungen\/import\?lauf=\d+$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Die Datei wurde importiert/);
    assert.equal(await page.getByRole('row', { name: /^Leistungen 3 0 0 0$/ }).count(), 1);
    await assertNoAxeViolations(page);
    await context.close();
  });
});
