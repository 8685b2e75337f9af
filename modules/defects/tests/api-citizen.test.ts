import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { changeStatus } from '../reports/change-status.ts';
import { readExifGps } from './api-exif-reader.ts';
import { multipartBody, newSubmissionKey, photoFromBerlin, solvedChallenge, type FormParts } from './api-fixture.ts';

const API = '/api/v1/defects';
// Brücker Straße in the demo register of Bad Belzig.
const near = { lat: 52.1417, lng: 12.59266 };
const PERSONAL = ['contact', 'contactName', 'contactEmail', 'contact_email', 'email', 'phone', 'deviceId', 'device_id', 'accountId', 'submissionKey', 'pushEndpoint'];

describe('citizen API of the defect reports', () => {
  let p: TestPlatform;
  let photo: Buffer;
  let ipSeq = 1;
  /** Every test its own client address, so the per-address limit counts only its own sends. */
  const ip = () => `10.0.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;
  before(async () => {
    p = await startTestPlatform();
    photo = await photoFromBerlin();
  });
  after(() => p.close());
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const get = (url: string, host = BB) => p.http.inject({ method: 'GET', url, headers: { host } });
  const report = (extra: Record<string, unknown> = {}) => ({ categoryCode: 'schlagloch', description: 'Tiefes Loch im Gehweg', location: near, consent: false, notifyByEmail: false, public: true, submissionKey: newSubmissionKey(), ...extra });
  const fileFrom = (address: string, parts: FormParts) =>
    multipartAndSend(address, parts);
  async function multipartAndSend(address: string, parts: FormParts) {
    const solved = parts.challenge === undefined ? await solvedChallenge(p, BB) : { challenge: parts.challenge, nonce: parts.nonce ?? '0' };
    const { payload, contentType } = await multipartBody({ ...parts, ...solved });
    return p.http.inject({ method: 'POST', url: `${API}/reports`, headers: { host: BB, 'content-type': contentType }, payload, remoteAddress: address });
  }

  it('lists the categories with their attributes', async () => {
    const res = await get(`${API}/categories`);
    assert.equal(res.statusCode, 200);
    const cats = res.json();
    assert.ok(cats.length >= 6);
    const c = cats.find((x: any) => x.code === 'schlagloch');
    assert.deepEqual(Object.keys(c).sort(), ['attributes', 'code', 'description', 'group', 'name']);
    assert.ok(Array.isArray(c.attributes));
    const wb = (await get(`${API}/categories`, WB)).json();
    assert.notDeepEqual(wb.map((x: any) => x.code).sort(), cats.map((x: any) => x.code).sort(), 'each municipality its own categories');
  });

  it('files a report with a photo: 201, stored with the chosen point as EXIF GPS and without the camera data', async () => {
    const res = await fileFrom(ip(), { report: report({ title: 'Loch im Gehweg' }), photos: [{ name: 'loch.jpg', data: photo }] });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['id', 'moderation', 'status', 'token']);
    assert.equal(body.status, 'received');
    assert.equal(body.moderation, 'pending', 'Bad Belzig moderates');
    const photos = await db().selectFrom('defect_report_photos').selectAll().where('report_id', '=', body.id).execute();
    assert.equal(photos.length, 1);
    assert.ok(photos[0]!.width <= 1600 && photos[0]!.height <= 1600);
    assert.match(photos[0]!.url, /^\/media\/defects\/\d+\/[A-Za-z0-9_-]{22}\.jpg$/, 'a random name: the address does not reveal the report');
    const stored = readFileSync(path.join(p.mediaDir, photos[0]!.storage_keys[0]));
    const gps = readExifGps(stored)!;
    assert.ok(gps, 'GPS written');
    assert.ok(Math.abs(gps.lat - near.lat) < 1e-5 && Math.abs(gps.lng - near.lng) < 1e-5, `the report's point, not Berlin: ${JSON.stringify(gps)}`);
    assert.equal(stored.includes(Buffer.from('Erika Mustermann')), false, 'no copyright of the original');
    assert.equal(stored.includes(Buffer.from('Kamera')), false, 'no camera make of the original');
  });

  it('files a submission once: the same key again answers 200 with the same id, also when sent twice at once', async () => {
    const r = report();
    const first = await fileFrom(ip(), { report: r, photos: [{ name: 'a.jpg', data: photo }] });
    assert.equal(first.statusCode, 201);
    const again = await fileFrom(ip(), { report: r, photos: [{ name: 'a.jpg', data: photo }] });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, first.json().id);

    const twin = report();
    const a = ip();
    const [x, y] = await Promise.all([fileFrom(a, { report: twin, photos: [{ name: 'a.jpg', data: photo }] }), fileFrom(a, { report: twin, photos: [{ name: 'a.jpg', data: photo }] })]);
    assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 201], `${x.body} ${y.body}`);
    assert.equal(x.json().id, y.json().id);
    const rows = await db().selectFrom('defect_reports').select('id').where('submission_key', '=', twin.submissionKey).execute();
    assert.equal(rows.length, 1);
    const photoRows = await db().selectFrom('defect_report_photos').select('storage_keys').where('report_id', '=', x.json().id).execute();
    assert.equal(photoRows.length, 1, 'the loser\'s photos are not attached');

    // The same challenge sent twice at once with the same key: one report, both told its id.
    const same = report();
    const solved = await solvedChallenge(p, BB);
    const [u, v] = await Promise.all([0, 1].map(() => fileFrom(ip(), { report: same, ...solved, photos: [{ name: 'a.jpg', data: photo }] })));
    assert.deepEqual([u!.statusCode, v!.statusCode].sort(), [200, 201], `${u!.body} ${v!.body}`);
    assert.equal(u!.json().id, v!.json().id);
  });

  it('refuses bad input with a German message, a code and the field; nothing is stored', async () => {
    const count = async () => Number((await db().selectFrom('defect_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const cases: [FormParts, number, string, string | undefined][] = [
      [{ report: '{kein json', photos: [{ name: 'a.jpg', data: photo }] }, 400, 'validation', 'report'],
      [{ report: report({ location: undefined }), photos: [{ name: 'a.jpg', data: photo }] }, 400, 'validation', 'location'],
      [{ report: report({ categoryCode: '' }), photos: [{ name: 'a.jpg', data: photo }] }, 400, 'validation', 'categoryCode'],
      [{ report: report({ description: 'x'.repeat(4001) }), photos: [{ name: 'a.jpg', data: photo }] }, 400, 'validation', 'description'],
      [{ report: report({ notifyByEmail: true }), photos: [{ name: 'a.jpg', data: photo }] }, 400, 'validation', 'notifyByEmail'],
      [{ report: report({ location: { lat: 52.52, lng: 13.405 } }), photos: [{ name: 'a.jpg', data: photo }] }, 400, 'outside_area', undefined],
      [{ report: report({ categoryCode: 'gibtsnicht' }), photos: [{ name: 'a.jpg', data: photo }] }, 404, 'not_found', undefined],
      [{ report: report(), photos: [] }, 400, 'photo_missing', 'photo'],
      [{ report: report(), photos: [{ name: 'foto.jpg', data: Buffer.from('Das ist kein Foto, nur Text.\n'.repeat(20)), type: 'image/jpeg' }] }, 415, 'photo_unknown', 'photo'],
      [{ report: report(), photos: Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.jpg`, data: photo })) }, 400, 'too_many_photos', 'photo'],
    ];
    for (const [parts, status, code, field] of cases) {
      const res = await fileFrom(ip(), parts);
      assert.equal(res.statusCode, status, `${code}: ${res.body}`);
      const e = res.json().error;
      assert.equal(e.code, code, res.body);
      assert.equal(e.field, field, res.body);
      assert.match(e.message, /[a-zäöüß]{3}/i);
      assert.doesNotMatch(e.message, /\bat \w+ \(|Error:|stack/i, 'no stack trace');
    }
    const outside = await fileFrom(ip(), { report: report({ location: { lat: 52.52, lng: 13.405 } }), photos: [{ name: 'a.jpg', data: photo }] });
    assert.match(outside.json().error.message, /außerhalb von Bad Belzig/);
    const json = await p.http.inject({ method: 'POST', url: `${API}/reports`, headers: { host: BB, 'content-type': 'application/json' }, payload: JSON.stringify(report()) });
    assert.equal(json.statusCode, 415);
    assert.match(json.json().error.message, /multipart\/form-data/);
    assert.equal(await count(), before);
  });

  it('shows approved public reports on the map and list with status colours and photo URLs, never personal data', async () => {
    const res = await fileFrom(ip(), { report: report({ title: 'Laterne', contact: { name: 'Erika Muster', email: 'erika@example.org', phone: '0331 1234' }, consent: true, deviceId: 'device-geheim-1' }), photos: [{ name: 'a.jpg', data: photo }] });
    const id = res.json().id;
    assert.equal((await get(`${API}/reports/${id}`)).statusCode, 404, 'pending moderation');
    await db().updateTable('defect_reports').set({ moderation: 'approved' }).where('id', '=', id).execute();
    const one = await get(`${API}/reports/${id}`);
    assert.equal(one.statusCode, 200);
    const r = one.json();
    assert.equal(r.status, 'received');
    assert.equal(r.statusLabel, 'Eingegangen');
    assert.match(r.statusColour, /^#[0-9a-f]{6}$/);
    assert.match(r.photos[0], /^http:\/\/bad-belzig\.localhost\/media\/defects\//);
    assert.deepEqual(r.updates.map((u: any) => u.status), ['received']);
    const list = await get(`${API}/reports?status=open&category=schlagloch&bbox=12.5,52.1,12.7,52.2&limit=500`);
    assert.equal(list.statusCode, 200);
    const items = list.json().items;
    assert.ok(items.some((x: any) => x.id === id));
    assert.ok(items.every((x: any) => x.categoryCode === 'schlagloch' && ['received', 'in_progress', 'forwarded'].includes(x.status)));
    for (const body of [one.body, list.body, (await get(`${API}/nearby?category=schlagloch&lat=${near.lat}&lng=${near.lng}`)).body]) {
      for (const secret of ['Erika Muster', 'erika@example.org', '0331 1234', 'device-geheim-1']) assert.equal(body.includes(secret), false, `${secret} leaked`);
      for (const key of PERSONAL) assert.equal(body.includes(`"${key}"`), false, `${key} in a public answer`);
    }
    const nearby = (await get(`${API}/nearby?category=schlagloch&lat=${near.lat}&lng=${near.lng}`)).json();
    const hit = nearby.find((x: any) => x.id === id);
    assert.ok(hit && hit.distance <= 1 && hit.title === 'Laterne');
    for (const [url, field] of [
      [`${API}/reports?status=kaputt`, 'status'],
      [`${API}/reports?bbox=1,2,3`, 'bbox'],
      [`${API}/reports?limit=0`, 'limit'],
      [`${API}/nearby?category=schlagloch&lat=100&lng=12`, 'lat'],
      [`${API}/reports/status`, 'ids'],
    ] as const) {
      const bad = await get(url);
      assert.equal(bad.statusCode, 400, url);
      assert.equal(bad.json().error.field, field, bad.body);
    }
    assert.equal((await get(`${API}/nearby?category=nix&lat=52.14&lng=12.59`)).statusCode, 404);
    assert.equal((await get(`${API}/reports/abc`)).statusCode, 400);
  });

  it('tells a device the status of its reports, also before moderation, and nothing across municipalities', async () => {
    const res = await fileFrom(ip(), { report: report(), photos: [{ name: 'a.jpg', data: photo }] });
    const id = res.json().id;
    const st = await get(`${API}/reports/status?ids=${id},999999`);
    assert.equal(st.statusCode, 200);
    assert.equal(st.headers['cache-control'], 'no-store');
    assert.deepEqual(st.json().map((x: any) => [x.id, x.status]), [[id, 'received']]);
    await changeStatus(db(), { reportId: id, status: 'in_progress', comment: 'Wir kümmern uns.', accountId: null });
    assert.equal((await get(`${API}/reports/status?ids=${id}`)).json()[0].status, 'in_progress', 'fresh at once');
    assert.deepEqual((await get(`${API}/reports/status?ids=${id}`, WB)).json(), [], 'Wiesenburg does not see Bad Belzig');
    assert.equal((await get(`${API}/reports/${id}`, WB)).statusCode, 404);
  });
});
