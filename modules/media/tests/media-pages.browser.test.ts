import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { newPage, assertNoAxeViolations } from '../../../test/browser.ts';
import { smallPng } from './sample-files.ts';

describe('media library in Chromium', () => {
  const s = browserSuite();

  it('uploads through the file input (the drop zone) and has no axe violations on library, error and detail pages', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/medien'));
    await page.getByLabel('E-Mail-Adresse').fill('editor@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-editor');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio/medien'));
    await assertNoAxeViolations(page);

    // Without alt text the server refuses; the page says why and keeps the copyright typed.
    const file = { name: 'brunnen.png', mimeType: 'image/png', buffer: await smallPng(640, 480) };
    await page.getByLabel('Datei hierher ziehen oder auswählen').setInputFiles(file);
    await page.getByLabel(/^Copyright/).fill('Foto: Stadt Bad Belzig');
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Alternativtext/);
    assert.equal(await page.getByLabel(/^Copyright/).inputValue(), 'Foto: Stadt Bad Belzig');
    await assertNoAxeViolations(page);

    await page.getByLabel('Datei hierher ziehen oder auswählen').setInputFiles(file);
    await page.getByLabel(/^Alternativtext/).fill('Der Brunnen am Marktplatz');
    await page.getByRole('button', { name: 'Hochladen' }).click();
    await page.waitForURL(/\/studio\/medien\/\d+\?neu=1$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /hochgeladen/);
    const img = page.getByRole('img', { name: 'Der Brunnen am Marktplatz' });
    await img.waitFor();
    assert.ok((await img.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth))) > 0, 'the preview loads');
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: 'Zurück zur Mediathek' }).click();
    await page.waitForURL(s.url(BB, '/studio/medien'));
    const thumb = page.getByRole('img', { name: 'Der Brunnen am Marktplatz' });
    assert.ok((await thumb.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth))) > 0, 'the thumbnail loads');
    await assertNoAxeViolations(page);
    await context.close();
  });
});
