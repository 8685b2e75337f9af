import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { AppError } from '../../../core/errors.ts';
import { NewReport, type NewReportInput } from '../model/report-input.ts';
import { createReport } from '../reports/create-report.ts';
import { changeStatus } from '../reports/change-status.ts';
import { nearbyOpenReports } from '../reports/nearby-reports.ts';
import { getPublicReport, listPublicReports, publicUpdates } from '../reports/public-reports.ts';

describe('defect reports: filing, location, duplicates and status', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(() => p.close());
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const other = () => p.database.forTenant(p.tenants.get('wiesenburg')!.id);
  const file = (input: NewReportInput) => createReport(db(), NewReport.parse(input), { source: 'app' }, { municipality: 'Bad Belzig' });
  // Brücker Straße 4 in the demo register is at about this point.
  const near = { lat: 52.1417, lng: 12.59266 };

  it('files a report with the nearest registered address and drops contact data without consent', async () => {
    const r = await file({ categoryCode: 'schlagloch', description: 'Loch <b>im</b> Gehweg\nzweite Zeile', location: near, contact: { name: 'Erika', email: 'e@example.org' } });
    const row = await db().selectFrom('defect_reports').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    assert.equal(row.title, 'Loch im Gehweg');
    assert.equal(row.description, 'Loch im Gehweg\nzweite Zeile');
    assert.match(row.address, /^Brücker Straße \d+, 14806 Bad Belzig$/);
    assert.equal(row.zipcode, '14806');
    assert.equal(row.contact_email, '', 'no consent, no contact kept');
    assert.equal(row.moderation, 'pending', 'Bad Belzig moderates first');
    const jobs = await p.database.system.selectFrom('jobs').select('payload').where('name', '=', 'defects.notify-team').execute();
    assert.ok(jobs.some((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload).reportId === r.id), 'team notification queued');
  });

  it('refuses a point outside the municipality with a message naming it, and writes nothing', async () => {
    const before = await db().selectFrom('defect_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await assert.rejects(file({ categoryCode: 'schlagloch', location: { lat: 52.52, lng: 13.405 } }), (e: AppError) => e.code === 'BAD_REQUEST' && /außerhalb von Bad Belzig/.test(e.message) && e.details?.code === 'outside_area');
    const afterCount = await db().selectFrom('defect_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('refuses an unknown category and an unknown typed address', async () => {
    await assert.rejects(file({ categoryCode: 'gibtsnicht', location: near }), (e: AppError) => e.code === 'NOT_FOUND');
    await assert.rejects(file({ categoryCode: 'schlagloch', location: { addressString: 'Unbekannter Weg 99' } }), (e: AppError) => e.details?.code === 'address_not_found');
    const byText = await file({ categoryCode: 'schlagloch', location: { addressString: 'Niemegker Str. 3' } });
    const row = await db().selectFrom('defect_reports').select(['address', 'address_id']).where('id', '=', byText.id).executeTakeFirstOrThrow();
    assert.equal(row.address, 'Niemegker Straße 3, 14806 Bad Belzig');
    assert.notEqual(row.address_id, '');
  });

  it('files a retried submission once', async () => {
    const input = { categoryCode: 'spielplatz', location: near, submissionKey: 'retry-key-0001' };
    const a = await file(input);
    const b = await file(input);
    assert.equal(a.id, b.id);
    assert.equal(b.created, false);
  });

  it('returns batch tokens for batch categories', async () => {
    const r = await file({ categoryCode: 'wilder-muell', location: near });
    assert.equal(r.categoryType, 'batch');
    assert.match(r.token!, /^[A-Za-z0-9_-]{16}$/);
  });

  it('suggests open reports of the same category within 50 m, nearest first, public ones only to citizens', async () => {
    const first = await file({ categoryCode: 'gruenflaeche', location: { lat: 52.15, lng: 12.6 } });
    const close = { lat: 52.15 + 30 / 111_195, lng: 12.6 }; // 30 m north
    const staff = await nearbyOpenReports(db(), { categoryId: await categoryId('gruenflaeche'), ...close, publicOnly: false });
    assert.deepEqual(staff.map((r) => r.id), [first.id]);
    assert.ok(Math.abs(staff[0].distance - 30) <= 1);
    assert.deepEqual(await nearbyOpenReports(db(), { categoryId: await categoryId('gruenflaeche'), ...close, publicOnly: true }), [], 'pending moderation: not shown to citizens');
    const far = { lat: 52.15 + 70 / 111_195, lng: 12.6 };
    assert.deepEqual(await nearbyOpenReports(db(), { categoryId: await categoryId('gruenflaeche'), ...far, publicOnly: false }), []);
    assert.deepEqual(await nearbyOpenReports(db(), { categoryId: await categoryId('spielplatz'), ...close, publicOnly: false }), [], 'other category');
  });

  it('closes a report with a public comment, records history and queues the reporter notice', async () => {
    const r = await file({ categoryCode: 'strassenbeleuchtung', location: near });
    await db().updateTable('defect_reports').set({ moderation: 'approved' }).where('id', '=', r.id).execute();
    await changeStatus(db(), { reportId: r.id, status: 'done', comment: 'Laterne repariert.', accountId: null });
    const pub = await getPublicReport(db(), r.id);
    assert.equal(pub?.status, 'done');
    assert.equal(pub?.statusNotes, 'Laterne repariert.');
    assert.ok(pub?.closedAt instanceof Date);
    assert.deepEqual((await publicUpdates(db(), r.id)).map((u) => u.status), ['received', 'done']);
    const jobs = await p.database.system.selectFrom('jobs').select('payload').where('name', '=', 'defects.status-notice').execute();
    assert.ok(jobs.some((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload).reportId === r.id));
    await assert.rejects(changeStatus(db(), { reportId: r.id, status: 'duplicate', comment: '', accountId: null }), (e: AppError) => e.code === 'BAD_REQUEST');
  });

  it('lists only approved public reports, without personal data, and keeps tenants apart', async () => {
    const list = await listPublicReports(db(), { limit: 100 });
    assert.ok(list.length >= 6, 'seeded reports are public');
    for (const r of list) assert.equal('contactEmail' in r || 'contact_email' in r || 'deviceId' in r, false);
    const hidden = await file({ categoryCode: 'schlagloch', location: near, public: false });
    await db().updateTable('defect_reports').set({ moderation: 'approved' }).where('id', '=', hidden.id).execute();
    assert.equal(await getPublicReport(db(), hidden.id), undefined);
    assert.equal(await getPublicReport(other(), list[0].id), undefined, 'Wiesenburg cannot read Bad Belzig');
    const closed = await listPublicReports(db(), { statuses: ['done'], limit: 100 });
    assert.ok(closed.length >= 1 && closed.every((r) => r.status === 'done'));
  });

  async function categoryId(code: string): Promise<number> {
    return (await db().selectFrom('defect_categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  }
});
