import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BB } from '../../../test/harness.ts';
import { assertNoAxeViolations, launchChromium, listen } from '../../../test/browser.ts';
import { studioPage } from '../../studio/tests/studio-browser.ts';
import { publicUpdates } from '../reports/public-reports.ts';
import { defectsStudioSuite } from './studio-fixture.ts';
import { LocalPushService } from '../../push/tests/local-push-service.ts';
import { newSubmissionKey, photoFromBerlin, postReport } from './api-fixture.ts';

describe('studio defect reports in Chromium', () => {
  const f = defectsStudioSuite();
  let browser: Browser;
  let url: (host: string, path?: string) => string;
  let push: LocalPushService;
  before(async () => {
    url = await listen(f.p);
    browser = await launchChromium();
    push = await LocalPushService.start();
  });
  after(async () => {
    await browser?.close();
    await push?.close();
  });

  /** Files a report through the citizen API from a device subscribed to Web Push at the local push service. */
  async function fileFromDevice(title: string) {
    const publicKey = (await f.p.http.inject({ method: 'GET', url: '/push/vapid-public-key', headers: { host: BB } })).json().publicKey;
    const device = push.subscribe({ applicationServerKey: publicKey });
    assert.equal((await f.p.http.inject({ method: 'POST', url: '/push/subscriptions', headers: { host: BB, 'content-type': 'application/json' }, payload: device })).statusCode, 201);
    const res = await postReport(f.p, BB, {
      report: { categoryCode: 'strassenbeleuchtung', title, description: 'Mast liegt auf dem Gehweg', location: { lat: 52.1417, lng: 12.59266 }, submissionKey: newSubmissionKey(), pushEndpoint: device.endpoint },
      photos: [{ name: 'mast.jpg', data: await photoFromBerlin(800, 600) }],
    });
    assert.equal(res.statusCode, 201, res.body);
    return { id: res.json().id as number, device };
  }

  it("filters the inbox, opens a report from the list and closes it with a public comment, which reaches the reporter's device by push; no axe violations", async () => {
    const r = await fileFromDevice('Laterne umgefahren');
    const { context, page } = await studioPage({ p: f.p, browser, url }, BB, 'editor@bad-belzig.demo', 'demo-studio-editor');
    await page.getByRole('navigation', { name: 'Bereiche des Studios' }).getByRole('link', { name: 'Mängelmelder' }).click();
    await page.waitForURL(/\/studio\/maengelmelder$/);
    await assertNoAxeViolations(page);
    assert.ok(await page.getByRole('group', { name: 'Karte der gefilterten Meldungen' }).getByRole('link', { name: new RegExp(`^Meldung ${r.id}: Laterne umgefahren`) }).isVisible());

    await page.getByLabel('Freigabe').selectOption('pending');
    await page.getByRole('searchbox', { name: 'Suche in Titel, Beschreibung und Adresse' }).fill('laterne');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/freigabe=pending/);
    const rows = page.getByRole('table').getByRole('row');
    assert.equal(await rows.count(), 2, 'header and the one pending street light');
    await rows.nth(1).getByRole('link', { name: `${r.id}: Laterne umgefahren` }).click();
    await page.waitForURL(new RegExp(`/studio/maengelmelder/${r.id}$`));
    await assertNoAxeViolations(page);

    await page.getByRole('button', { name: 'Freigeben', exact: true }).click();
    await page.waitForURL(/hinweis=moderated$/);
    await page.getByLabel('Neuer Status').selectOption('done');
    await page.getByLabel('Kommentar').fill('Der Mast wurde ersetzt.');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.waitForURL(/hinweis=statusNotice$/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /Der Status ist gespeichert\./);
    assert.match((await page.locator('.report-history').textContent()) ?? '', /Erledigt.*Der Mast wurde ersetzt\./s);
    await assertNoAxeViolations(page);

    const row = await f.db().selectFrom('defect_reports').select(['status', 'moderation', 'closed_at']).where('id', '=', r.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'done');
    assert.equal(row.moderation, 'approved');
    assert.ok(row.closed_at);
    assert.deepEqual((await publicUpdates(f.db(), r.id)).at(-1), { status: 'done', comment: 'Der Mast wurde ersetzt.', createdAt: (await publicUpdates(f.db(), r.id)).at(-1)!.createdAt });
    // The reporter's device hears of it (the job queue runs the notice; the push service received it encrypted for the device).
    while ((await f.p.jobs.runDue()) > 0);
    const pushed = push.messagesFor(r.device.endpoint).map((m) => JSON.parse(m.payload));
    assert.deepEqual(pushed.map((m) => [m.title, m.body, m.url]), [['Ihre Meldung „Laterne umgefahren“: Erledigt', 'Der Mast wurde ersetzt.', `/maengelmelder/meldungen/${r.id}`]]);
    assert.deepEqual((page as unknown as { jsErrors: string[] }).jsErrors, []);
    await context.close();
  });
});
