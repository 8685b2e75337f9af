import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { launchChromium, listen, newPage, openApp, axeViolations, describeViolations } from '../../../test/browser.ts';
import { openNow, parseWeekdays } from '../app/open-now.ts';
import { richHtml, routeHref } from '../app/detail-parts.load.ts';

/** Console errors (CSP violations show up there) and requests to any other origin, per page. */
function watch(page: Page, origin: string) {
  const consoleErrors: string[] = [];
  const foreign: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('request', (r) => {
    requests.push(r.url());
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return { consoleErrors, foreign, requests };
}

async function assertClean(page: Page, seen: ReturnType<typeof watch>) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  assert.deepEqual((page as any).jsErrors, []);
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(seen.foreign, []);
}

/** Waits until a marker's preview has faded in and the map has stopped panning to show it. */
const popupSettled = (page: Page) =>
  page.waitForFunction(() => {
    const popup = document.querySelector('.leaflet-popup');
    return !!popup && getComputedStyle(popup).opacity === '1' && !document.querySelector('.leaflet-pan-anim, .leaflet-zoom-anim');
  });

/** What the markers on the map stand for: single markers plus the counts on cluster markers. */
const shownOnMap = (page: Page) =>
  page.evaluate(() => {
    const singles = document.querySelectorAll('.map .map-marker').length;
    const clusters = [...document.querySelectorAll('.map .map-cluster')];
    return { singles, clusters: clusters.length, total: singles + clusters.reduce((s, el) => s + Number(el.textContent), 0) };
  });

describe('places and tours in Chromium', () => {
  let p: TestPlatform;
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  let places: { id: string; name: string; located: boolean; categories: string[] }[];
  before(async () => {
    p = await startTestPlatform({ seed: true });
    url = await listen(p);
    browser = await launchChromium();
    const res = await p.gql(BB, `{ pointsOfInterest(limit: 1000) { id name categories { id } addresses { geoLocation { latitude longitude } } location { geoLocation { latitude longitude } } } }`);
    places = res.body.data.pointsOfInterest.map((r: any) => ({
      id: r.id,
      name: r.name,
      categories: r.categories.map((c: any) => c.id),
      located: [...r.addresses.map((a: any) => a.geoLocation), r.location?.geoLocation].some((g) => g && typeof g.latitude === 'number'),
    }));
  });
  after(async () => {
    await browser?.close();
    await p?.close();
  });

  it('leads from the category tree into a category list and on to a place with its details', async () => {
    const { context, page } = await newPage(browser);
    const seen = watch(page, url(BB, ''));
    assert.equal(await openApp(page, url(BB, '/orte')), 200);
    assert.equal(await page.locator('main h1').textContent(), 'Orte & Touren');
    const { body } = await p.gql(BB, `{ categories { id name pointsOfInterestTreeCount } }`);
    const culture = body.data.categories.find((c: any) => c.name === 'Kultur & Freizeit');
    const row = page.locator('.category', { has: page.locator(`a[href="/orte/liste?kategorie=${culture.id}"]`) });
    assert.equal(await row.locator('.count').first().textContent(), `${culture.pointsOfInterestTreeCount} Orte`);
    await assertClean(page, seen);
    // The leaflet chunk is not part of a page without a map.
    assert.ok(!seen.requests.some((r) => r.includes('leaflet')), 'no map code on the category page');

    await row.getByRole('link', { name: 'Kultur & Freizeit' }).click();
    await page.waitForURL(/\/orte\/liste\?kategorie=\d+$/);
    await page.locator('main h1', { hasText: 'Kultur & Freizeit' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    // The list holds the category's places including those of its subcategories.
    assert.equal(await page.locator('.teaser').count(), culture.pointsOfInterestTreeCount);
    await assertClean(page, seen);

    await page.locator('.teaser a', { hasText: 'Burg Eisenhardt' }).click();
    await page.waitForURL(/\/orte\/\d+$/);
    await page.locator('main h1', { hasText: 'Burg Eisenhardt' }).waitFor();
    const burgId = page.url().split('/').pop()!;
    assert.match((await page.locator('.detail-images figcaption').first().textContent())!, /Foto: Stadt Bad Belzig \(Demo\)/);
    assert.equal(await page.locator('.detail-images img').first().getAttribute('alt'), 'Burg Eisenhardt mit Bergfried');
    assert.match((await page.locator('#description ~ .rich-text').textContent())!, /thront seit dem 15\. Jahrhundert/);
    assert.equal(await page.getByRole('link', { name: /Route planen/ }).first().getAttribute('href'), `https://www.openstreetmap.org/directions?route=${encodeURIComponent(';52.1399,12.5862')}`);
    assert.equal(await page.locator('a[href^="tel:"]').first().getAttribute('href'), 'tel:033841099320');
    assert.equal(await page.locator('a[href^="mailto:"]').first().getAttribute('href'), 'mailto:burg@tourismus-bad-belzig.example.org');
    assert.equal(await page.locator('.hours tbody tr').count(), 3);
    assert.equal(await page.locator('.hours tbody tr').nth(2).locator('td').nth(1).textContent(), 'geschlossen');
    // "Open now" as the server decided it for this moment in Berlin (either side of the request).
    const hours = (await p.gql(BB, `query($id: ID!) { pointOfInterest(id: $id) { openingHours { weekday dateFrom dateTo timeFrom timeTo useYear open } } }`, { id: burgId })).body.data.pointOfInterest.openingHours;
    const indicator = await page.locator('.open-now').textContent();
    const expected: string[] = [openNow(hours, new Date()), openNow(hours, new Date(Date.now() - 60_000))].map((o) => (o ? 'Jetzt geöffnet' : 'Jetzt geschlossen'));
    assert.ok(expected.includes(indicator!), `${indicator} vs ${expected}`);
    assert.match((await page.locator('.prices').textContent())!, /5,50\s€/);
    assert.match((await page.locator('.prices').textContent())!, /kostenlos/);
    assert.equal(await page.locator('#accessibility ~ .accessibility-types').textContent(), 'teilweise barrierefrei');
    assert.equal(await page.locator('#links ~ .detail-links a').getAttribute('href'), 'https://www.burg-eisenhardt.example.org');
    // Its small map with its one marker.
    await page.locator('.map .map-marker').waitFor();
    assert.equal(await page.locator('.map .map-marker').count(), 1);
    assert.equal(await page.locator('.map .map-marker').getAttribute('title'), 'Burg Eisenhardt');
    await assertClean(page, seen);
    await context.close();
  });

  it('pages through the list without JavaScript', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const res = await page.goto(url(BB, '/orte/liste'));
    assert.equal(res?.status(), 200);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(...(await page.locator('.teaser-title a').allTextContents()));
      const next = page.getByRole('link', { name: 'Nächste Seite' });
      if (!(await next.count())) break;
      await next.click();
      await page.waitForLoadState();
    }
    assert.match(page.url(), /seite=3$/);
    assert.equal(await page.locator('.pager [aria-current=page]').textContent(), 'Seite 3 von 3');
    assert.deepEqual([...seen].sort(), places.map((x) => x.name).sort());
    await context.close();
  });

  it('answers 404 for unknown places, tours, categories and pages', async () => {
    const { context, page } = await newPage(browser);
    for (const path of ['/orte/999999', '/orte/abc', '/touren/999999', '/orte/liste?kategorie=999999', '/orte/liste?kategorie=abc', '/orte/liste?seite=4', '/orte/liste?seite=0', '/touren?ansicht=globus']) {
      assert.equal(await openApp(page, url(BB, path)), 404, path);
      assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden', path);
    }
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });

  it('shows every located place on the map, clustered, on a plain background with a note, and opens a marker', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1000, height: 900 } });
    const seen = watch(page, url(BB, ''));
    assert.equal(await openApp(page, url(BB, '/orte/liste')), 200);
    await page.getByRole('link', { name: 'Karte' }).click();
    await page.waitForURL(/ansicht=karte/);
    await page.locator('.map .leaflet-marker-icon').first().waitFor();
    assert.equal(await page.locator('.view-switch a[aria-current=page]').textContent(), 'Karte');
    assert.match((await page.locator('.map-note').textContent())!, /^Kartenhintergrund nicht verfügbar/);
    assert.equal(await page.locator('.leaflet-tile').count(), 0);
    const before = await shownOnMap(page);
    assert.equal(before.total, places.filter((x) => x.located).length);
    assert.ok(before.clusters > 0, 'nearby markers are clustered at the initial zoom');
    // The list stays below the map.
    assert.equal(await page.locator('.teaser').count(), 20);
    // Leaflet's stylesheet came with the map chunk, from this server.
    assert.ok(seen.requests.some((r) => /\/app\/assets\/leaflet-map-[\w-]+\.css$/.test(r)));
    await assertClean(page, seen);
    // The app re-renders (here for the offline notice) without losing what Leaflet drew.
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page.locator('.offline-notice').waitFor();
    assert.deepEqual(await shownOnMap(page), before);

    // A cluster zooms in on click: more single markers, nothing lost.
    await page.locator('.map .map-cluster').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.map .map-marker').length > n, before.singles);
    assert.equal((await shownOnMap(page)).total, before.total);

    // A marker opens its preview; the preview links to the place.
    const marker = page.locator('.map .map-marker').first();
    const title = (await marker.getAttribute('title'))!;
    await marker.click();
    const link = page.locator('.leaflet-popup .map-popup a');
    await link.waitFor();
    await popupSettled(page);
    assert.equal(await link.textContent(), title);
    await link.click();
    await page.waitForURL(/\/orte\/\d+$/);
    await page.locator('main h1', { hasText: title }).waitFor();
    assert.deepEqual((page as any).jsErrors, []);
    assert.deepEqual(seen.consoleErrors, []);
    await context.close();
  });

  it('makes markers keyboard buttons: Enter opens the preview and focuses its link', async () => {
    const { context, page } = await newPage(browser);
    await openApp(page, url(BB, '/orte/liste?ansicht=karte'));
    await page.locator('.map .leaflet-marker-icon').first().waitFor();
    const cluster = page.locator('.map .map-cluster').first();
    assert.equal(await cluster.getAttribute('role'), 'button');
    assert.equal(await cluster.getAttribute('tabindex'), '0');
    assert.match((await cluster.getAttribute('title'))!, /^\d+ Einträge – zum Vergrößern auswählen$/);
    const singlesBefore = await page.locator('.map .map-marker').count();
    await cluster.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.map .map-marker').length > n, singlesBefore);
    // Focus stays on the map: on the marker that now holds the cluster's first member.
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.map .leaflet-marker-icon')));
    const marker = page.locator('.map .map-marker').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.activeElement?.closest('.map-popup'));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), await marker.getAttribute('title'));
    await context.close();
  });

  it('shows a tour with its facts, track and numbered stops', async () => {
    const { body } = await p.gql(BB, `{ tours(limit: 100) { id name tourStops { id name } geometryTourData { latitude } } }`);
    const tour = body.data.tours.find((t: any) => t.name === 'Historischer Stadtrundgang');
    const { context, page } = await newPage(browser);
    const seen = watch(page, url(BB, ''));
    // The tree's tour category leads to the tour list, its count including subcategories.
    assert.equal(await openApp(page, url(BB, '/orte')), 200);
    const row = page.locator('.category', { has: page.getByRole('link', { name: 'Touren', exact: true }) });
    assert.equal(await row.locator('.count').textContent(), `${body.data.tours.length} Touren`);
    await row.getByRole('link', { name: 'Touren', exact: true }).click();
    await page.waitForURL(/\/touren\?kategorie=\d+$/);
    await page.locator('main h1', { hasText: 'Touren' }).waitFor();
    assert.equal(await page.locator('.teaser').count(), body.data.tours.length);
    await page.locator('.teaser a', { hasText: tour.name }).click();
    await page.waitForURL(new RegExp(`/touren/${tour.id}$`));
    await page.locator('main h1', { hasText: tour.name }).waitFor();
    assert.equal(await page.locator('.facts').textContent(), 'Länge3 kmFortbewegungzu Fuß');
    assert.deepEqual(await page.locator('.stop h3').allTextContents(), tour.tourStops.map((s: any, i: number) => `${i + 1}${s.name}`));
    // The track is drawn as one line; each stop is a numbered marker, never clustered.
    await page.locator('.map .map-marker').first().waitFor();
    assert.equal(await page.locator('.map .leaflet-overlay-pane path').count(), 1);
    assert.ok(((await page.locator('.map .leaflet-overlay-pane path').getAttribute('d')) ?? '').length > 20);
    assert.deepEqual(await page.locator('.map .map-marker').allTextContents(), tour.tourStops.map((_: unknown, i: number) => String(i + 1)));
    assert.equal(await page.locator('.map .map-cluster').count(), 0);
    // A stop's marker links to the stop in the list below.
    await page.locator('.map .map-marker', { hasText: '2' }).click();
    await popupSettled(page);
    assert.equal(await page.locator('.map-popup a').getAttribute('href'), `#stop-${tour.tourStops[1].id}`);
    await assertClean(page, seen);
    await context.close();
  });

  it('uses a configured tile server and says so when its tiles do not load, within the page CSP', async () => {
    const admin = await p.token('wiesenburg-admin');
    const settings = { mapCenterPosition: { latitude: 52.12, longitude: 12.46 }, tileUrl: 'https://tiles.dorfplatz.invalid/{z}/{x}/{y}.png', attribution: '© OSM <b>Demo</b>', clusterRadius: 40 };
    const write = await p.gql(WB, `mutation($c: String) { createOrUpdateStaticContent(name: "mapSettings", content: $c, dataType: "json") { id } }`, { c: JSON.stringify(settings) }, admin);
    assert.equal(write.body.errors, undefined, JSON.stringify(write.body.errors));
    const { context, page } = await newPage(browser);
    const seen = watch(page, url(WB, ''));
    const res = await page.goto(url(WB, '/orte/liste?ansicht=karte'));
    assert.match(res!.headers()['content-security-policy']!, /img-src 'self' data: blob: https:\/\/tiles\.dorfplatz\.invalid/);
    await page.locator('.map .leaflet-marker-icon').first().waitFor();
    // The note appears once the tiles failed to load.
    await page.locator('.map-note', { hasText: 'Kartenhintergrund nicht verfügbar' }).waitFor();
    assert.ok(seen.requests.some((r) => r.startsWith('https://tiles.dorfplatz.invalid/')), 'tiles were requested');
    assert.deepEqual(seen.consoleErrors.filter((e) => /Content Security Policy/i.test(e)), []);
    assert.deepEqual((page as any).jsErrors, []);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, describeViolations(violations));
    await context.close();
  });
});

describe('place details decided on the server', () => {
  const burg = [
    { weekday: 'Dienstag – Sonntag', timeFrom: '10:00', timeTo: '17:00', dateFrom: '2025-04-01', dateTo: '2025-10-31', useYear: false, open: true },
    { weekday: 'Mittwoch – Sonntag', timeFrom: '11:00', timeTo: '16:00', dateFrom: '2025-11-01', dateTo: '2026-03-31', useYear: false, open: true },
    { weekday: 'Montag', open: false },
  ];
  const at = (iso: string) => new Date(iso);

  it('reads German and English weekday texts', () => {
    assert.deepEqual([...parseWeekdays('Dienstag – Sonntag')!], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...parseWeekdays('Sonntag - Donnerstag')!], [6, 0, 1, 2, 3]);
    assert.deepEqual([...parseWeekdays('Samstag und Sonntag')!], [5, 6]);
    assert.deepEqual([...parseWeekdays('Mo.-Fr.')!], [0, 1, 2, 3, 4]);
    assert.deepEqual([...parseWeekdays('täglich')!].length, 7);
    assert.equal(parseWeekdays('nach Vereinbarung'), null);
  });

  it('follows seasons that repeat every year, rest days and Berlin time', () => {
    // Saturday 21 Nov 2026, 12:00 in Berlin (11:00 UTC): winter season, Wed–Sun 11–16.
    assert.equal(openNow(burg, at('2026-11-21T11:00:00Z')), true);
    // 16:30 Berlin: after closing time.
    assert.equal(openNow(burg, at('2026-11-21T15:30:00Z')), false);
    // Tuesday in winter: not a winter day.
    assert.equal(openNow(burg, at('2026-11-24T11:00:00Z')), false);
    // Tuesday in summer 2027 (the season repeats): 10:30 Berlin is 08:30 UTC.
    assert.equal(openNow(burg, at('2027-07-06T08:30:00Z')), true);
    // Monday: rest day.
    assert.equal(openNow(burg, at('2027-07-05T10:00:00Z')), false);
    // 10:30 UTC is 11:30 in Berlin in winter but 12:30 in summer: the zone decides, not the server's.
    assert.equal(openNow([{ weekday: 'täglich', timeFrom: '11:00', timeTo: '12:00' }], at('2026-01-10T10:30:00Z')), true);
    assert.equal(openNow([{ weekday: 'täglich', timeFrom: '11:00', timeTo: '12:00' }], at('2026-07-10T10:30:00Z')), false);
  });

  it('lets a dated closing day win and knows nothing when nothing is readable', () => {
    const shop = [
      { weekday: 'Montag – Samstag', timeFrom: '08:00', timeTo: '18:00' },
      { weekday: '24. Dezember', dateFrom: '2026-12-24', dateTo: '2026-12-24', open: false },
    ];
    assert.equal(openNow(shop, at('2026-12-23T10:00:00Z')), true);
    assert.equal(openNow(shop, at('2026-12-24T10:00:00Z')), false);
    assert.equal(openNow([{ weekday: 'nach Vereinbarung', timeFrom: '08:00', timeTo: '18:00' }], at('2026-12-23T10:00:00Z')), null);
    assert.equal(openNow([], at('2026-12-23T10:00:00Z')), null);
  });

  it('links "Route planen" to the tenant\'s bbnavi planner when configured, else to OpenStreetMap', () => {
    const bbnavi = { globalSettings: { settings: { bbnavi: 'https://bbnavi.example/' } } } as any;
    const none = { globalSettings: {} } as any;
    assert.equal(routeHref(bbnavi, [52.1399, 12.5862], 'Burg Eisenhardt, Wittenberger Straße 14'), `https://bbnavi.example/-/${encodeURIComponent('Burg Eisenhardt, Wittenberger Straße 14::52.1399,12.5862')}`);
    assert.equal(routeHref(none, [52.1399, 12.5862], 'Burg'), 'https://www.openstreetmap.org/directions?route=%3B52.1399%2C12.5862');
    assert.equal(routeHref(none, null, 'Marktplatz 1, 14806 Bad Belzig'), 'https://www.openstreetmap.org/directions?to=Marktplatz%201%2C%2014806%20Bad%20Belzig');
    // Only an https planner is used.
    assert.match(routeHref({ globalSettings: { settings: { bbnavi: 'javascript:alert(1)' } } } as any, [52, 12], 'x')!, /^https:\/\/www\.openstreetmap\.org\//);
  });

  it('sanitises stored HTML and moves its headings below the page\'s sections', () => {
    assert.equal(richHtml('<h1>A</h1><h2>B</h2><script>alert(1)</script><p onclick="x()">Text</p>'), '<h3>A</h3><h4>B</h4><p>Text</p>');
    assert.equal(richHtml('<p>Nur <a href="javascript:alert(1)">Text</a></p>'), '<p>Nur <a>Text</a></p>');
    assert.equal(richHtml('  '), null);
  });
});
