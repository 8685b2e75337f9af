import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp, axeViolations, describeViolations } from '../../../test/browser.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { smallPng } from '../../media/tests/sample-files.ts';

const assertAccessible = async (page: Page, where: string) => {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `${where}: ${describeViolations(v)}`);
};

describe('studio content editing in Chromium', () => {
  const s = browserSuite();

  it('an editor uploads an image, writes and schedules a news item with it, and it appears in the API and the app at its time', async () => {
    const { context, page } = await newPage(s.browser);
    const errors: string[] = [];
    // A form sent with errors answers 400 on purpose; anything else logged is a fault.
    page.on('console', (m) => m.type() === 'error' && !/status of 400/.test(m.text()) && errors.push(m.text()));
    await page.goto(s.url(BB, '/studio'));
    await page.getByLabel('E-Mail-Adresse').fill('editor@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-editor');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio'));

    // The image goes into the media library first.
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Mediathek' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'rathaus.png', mimeType: 'image/png', buffer: await smallPng(1200, 800) });
    await page.locator('#media-alt').fill('Das Rathaus am Marktplatz');
    await page.locator('#media-copyright').fill('Stadt Bad Belzig');
    await page.getByRole('button', { name: /Hochladen/ }).click();
    await page.getByText('Die Datei wurde hochgeladen.').waitFor();

    await page.goto(s.url(BB, '/studio'));
    await page.getByRole('link', { name: 'Inhalte bearbeiten' }).click();
    await page.getByRole('link', { name: 'Nachrichten' }).click();
    await page.locator('table.studio-table').waitFor();
    await assertAccessible(page, 'list');
    await page.getByRole('link', { name: 'Neu anlegen' }).click();
    await page.locator('.rich-text-area').waitFor();
    await assertAccessible(page, 'empty form');

    // Sent empty: the errors are listed on top, linked to their fields, and announced.
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Bitte füllen Sie „Titel“ aus/);
    await assertAccessible(page, 'form with errors');

    await page.getByLabel('Titel').fill('Neues Rathaus-Café eröffnet');
    await page.getByLabel('Vorspann').fill('Ab Dezember im Erdgeschoss.');
    // The rich-text area with its toolbar (the studio's only script on this screen).
    const editor = page.getByRole('textbox', { name: 'Text' });
    await editor.click();
    await page.keyboard.type('Das Café öffnet ');
    await page.getByRole('button', { name: 'Fett' }).click();
    await page.keyboard.type('montags bis freitags');
    await page.getByRole('button', { name: 'Fett' }).click();
    await page.keyboard.type('.');
    await page.getByLabel('Bild').selectOption({ label: 'Das Rathaus am Marktplatz (rathaus.png)' });
    await page.getByLabel('Kategorien').selectOption(['Aus dem Rathaus']);
    await page.getByLabel('Veröffentlichen', { exact: true }).check();
    await page.getByLabel(/Veröffentlichen am/).fill(berlinDateTimeLocal(new Date(Date.now() + 86_400_000)));
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    const id = Number(/\/nachrichten\/(\d+)/.exec(page.url())?.[1]);
    assert.ok(id > 0);
    await assertAccessible(page, 'saved form');

    const body = (await s.p.database.system.selectFrom('news_items').select('content_blocks').where('id', '=', id).executeTakeFirstOrThrow()).content_blocks[0].body;
    assert.match(body, /Das Café öffnet <(b|strong)>montags bis freitags<\/(b|strong)>\./);
    const detail = `query($id: ID!) { newsItem(id: $id) { title contentBlocks { mediaContents { captionText copyright } } } }`;
    assert.equal((await s.p.gql(BB, detail, { id })).body.data.newsItem, null, 'not public before its time');

    await page.getByRole('link', { name: 'Zurück zur Liste' }).click();
    assert.match((await page.locator('tr', { hasText: 'Neues Rathaus-Café eröffnet' }).textContent()) ?? '', /Geplant ab/);

    // Its time comes.
    await s.p.database.system.updateTable('editorial_states').set({ publish_at: sql`now() - interval '1 second'` }).where('record_id', '=', id).execute();
    await s.p.database.system.updateTable('news_items').set({ published_at: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    await s.p.database.system.updateTable('jobs').set({ run_at: sql`now() - interval '1 second'` }).where('dedupe_key', 'like', `%:${id}%`).execute();
    await s.p.jobs.runDue();
    let item = null;
    for (let i = 0; i < 30 && !item; i++) {
      item = (await s.p.gql(BB, detail, { id })).body.data.newsItem;
      if (!item) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(item, 'public at its time');
    assert.deepEqual(item.contentBlocks[0].mediaContents, [{ captionText: 'Das Rathaus am Marktplatz', copyright: 'Stadt Bad Belzig' }]);

    // The citizen app shows it with the image.
    assert.equal(await openApp(page, s.url(BB, `/nachrichten/${id}`)), 200);
    await page.locator('main h1', { hasText: 'Neues Rathaus-Café eröffnet' }).waitFor();
    assert.ok(await page.locator('main img[alt="Das Rathaus am Marktplatz"]').count());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('versions, trash and restore are usable and accessible', async () => {
    const { context, page } = await newPage(s.browser);
    await page.goto(s.url(BB, '/studio/anmelden'));
    await page.getByLabel('E-Mail-Adresse').fill('redaktion@bad-belzig.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('demo-studio-admin');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(s.url(BB, '/studio'));
    await page.goto(s.url(BB, '/studio/inhalte/nachrichten?sort=title'));
    const first = page.locator('table.studio-table tbody tr a').first();
    const title = (await first.textContent())!;
    await first.click();
    await page.getByLabel('Titel').fill(`${title} (aktualisiert)`);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Gespeichert.').waitFor();
    await page.getByRole('link', { name: 'Versionen' }).click();
    await page.locator('table.studio-table').waitFor();
    await assertAccessible(page, 'versions');
    await page.getByRole('link', { name: 'Zurück zur Liste' }).click();
    await page.getByRole('button', { name: 'In den Papierkorb' }).click();
    await page.getByText('liegt im Papierkorb').waitFor();
    await page.locator('main').getByRole('link', { name: 'Papierkorb' }).click();
    await assertAccessible(page, 'trash');
    await page.getByRole('button', { name: `Wiederherstellen: ${title} (aktualisiert)` }).click();
    await page.getByText('wurde wiederhergestellt').waitFor();
    assert.equal(await page.getByLabel('Entwurf – nur im Studio sichtbar').isChecked(), true);

    // The category tree: ordering with the keyboard-usable buttons keeps the place on the page.
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Kategorien' }).click();
    await page.locator('.category-level').first().waitFor();
    await assertAccessible(page, 'categories');
    const second = page.locator('main > .category-level > li').nth(1);
    const name = (await second.locator('> .category-name').textContent())!;
    await second.getByRole('button', { name: `Nach oben: ${name}` }).click();
    await page.waitForURL(/#kategorie-\d+$/);
    assert.equal(await page.locator('main > .category-level > li').first().locator('> .category-name').textContent(), name);

    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Datenanbieter' }).click();
    await page.locator('#formular').waitFor();
    await assertAccessible(page, 'data providers');
    await context.close();
  });
});
