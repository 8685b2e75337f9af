import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { assertNoAxeViolations } from '../../../test/browser.ts';
import { studioPage } from './studio-browser.ts';

describe('preview of a record in the citizen app, in Chromium', () => {
  const s = browserSuite();

  it('an editor saves a draft and sees it in the app’s page inside the form; the form passes axe', async () => {
    const { context, page } = await studioPage(s, BB, 'editor@bad-belzig.demo', 'demo-studio-editor');

    await page.goto(s.url(BB, '/studio/inhalte/eintraege/neu'));
    await page.getByLabel('Art').selectOption({ label: 'Angebot' });
    await page.getByLabel('Titel').fill('Kräuterwanderung (Entwurf)');
    await page.getByLabel('Kurzbeschreibung').fill('Noch nicht öffentlich.');
    await page.getByLabel(/^Entwurf/).check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    const id = Number(/\/eintraege\/(\d+)/.exec(page.url())?.[1]);
    assert.ok(id > 0);

    const frame = page.frameLocator('iframe[name="vorschau"]');
    await frame.getByRole('heading', { level: 1, name: 'Kräuterwanderung (Entwurf)' }).waitFor();
    assert.match((await frame.locator('main').textContent()) ?? '', /Noch nicht öffentlich\./);
    await assertNoAxeViolations(page);

    // Opened on its own, it is the app's page; the public app does not have it.
    await page.getByRole('link', { name: 'Vorschau allein öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kräuterwanderung (Entwurf)' }).waitFor();
    const publicApp = await (await s.browser.newContext()).newPage();
    const res = await publicApp.goto(s.url(BB, `/eintrag/${id}`));
    assert.equal(res?.status(), 404);
    await publicApp.context().close();
    await context.close();
  });
});
