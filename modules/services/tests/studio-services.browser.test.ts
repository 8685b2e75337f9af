import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BB, type TestPlatform } from '../../../test/harness.ts';
import { assertNoAxeViolations, launchChromium, listen } from '../../../test/browser.ts';
import { studioPage } from '../../studio/tests/studio-browser.ts';
import { PASSWORD, startServicesStudio } from './studio-fixture.ts';

describe('studio services pages in Chromium', () => {
  let p: TestPlatform;
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  let bbId: number;

  before(async () => {
    ({ p, bbId } = await startServicesStudio());
    url = await listen(p);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await p?.close();
  });

  it('hides a service and gives one a top place in the overview, saves the provider settings and opens the other pages; no axe violations', async () => {
    const { context, page } = await studioPage({ p, browser, url }, BB, 'admin-bad-belzig@push-studio.test', PASSWORD);
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Verwaltungsleistungen' }).click();
    await page.waitForURL(/\/studio\/verwaltungsleistungen$/);
    await assertNoAxeViolations(page);

    await page.getByRole('button', { name: /^Ausblenden\s*: Hundesteuer anmelden$/ }).click();
    await page.waitForURL(/hinweis=hide$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /ausgeblendet/);
    await page.getByLabel('Top-10-Platz für Wohngeld beantragen').fill('1');
    await page.getByRole('button', { name: /^Platz setzen\s*: Wohngeld beantragen$/ }).click();
    await page.waitForURL(/hinweis=top$/);
    const top = page.getByRole('table', { name: 'Top 10 in der Reihenfolge der App' });
    assert.match((await top.getByRole('row', { name: /Wohngeld beantragen/ }).textContent()) ?? '', /^1/);
    await page.getByRole('searchbox', { name: 'Suche im Namen' }).fill('hund');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/q=hund/);
    assert.match((await page.getByRole('row', { name: /Hundesteuer anmelden/ }).textContent()) ?? '', /ausgeblendet/);
    await assertNoAxeViolations(page);
    const rows = await p.database.forTenant(bbId).selectFrom('ozg_services').select(['name', 'hidden', 'top_position']).where('name', 'in', ['Hundesteuer anmelden', 'Wohngeld beantragen']).orderBy('name').execute();
    assert.deepEqual(rows, [
      { name: 'Hundesteuer anmelden', hidden: true, top_position: null },
      { name: 'Wohngeld beantragen', hidden: false, top_position: 1 },
    ]);

    await page.getByRole('link', { name: 'Anbieter-Einstellungen' }).click();
    await page.waitForURL(/\/anbieter$/);
    await assertNoAxeViolations(page);
    await page.getByLabel('Abgleich mit ZuFi (BUS-BB) eingeschaltet').check();
    await page.getByLabel('Basis-URL').fill('kein-link');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Basis-URL').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('API-Schlüssel').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page);
    await page.getByLabel('Basis-URL').fill('https://restapi-v4-bb.infodienste.de');
    await page.getByLabel('API-Schlüssel').fill('browser-schluessel-123');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.waitForURL(/gespeichert=1$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /gespeichert/);
    assert.equal(await page.getByLabel('API-Schlüssel').inputValue(), '');
    assert.ok(!(await page.content()).includes('browser-schluessel-123'));
    await assertNoAxeViolations(page);

    await page.getByRole('link', { name: 'Abgleich' }).click();
    await page.waitForURL(/\/abgleich$/);
    await page.getByRole('button', { name: 'Jetzt abgleichen' }).click();
    await page.waitForURL(/angefordert=1$/);
    await assertNoAxeViolations(page);

    await page.goto(url(BB, '/studio/verwaltungsleistungen/neu'));
    await page.locator('.rich-text-area').first().waitFor();
    await assertNoAxeViolations(page);
    await page.getByLabel('Name der Leistung').fill('Sperrmüll anmelden');
    await page.getByLabel('Name (Zeile 1)').first().fill('Online-Anmeldung');
    await page.getByLabel('Adresse (URL) (Zeile 1)').first().fill('https://service.bad-belzig.de/sperrmuell');
    await page.getByLabel('Vertrauensniveau (Zeile 1)').selectOption({ label: 'niedrig' });
    await page.getByRole('button', { name: 'Leistung speichern' }).click();
    await page.waitForURL(/\/\d+\?gespeichert=1$/);
    const stored = await p.database.forTenant(bbId).selectFrom('ozg_services').select('online_services').where('name', '=', 'Sperrmüll anmelden').executeTakeFirstOrThrow();
    assert.equal(stored.online_services[0].trustLevel, 'low');
    await assertNoAxeViolations(page);
    await context.close();
  });
});
