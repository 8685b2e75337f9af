import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSuite } from '../../../test/browser-suite.ts';
import { BB, WB } from '../../../test/harness.ts';
import { newPage, axeViolations, describeViolations } from '../../../test/browser.ts';

const assertAccessible = async (page: Page, where: string) => {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `${where}: ${describeViolations(v)}`);
};

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><trkseg>
    <trkpt lat="52.1414" lon="12.5913"/><trkpt lat="52.1514" lon="12.5913"/><trkpt lat="52.1514" lon="12.6113"/>
  </trkseg></trk>
</gpx>`;

async function login(page: Page, url: string, email: string, password: string) {
  await page.goto(url);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/anmelden'));
}

const trackLines = async (page: Page) => (await page.getByLabel('Streckenverlauf (Track)').inputValue()).split('\n').filter(Boolean);

describe('studio tour editor in Chromium', () => {
  const s = browserSuite();

  it('draws a track by clicking and dragging on the map, loads a GPX file into it and saves the tour with a stop', async () => {
    const { context, page } = await newPage(s.browser);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await login(page, s.url(BB, '/studio/anmelden?weiter=/studio/inhalte'), 'editor@bad-belzig.demo', 'demo-studio-editor');
    await page.getByRole('link', { name: 'Touren' }).click();
    await page.locator('table.studio-table').waitFor();
    await assertAccessible(page, 'tour list');
    await page.getByRole('link', { name: 'Neu anlegen' }).click();
    const map = page.getByRole('region', { name: 'Karte des Tracks' });
    await page.locator('.track-map.leaflet-container').waitFor();
    assert.match((await page.locator('.track-note').textContent()) ?? '', /kein Kartenhintergrund eingerichtet/);
    await assertAccessible(page, 'empty tour form with its map');

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Runde um den Springbach');
    // Clicks on the map add points at the end of the textarea.
    await map.click({ position: { x: 120, y: 100 } });
    await map.click({ position: { x: 260, y: 180 } });
    const clicked = await trackLines(page);
    assert.equal(clicked.length, 2, clicked.join(' | '));
    for (const line of clicked) assert.match(line, /^\d+\.\d+, \d+\.\d+$/);
    assert.match((await page.getByRole('status').filter({ hasText: 'Punkte' }).textContent()) ?? '', /^2 Punkte, [\d,]+ km$/);

    // The last point is dragged to another place.
    const end = page.locator('.track-end');
    const box = (await end.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
    await page.mouse.up();
    const dragged = await trackLines(page);
    assert.equal(dragged[0], clicked[0]);
    assert.notEqual(dragged[1], clicked[1]);

    // Keyboard: remove the last point, add one at the map's centre.
    await page.getByRole('button', { name: 'Letzten Punkt entfernen' }).press('Enter');
    assert.deepEqual(await trackLines(page), [clicked[0]]);
    await page.getByRole('button', { name: 'Punkt in der Kartenmitte anfügen' }).focus();
    await page.keyboard.press('Enter');
    assert.equal((await trackLines(page)).length, 2);

    // A broken file is refused with its line and leaves the track as it is.
    await page.getByLabel('GPX-Datei laden').setInputFiles({ name: 'kaputt.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from('<gpx><trk><trkseg>\n<trkpt lat="52.1" lon="zwölf"/></trkseg></trk></gpx>') });
    await page.getByText('„kaputt.gpx“, Zeile 2, Punkt 1: „zwölf“ ist keine Zahl.').waitFor();
    assert.equal((await trackLines(page)).length, 2);
    // A good one replaces it.
    await page.getByLabel('GPX-Datei laden').setInputFiles({ name: 'springbach.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(GPX) });
    await page.getByText('3 Punkte aus „springbach.gpx“ übernommen.').waitFor();
    assert.deepEqual(await trackLines(page), ['52.1414, 12.5913', '52.1514, 12.5913', '52.1514, 12.6113']);
    await assertAccessible(page, 'tour form with a track');

    await page.getByLabel('Name (Zeile 1)').fill('Quelle');
    await page.getByLabel('Breitengrad (Zeile 1)').fill('52.1514');
    await page.getByLabel('Längengrad (Zeile 1)').fill('12.6113');
    await page.getByLabel('Veröffentlichen', { exact: true }).check();
    // GPX text pasted into the field is sent as its points.
    await page.getByLabel('Streckenverlauf (Track)').fill(GPX);
    const posted = page.waitForRequest((r) => r.method() === 'POST');
    await page.getByRole('button', { name: 'Speichern' }).click();
    // (Browsers send line breaks in form fields as CRLF.)
    assert.equal(new URLSearchParams((await posted).postData() ?? '').get('track')?.replace(/\r\n/g, '\n'), '52.1414, 12.5913\n52.1514, 12.5913\n52.1514, 12.6113');
    await page.getByText('Gespeichert.').waitFor();
    await page.locator('.track-map.leaflet-container').waitFor();
    await assertAccessible(page, 'saved tour form');
    const id = Number(/\/touren\/(\d+)/.exec(page.url())?.[1]);
    const tour = (await s.p.gql(BB, `query($id: ID!) { tour(id: $id) { lengthKm geometryTourData { latitude longitude } tourStops { name location { geoLocation { latitude longitude } } } } }`, { id })).body.data.tour;
    assert.equal(tour.geometryTourData.length, 3);
    assert.equal(tour.lengthKm, 2);
    assert.deepEqual(tour.tourStops, [{ name: 'Quelle', location: { geoLocation: { latitude: 52.1514, longitude: 12.6113 } } }]);
    assert.deepEqual(errors, []);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('loads map tiles only from the tile server the municipality configured, allowed by the form’s CSP', async () => {
    const admin = await s.p.token('wiesenburg-admin');
    const settings = { mapCenterPosition: { latitude: 52.12, longitude: 12.46 }, tileUrl: 'https://tiles.dorfplatz.invalid/{z}/{x}/{y}.png', attribution: '© OSM' };
    const write = await s.p.gql(WB, `mutation($c: String) { createOrUpdateStaticContent(name: "mapSettings", content: $c, dataType: "json") { id } }`, { c: JSON.stringify(settings) }, admin);
    assert.equal(write.body.errors, undefined, JSON.stringify(write.body.errors));
    const { context, page } = await newPage(s.browser);
    const requests: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
    await login(page, s.url(WB, '/studio/anmelden?weiter=/studio/inhalte/touren/neu'), 'redaktion@wiesenburg.demo', 'demo-studio-admin');
    const res = await page.goto(s.url(WB, '/studio/inhalte/touren/neu'));
    assert.match(res!.headers()['content-security-policy']!, /img-src 'self' data: https:\/\/tiles\.dorfplatz\.invalid;/);
    await page.locator('.track-map.leaflet-container').waitFor();
    // The tile server does not exist: the note says the map has no background.
    await page.locator('.track-note:not([hidden])').waitFor();
    assert.ok(requests.some((r) => r.startsWith('https://tiles.dorfplatz.invalid/')), 'tiles were requested');
    assert.ok(requests.every((r) => r.startsWith(s.url(WB, '')) || r.startsWith('https://tiles.dorfplatz.invalid/') || r.startsWith('data:')), requests.join('\n'));
    assert.deepEqual(cspErrors, []);
    await assertAccessible(page, 'tour form with a tile server');
    await context.close();
  });
});
