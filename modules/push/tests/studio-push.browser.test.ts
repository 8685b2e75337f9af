import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BB, type TestPlatform } from '../../../test/harness.ts';
import { assertNoAxeViolations, launchChromium, listen } from '../../../test/browser.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { studioPage } from '../../studio/tests/studio-browser.ts';
import { startPushFixture } from './push-fixture.ts';
import { studioAccount } from './studio-accounts.ts';

describe('studio push pages in Chromium (no script)', () => {
  let p: TestPlatform;
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  let email: string;
  let categoryIds: number[];
  const password = 'push-studio-browser-passwort';

  before(async () => {
    ({ p, categoryIds } = await startPushFixture());
    email = await studioAccount(p, 'bad-belzig', 'editor', await hashPassword(password));
    url = await listen(p);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await p?.close();
  });

  it('schedules a linked message for one category through the form, shows it and cancels it; no axe violations', async () => {
    const { context, page } = await studioPage({ p, browser, url }, BB, email, password);
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Push-Mitteilungen' }).click();
    await page.waitForURL(/\/studio\/push$/);
    await page.getByRole('link', { name: 'Neue Mitteilung' }).click();
    await page.waitForURL(/\/studio\/push\/neu$/);
    await assertNoAxeViolations(page);

    await page.getByRole('button', { name: 'Mitteilung speichern und senden' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Titel').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);

    const at = new Date(Date.now() + 3 * 86_400_000);
    await page.getByLabel('Titel').fill('Sperrung der Hauptstraße');
    await page.getByLabel('Text').fill('Am Samstag ist die Hauptstraße gesperrt.');
    await page.getByLabel('Öffnet beim Antippen').selectOption({ label: 'Straßenfest am Samstag' });
    await page.getByLabel('Nur an Interessierte ausgewählter Kategorien').check();
    await page.getByLabel('Veranstaltungen').check();
    await page.getByLabel('Geräte').selectOption({ label: 'Nur Web-App' });
    await page.getByLabel('Zu einem späteren Zeitpunkt senden').check();
    await page.getByLabel('Zeitpunkt (deutsche Zeit)').fill(berlinDateTimeLocal(at));
    await page.getByRole('button', { name: 'Mitteilung speichern und senden' }).click();
    await page.waitForURL(/\/studio\/push\/\d+\?gespeichert=1$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Die Mitteilung ist für .+ geplant\./);
    await assertNoAxeViolations(page);

    const row = await p.database.system.selectFrom('push_messages').selectAll().where('title', '=', 'Sperrung der Hauptstraße').executeTakeFirstOrThrow();
    assert.deepEqual([row.platform, row.category_ids], ['web', [categoryIds[0]]]);
    assert.match(row.url, /^\/nachrichten\/\d+$/);
    assert.equal(new Date(row.send_at).getTime(), parseLenientDateTime(berlinDateTimeLocal(at))!.getTime());

    await page.getByRole('button', { name: 'Mitteilung abbrechen' }).click();
    await page.waitForURL(/abgebrochen=1$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /abgebrochen/);
    await page.getByRole('link', { name: 'Zurück zur Übersicht' }).click();
    await page.waitForURL(/\/studio\/push$/);
    assert.match((await page.getByRole('row', { name: /Sperrung der Hauptstraße/ }).textContent()) ?? '', /abgebrochen/);
    await assertNoAxeViolations(page);
    await context.close();
  });
});
