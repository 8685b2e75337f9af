import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { LocalPushService, type SubscriptionJson } from '../../push/tests/local-push-service.ts';
import { changeStatus } from '../reports/change-status.ts';
import { newSubmissionKey, photoFromBerlin, postReport } from './api-fixture.ts';

const near = { lat: 52.1417, lng: 12.59266 };

describe('status notices to the reporter: Web Push to the filing device and e-mail', () => {
  let p: TestPlatform;
  let push: LocalPushService;
  let publicKey: string;
  let photo: Buffer;
  before(async () => {
    push = await LocalPushService.start();
    p = await startTestPlatform({ env: { VAPID_SUBJECT: 'mailto:push@bad-belzig.example' } });
    publicKey = (await p.http.inject({ method: 'GET', url: '/push/vapid-public-key', headers: { host: BB } })).json().publicKey;
    photo = await photoFromBerlin(800, 600);
  });
  after(async () => {
    await p.close();
    await push.close();
  });
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const drain = async () => {
    while ((await p.jobs.runDue()) > 0);
  };
  const subscribe = async (): Promise<SubscriptionJson> => {
    const sub = push.subscribe({ applicationServerKey: publicKey });
    const res = await p.http.inject({ method: 'POST', url: '/push/subscriptions', headers: { host: BB, 'content-type': 'application/json' }, payload: sub });
    assert.equal(res.statusCode, 201, res.body);
    return sub;
  };
  const file = async (extra: Record<string, unknown>) => {
    const res = await postReport(p, BB, { report: { categoryCode: 'strassenbeleuchtung', title: 'Laterne aus', description: 'Laterne dunkel', location: near, submissionKey: newSubmissionKey(), ...extra }, photos: [{ name: 'l.jpg', data: photo }] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as number;
  };
  const mails = () => {
    const dir = path.join(p.dataDir, 'mail');
    try {
      return readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { to: string; subject: string; text: string });
    } catch {
      return [];
    }
  };

  it('pushes "Ihre Meldung „…“: Erledigt" with the report page to the device that filed it, and mails who asked', async () => {
    const sub = await subscribe();
    const other = await subscribe();
    const id = await file({ pushEndpoint: sub.endpoint, contact: { name: 'Erika', email: 'erika@example.org' }, consent: true, notifyByEmail: true });
    await drain();
    assert.equal(push.messagesFor(sub.endpoint).length, 0, 'filing itself sends nothing');
    await changeStatus(db(), { reportId: id, status: 'done', comment: 'Die Lampe ist getauscht.', accountId: null });
    await drain();
    const got = push.messagesFor(sub.endpoint);
    assert.equal(got.length, 1);
    const payload = JSON.parse(got[0]!.payload);
    assert.equal(payload.title, 'Ihre Meldung „Laterne aus“: Erledigt');
    assert.equal(payload.body, 'Die Lampe ist getauscht.');
    assert.equal(payload.url, `/maengelmelder/meldungen/${id}`);
    assert.equal(got[0]!.vapid.sub, 'mailto:push@bad-belzig.example');
    assert.equal(push.messagesFor(other.endpoint).length, 0, 'only the filing device');
    const mail = mails().find((m) => m.to === 'erika@example.org');
    assert.ok(mail, 'mailed');
    assert.equal(mail.subject, 'Ihre Meldung „Laterne aus“: Erledigt');
    assert.match(mail.text, /Die Lampe ist getauscht\./);
    assert.match(mail.text, new RegExp(`Nr\\. ${id}`));
  });

  it('tells nobody of internal notes, mails nobody who did not ask, and removes a subscription the push service says is gone', async () => {
    const sub = await subscribe();
    const id = await file({ pushEndpoint: sub.endpoint, contact: { name: 'Max', email: 'max@example.org' }, consent: true, notifyByEmail: false });
    await changeStatus(db(), { reportId: id, status: 'in_progress', comment: 'intern: Bauhof fragen', internal: true, accountId: null });
    await drain();
    assert.equal(push.messagesFor(sub.endpoint).length, 0, 'internal');
    await changeStatus(db(), { reportId: id, status: 'forwarded', comment: '', accountId: null });
    await drain();
    const got = push.messagesFor(sub.endpoint);
    assert.equal(got.length, 1);
    assert.equal(JSON.parse(got[0]!.payload).body, 'Der Status Ihrer Meldung bei Bad Belzig (Demo) ist jetzt „Weitergeleitet“.');
    assert.equal(mails().some((m) => m.to === 'max@example.org'), false, 'did not ask for mail');

    push.answer(sub.endpoint, 410);
    await changeStatus(db(), { reportId: id, status: 'done', comment: 'Erledigt.', accountId: null });
    await drain();
    const left = await db().selectFrom('push_web_subscriptions').select('id').where('endpoint', '=', sub.endpoint).execute();
    assert.equal(left.length, 0, 'gone subscription removed');
  });

  it('retries a push the push service could not take, without mailing twice', async () => {
    const sub = await subscribe();
    const id = await file({ pushEndpoint: sub.endpoint, contact: { name: 'Eva', email: 'eva@example.org' }, consent: true, notifyByEmail: true });
    push.answer(sub.endpoint, 503);
    await changeStatus(db(), { reportId: id, status: 'rejected', comment: 'Kein Mangel.', accountId: null });
    await drain();
    assert.equal(push.messagesFor(sub.endpoint).length, 0);
    const waiting = await p.database.system.selectFrom('jobs').select(['id', 'status']).where('name', '=', 'defects.status-push').where('status', '=', 'queued').execute();
    assert.ok(waiting.length >= 1, 'the push job waits for its retry');
    push.recover(sub.endpoint);
    await p.database.system.updateTable('jobs').set({ run_at: new Date() }).where('id', 'in', waiting.map((j) => j.id)).execute();
    await drain();
    assert.equal(push.messagesFor(sub.endpoint).length, 1);
    assert.equal(JSON.parse(push.messagesFor(sub.endpoint)[0]!.payload).title, 'Ihre Meldung „Laterne aus“: Abgelehnt');
    assert.equal(mails().filter((m) => m.to === 'eva@example.org').length, 1, 'one mail');
  });
});
