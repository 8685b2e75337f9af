import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { BB } from '../../../test/harness.ts';
import { assertNoAxeViolations, newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from '../../web-app/tests/display-modes.ts';

/** The Mängelmelder in Chromium: accessibility, the wizard end to end, and a report filed offline. */
describe('citizen app: Mängelmelder in Chromium', () => {
  const s = browserSuite();
  let photo: Buffer;
  before(async () => {
    photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#8a5a2b' } }).jpeg({ quality: 80 }).toBuffer();
  });
  const db = () => s.p.database.forTenant(s.p.tenants.get('bad-belzig')!.id);
  const rowsWithKey = async (key: string) => db().selectFrom('defect_reports').select(['id', 'title', 'address', 'lat', 'lng', 'description', 'contact_email', 'device_id']).where('submission_key', '=', key).execute();
  const queuedKeys = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open('dp-defects', 1);
          req.onsuccess = () => {
            const get = req.result.transaction('queue').objectStore('queue').getAllKeys();
            get.onsuccess = () => resolve(get.result as string[]);
            get.onerror = () => reject(get.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
  const next = (page: Page) => page.getByRole('button', { name: 'Weiter' }).click();
  const step = (page: Page, n: number) => page.waitForSelector(`h2.wizard-step:text("Schritt ${n} von 6")`);

  /** Category, photo and place (a click on the map); returns the address the page showed. */
  async function firstSteps(page: Page, category: string): Promise<void> {
    await page.getByRole('radio', { name: new RegExp(`^${category}`) }).check();
    await next(page);
    await step(page, 2);
    await page.setInputFiles('#photo-file', { name: 'schaden.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.waitForSelector('.photo-previews img[alt="Vorschau Foto 1"]');
    await next(page);
    await step(page, 3);
    await page.waitForSelector('.wizard-place .leaflet-container');
  }

  async function lastSteps(page: Page, description: string): Promise<void> {
    await next(page);
    await step(page, 4);
    await page.getByLabel('Was ist kaputt oder stört?').fill(description);
    await next(page);
    await step(page, 5);
  }

  it('the start screen, a report and the wizard pass axe (light, dark, high contrast)', async () => {
    const { context, page } = await newPage(s.browser);
    await assertAccessibleInAllModes(page, s.url(BB, '/maengelmelder'), () => page.waitForSelector('.map .leaflet-marker-icon').then(() => undefined));
    // Colour is never the only cue: every pin names its status.
    const titles = await page.locator('.map .leaflet-marker-icon').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    assert.ok(titles.length > 0 && titles.every((t) => / – (Eingegangen|In Bearbeitung|Weitergeleitet|Erledigt|Abgelehnt|Doppelt gemeldet)$/.test(t ?? '')), titles.join(', '));
    const [report] = await db().selectFrom('defect_reports').select('id').where('status', '=', 'in_progress').execute();
    await openApp(page, s.url(BB, `/maengelmelder/meldungen/${report!.id}`));
    await page.waitForSelector('.map .leaflet-marker-icon');
    await assertNoAxeViolations(page);
    await assertAccessibleInAllModes(page, s.url(BB, '/maengelmelder/melden'));
    await context.close();
  });

  it('files a report with a photo and a map point; the nearby open report is offered first', async () => {
    const { context, page } = await newPage(s.browser);
    assert.equal(await openApp(page, s.url(BB, '/maengelmelder/melden')), 200);
    // Nothing chosen: the step says why and keeps the person there.
    await next(page);
    await page.waitForSelector('[role=alert]:text("Bitte wählen Sie eine Kategorie.")');
    await firstSteps(page, 'Straßenbeleuchtung');
    await assertNoAxeViolations(page);

    // The keyboard way: an address. An open report of the category lies there: "bereits gemeldet".
    await page.getByLabel('Adresse (Straße und Hausnummer)').fill('Brücker Straße 4');
    await page.getByLabel('Adresse (Straße und Hausnummer)').press('Enter');
    await page.waitForSelector('.wizard-place-status:text("Gewählter Ort: Brücker Straße 4, 14806 Bad Belzig")');
    await page.waitForSelector('.nearby a:text("Laterne flackert")');
    assert.match((await page.locator('.nearby').textContent()) ?? '', /m entfernt/);
    await assertNoAxeViolations(page);

    // Then a tap on the map, a little east of the centre: the address found there is shown.
    await page.locator('.wizard-place .leaflet-container').scrollIntoViewIfNeeded();
    const box = (await page.locator('.wizard-place .leaflet-container').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 60, box.y + box.height / 2);
    // The status first names the bare point, then the address the lookup found there (the register has houses nearby).
    await page.waitForFunction(() => /^Gewählter Ort: (?!Brücker Straße 4,|Punkt )/.test(document.querySelector('.wizard-place-status')?.textContent ?? ''));
    const shown = ((await page.locator('.wizard-place-status').textContent()) ?? '').replace('Gewählter Ort: ', '');

    await lastSteps(page, 'Die Laterne ist ganz aus.\nSeit gestern Abend.');
    await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
    await next(page);
    await page.waitForSelector('[role=alert]:text("Bitte stimmen Sie der Speicherung zu oder lassen Sie die Kontaktfelder leer.")');
    await page.getByLabel(/Ich bin einverstanden/).check();
    await page.getByLabel('Per E-Mail über Änderungen informieren').check();
    await next(page);
    await step(page, 6);
    await assertNoAxeViolations(page);
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    const done = await page.waitForSelector('.wizard-result:text("Ihre Meldung ist eingegangen")');
    const id = Number(/Nr\. (\d+)/.exec((await done.textContent()) ?? '')![1]);

    const row = await db().selectFrom('defect_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.description, 'Die Laterne ist ganz aus.\nSeit gestern Abend.');
    assert.equal(row.address, shown);
    assert.equal(row.contact_email, 'erika@example.org');
    assert.equal(row.notify_by_email, true);
    assert.ok(row.device_id, 'the device id is sent');
    assert.match(String(row.submission_key), /^[0-9a-f-]{36}$/);
    assert.ok(row.lng > 12.5925, 'the point east of the centre');
    const photos = await db().selectFrom('defect_report_photos').select(['url']).where('report_id', '=', id).execute();
    assert.equal(photos.length, 1);
    const img = await s.p.http.inject({ method: 'GET', url: new URL(photos[0]!.url, 'http://x').pathname, headers: { host: BB } });
    assert.equal(img.statusCode, 200);
    assert.match(String(img.headers['content-type']), /^image\//);
    assert.deepEqual(await queuedKeys(page), [], 'nothing left waiting');

    // "Meine Meldungen" lists it with its status.
    await page.getByRole('link', { name: 'Meine Meldungen' }).click();
    await page.waitForSelector(`li[data-id="${id}"] .status-badge:text("Eingegangen")`);
    await assertNoAxeViolations(page);
    await context.close();
  });

  it('offline: the report waits on the device, is sent once when the connection is back, and stays one after a reload', async () => {
    const { context, page } = await newPage(s.browser);
    await openApp(page, s.url(BB, '/maengelmelder/melden'));
    // The service worker keeps the app's files, so the wizard carries on without a connection.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await firstSteps(page, 'Wilder Müll');
    await context.setOffline(true);
    await page.locator('.wizard-place .leaflet-container').scrollIntoViewIfNeeded();
    const box = (await page.locator('.wizard-place .leaflet-container').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 30);
    await page.waitForSelector('.wizard-place-status:text("Gewählter Ort: Punkt")');
    await lastSteps(page, 'Sperrmüll an der Bushaltestelle');
    await next(page);
    await step(page, 6);
    await page.getByRole('button', { name: 'Meldung senden' }).click();
    await page.waitForSelector('.wizard-result:text("Keine Verbindung: Ihre Meldung wartet auf diesem Gerät")');
    const [key] = await queuedKeys(page);
    assert.ok(key, 'the report waits in the queue');
    assert.equal((await rowsWithKey(key)).length, 0, 'nothing reached the server');

    await context.setOffline(false);
    const done = await page.waitForSelector('.wizard-result:text("Ihre Meldung ist eingegangen")', { timeout: 20_000 });
    const id = Number(/Nr\. (\d+)/.exec((await done.textContent()) ?? '')![1]);
    const rows = await rowsWithKey(key);
    assert.deepEqual(
      rows.map((r) => r.id),
      [id],
    );
    assert.equal(rows[0]!.description, 'Sperrmüll an der Bushaltestelle');
    assert.equal((await db().selectFrom('defect_report_photos').select('id').where('report_id', '=', id).execute()).length, 1);
    assert.deepEqual(await queuedKeys(page), []);

    // A reload (the app starting again) sends nothing a second time.
    await openApp(page, s.url(BB, '/maengelmelder/meine'));
    await page.waitForSelector(`li[data-id="${id}"]`);
    assert.equal(await page.locator('li.queued').count(), 0);
    await page.waitForTimeout(500);
    assert.equal((await rowsWithKey(key)).length, 1);
    await context.close();
  });
});
