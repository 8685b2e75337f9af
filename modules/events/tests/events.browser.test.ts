import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startTestPlatform, BB, type TestPlatform } from '../../../test/harness.ts';
import { launchChromium, listen, newPage, openApp, assertNoAxeViolations } from '../../../test/browser.ts';
import { parseIcs, physicalLines, prop, unescapeText } from './ics-parse.ts';

const DATE = 'dateStart dateEnd timeStart timeEnd timeDescription useOnlyTimeDescription';

describe('events screens in Chromium', () => {
  let p: TestPlatform;
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  /** Demo events by title: id and upcoming dates. */
  const events = new Map<string, { id: string; dates: any[] }>();
  before(async () => {
    p = await startTestPlatform({ seed: true });
    url = await listen(p);
    browser = await launchChromium();
    const list = (await p.gql(BB, `{ eventRecords(limit: 100) { id title dates { ${DATE} } } }`)).body.data.eventRecords;
    for (const e of list) events.set(e.title, { id: e.id, dates: e.dates });
  });
  after(async () => {
    await browser?.close();
    await p?.close();
  });
  const event = (title: string) => {
    const e = events.get(title);
    assert.ok(e, `demo event ${title}`);
    return e;
  };
  /** The entries the API lists for one day (one per date), as the day list must show them. */
  const apiDay = async (day: string) => (await p.gql(BB, `{ eventRecords(dateRange: ["${day}", "${day}"], order: listDate_ASC, limit: 100) { title date { dateStart } } }`)).body.data.eventRecords;

  it('lists upcoming dates by day and filters by day through the form', async () => {
    const { context, page } = await newPage(browser);
    await openApp(page, url(BB, '/veranstaltungen'));
    assert.equal(await page.locator('main h1').textContent(), 'Veranstaltungen');
    const days = await page.locator('.events-day h2 time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    assert.ok(days.length > 0);
    assert.deepEqual(days, [...days].sort(), 'days in ascending order');
    assert.equal(await page.locator('.teaser').count(), 15);
    await assertNoAxeViolations(page);

    const day = event('Orgelkonzert in der Marienkirche').dates[0].dateStart;
    await page.locator('#ev-tag').fill(day);
    await page.locator('.events-filter button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === '/veranstaltungen' && u.searchParams.get('tag') === day);
    await page.waitForSelector('html[data-hydrated="true"]');
    assert.deepEqual(await page.locator('.events-day h2 time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime'))), [day]);
    const expected = await apiDay(day);
    assert.deepEqual(await page.locator('.teaser-title').allTextContents(), expected.map((e: any) => e.title));
    assert.ok(expected.some((e: any) => e.title === 'Orgelkonzert in der Marienkirche'));
    assert.match((await page.locator('.events-summary').textContent())!, /^Termine am \w+, \d+\. \w+ \d{4}$/);
    assert.equal(await page.locator('#ev-tag').inputValue(), day, 'the form shows the active filter');
    await assertNoAxeViolations(page);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('filters by category and period without JavaScript, one entry per date', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(url(BB, '/veranstaltungen'));
    const category = (await p.gql(BB, '{ categories { id name upcomingEventRecordsCount } }')).body.data.categories.find((c: any) => c.name === 'Kinder & Familie');
    await page.locator('#ev-kategorie').selectOption(category.id);
    const puppets = event('Puppentheater „Der kleine Drache“');
    const day = puppets.dates[0].dateStart;
    await page.locator('#ev-von').fill(day);
    await page.locator('#ev-bis').fill(day);
    await page.locator('.events-filter button[type=submit]').click();
    await page.waitForURL((u) => u.searchParams.get('kategorie') === category.id && u.searchParams.get('von') === day);
    const titles = await page.locator('.teaser-title').allTextContents();
    // The puppet show has two dates that day: two entries.
    assert.equal(titles.filter((t) => t === 'Puppentheater „Der kleine Drache“').length, puppets.dates.filter((d) => d.dateStart === day).length);
    assert.equal(puppets.dates.filter((d) => d.dateStart === day).length, 2);
    const api = (await p.gql(BB, `{ eventRecords(categoryId: ${category.id}, dateRange: ["${day}", "${day}"], order: listDate_ASC) { title date { dateStart } } }`)).body.data.eventRecords;
    assert.deepEqual(titles, api.map((e: any) => e.title));
    assert.match((await page.locator('.events-summary').textContent())!, /in „Kinder & Familie“$/);
    await context.close();
  });

  it('shows the list unfiltered with a message when a date is malformed', async () => {
    const { context, page } = await newPage(browser);
    for (const query of ['tag=2026-02-31', 'von=morgen', 'von=2030-05-02&bis=2030-05-01', 'kategorie=Sport']) {
      assert.equal(await openApp(page, url(BB, `/veranstaltungen?${query}`)), 200, query);
      assert.match((await page.locator('.events-error[role=alert]').textContent())!, /ungültig|vor dem Anfangsdatum|gibt es nicht/, query);
      assert.equal(await page.locator('.teaser').count(), 15, `${query}: the whole list`);
    }
    await assertNoAxeViolations(page);
    await context.close();
  });

  it('shows a month calendar: weekday headers, marked days linked to their list, previous and next month', async () => {
    const organ = event('Orgelkonzert in der Marienkirche').dates[0].dateStart as string;
    const month = organ.slice(0, 7);
    const { context, page } = await newPage(browser);
    await openApp(page, url(BB, `/veranstaltungen/kalender?monat=${month}`));
    const caption = (await page.locator('table.calendar caption').textContent())!;
    assert.equal(caption, new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`)));
    assert.deepEqual(await page.locator('table.calendar thead th abbr').evaluateAll((els) => els.map((e) => e.getAttribute('title'))), ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag']);
    const days = Number(new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate());
    assert.equal(await page.locator('table.calendar td .calendar-day').count(), days);
    const link = page.locator(`table.calendar a[href="/veranstaltungen?tag=${organ}"]`);
    const count = (await apiDay(organ)).length;
    assert.equal(await link.locator('.calendar-count').textContent(), `${count} ${count === 1 ? 'Veranstaltung' : 'Veranstaltungen'}`, 'the mark counts the day’s dates');
    assert.equal(await link.locator('.calendar-day').textContent(), String(Number(organ.slice(8))));
    await assertNoAxeViolations(page);

    await page.locator('.calendar-nav a[rel=next]').click();
    const next = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 1)).toISOString().slice(0, 7);
    await page.waitForURL(url(BB, `/veranstaltungen/kalender?monat=${next}`));
    assert.notEqual(await page.locator('table.calendar caption').textContent(), caption);
    await page.locator('.calendar-nav a[rel=prev]').click();
    await page.waitForURL(url(BB, `/veranstaltungen/kalender?monat=${month}`));
    assert.equal(await page.locator('table.calendar caption').textContent(), caption);
    await link.click();
    await page.waitForURL(url(BB, `/veranstaltungen?tag=${organ}`));
    assert.equal(await page.locator('.teaser').count(), count);

    assert.equal(await openApp(page, url(BB, '/veranstaltungen/kalender?monat=2026-13')), 200);
    assert.match((await page.locator('.events-error').textContent())!, /Der Monat „2026-13“ ist ungültig/);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('shows an event with its dates, prices, place with route link, organiser and calendar link', async () => {
    const burg = event('Burgfest auf Burg Eisenhardt');
    const { context, page } = await newPage(browser);
    await openApp(page, url(BB, '/veranstaltungen'));
    await openApp(page, url(BB, `/veranstaltungen/${burg.id}`));
    assert.equal(await page.locator('main h1').textContent(), 'Burgfest auf Burg Eisenhardt');
    assert.equal(await page.locator('.event-dates li').count(), burg.dates.length);
    const first = burg.dates[0];
    assert.equal(await page.locator('.event-dates time').first().getAttribute('datetime'), first.dateStart);
    assert.match((await page.locator('.event-dates li').first().textContent())!, new RegExp(`${first.timeStart}–${first.timeEnd} Uhr`));
    assert.match((await page.locator('.prices').textContent())!, /Erwachsene6,00\s€/);
    assert.match((await page.locator('.prices').textContent())!, /kostenlos.*0–13 Jahre/);
    assert.match((await page.locator('address').first().textContent())!, /Burg Eisenhardt.*Wittenberger Straße 14.*14806 Bad Belzig/);
    assert.equal(await page.locator('a', { hasText: 'Route planen' }).getAttribute('href'), 'https://www.openstreetmap.org/directions?from=&to=52.1438%2C12.5938');
    assert.match((await page.locator('#ev-organizer + .party').textContent())!, /Tourist-Information/);
    assert.equal(await page.locator('a', { hasText: 'Zum Kalender hinzufügen' }).getAttribute('href'), `/veranstaltungen/${burg.id}/kalender.ics`);
    assert.equal(await page.locator('figure img').first().getAttribute('alt'), 'Burg Eisenhardt');
    await assertNoAxeViolations(page);

    // A weekly market: the first dates at once, all of them behind a disclosure.
    const market = event('Wochenmarkt auf dem Marktplatz');
    await openApp(page, url(BB, `/veranstaltungen/${market.id}`));
    assert.equal(await page.locator('.event-dates li').count(), market.dates.length);
    assert.equal(await page.locator('.more-dates summary').textContent(), `Alle ${market.dates.length} Termine anzeigen`);
    await page.locator('.more-dates summary').click();
    await assertNoAxeViolations(page);
    assert.deepEqual((page as any).jsErrors, []);
    await context.close();
  });

  it('serves the calendar file: one VEVENT per upcoming date, CRLF, folded lines, first DTSTART = first date', async () => {
    const { context, page } = await newPage(browser);
    const fetchIn = (path: string) =>
      page.evaluate(async (u) => {
        const r = await fetch(u);
        return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition'), body: await r.text() };
      }, path);
    for (const [title, allDay] of [
      ['Puppentheater „Der kleine Drache“', false],
      ['Fotoausstellung: 140 Jahre Bahnhof Bad Belzig', true],
      ['Wochenmarkt auf dem Marktplatz', false],
    ] as const) {
      const e = event(title);
      await openApp(page, url(BB, `/veranstaltungen/${e.id}`));
      const href = (await page.locator('a', { hasText: 'Zum Kalender hinzufügen' }).getAttribute('href'))!;
      const res = await fetchIn(href);
      assert.equal(res.status, 200);
      assert.equal(res.type, 'text/calendar; charset=utf-8');
      assert.equal(res.disposition, `attachment; filename="veranstaltung-${e.id}.ics"`);
      physicalLines(res.body); // throws on bare LF or a line over 75 octets
      const cal = parseIcs(res.body);
      assert.equal(prop(cal, 'VERSION')?.value, '2.0');
      const vevents = cal.components.filter((c) => c.name === 'VEVENT');
      assert.equal(vevents.length, e.dates.length, title);
      const uids = vevents.map((v) => prop(v, 'UID')!.value);
      assert.equal(new Set(uids).size, uids.length, 'UIDs are unique');
      assert.ok(uids.every((u) => u.startsWith(`event-${e.id}-`) && u.endsWith('@bad-belzig.localhost')));
      const first = e.dates[0];
      const dtstart = prop(vevents[0]!, 'DTSTART')!;
      if (allDay) assert.deepEqual(dtstart, { name: 'DTSTART', params: { VALUE: 'DATE' }, value: first.dateStart.replace(/-/g, '') });
      else assert.deepEqual(dtstart, { name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: `${first.dateStart.replace(/-/g, '')}T${first.timeStart.replace(':', '')}00` });
      assert.equal(cal.components.some((c) => c.name === 'VTIMEZONE'), !allDay);
      assert.equal(unescapeText(prop(vevents[0]!, 'SUMMARY')!.value), title);
      assert.equal(prop(vevents[0]!, 'URL')!.value, url(BB, `/veranstaltungen/${e.id}`));
      assert.ok(res.body.includes('\r\n '), 'long lines are folded');
    }
    // The same file is stable: regenerating gives the same UIDs and DTSTAMP.
    const again = await fetchIn(`/veranstaltungen/${event('Wochenmarkt auf dem Marktplatz').id}/kalender.ics`);
    const reloaded = await fetchIn(`/veranstaltungen/${event('Wochenmarkt auf dem Marktplatz').id}/kalender.ics`);
    assert.equal(again.body, reloaded.body);
    assert.equal((await fetchIn('/veranstaltungen/999999/kalender.ics')).status, 404);
    assert.equal((await fetchIn('/veranstaltungen/abc/kalender.ics')).status, 404);
    await context.close();
  });

  it('answers unknown and malformed event ids with the not-found page', async () => {
    const { context, page } = await newPage(browser);
    for (const path of ['/veranstaltungen/999999', '/veranstaltungen/abc', '/veranstaltungen?seite=0', '/veranstaltungen?seite=500']) {
      assert.equal(await openApp(page, url(BB, path)), 404, path);
      assert.equal(await page.locator('main h1').textContent(), 'Seite nicht gefunden', path);
    }
    await assertNoAxeViolations(page);
    await context.close();
  });
});
