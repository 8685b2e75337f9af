import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { readExifGps } from './api-exif-reader.ts';
import { photoFromBerlin } from './api-fixture.ts';

const CREATE = `mutation($title: String!, $type: String!, $cats: [CategoryInput], $blocks: [ContentBlockInput], $locs: [LocationInput], $contacts: [ContactInput], $media: [MediaContentInput]) {
  createGenericItem(title: $title, genericType: $type, categories: $cats, contentBlocks: $blocks, locations: $locs, contacts: $contacts, mediaContents: $media) { id genericType title }
}`;

describe('mainserver compatibility: createGenericItem DefectReport and /media_contents', () => {
  let p: TestPlatform;
  let token: string;
  before(async () => {
    p = await startTestPlatform();
    token = await p.token('bad-belzig-admin');
  });
  after(() => p.close());
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const drain = async () => {
    while ((await p.jobs.runDue()) > 0);
  };
  const upload = async (data: Buffer, name: string, auth: string | null = token, host = BB) => {
    const fd = new FormData();
    fd.append('media_content[content_type]', 'image');
    fd.append('media_content[attachment]', new Blob([new Uint8Array(data)]), name);
    const req = new Request('http://x/', { method: 'POST', body: fd });
    return p.http.inject({ method: 'POST', url: '/media_contents', headers: { host, 'content-type': req.headers.get('content-type')!, ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, payload: Buffer.from(await req.arrayBuffer()) });
  };

  it('POST /media_contents stores a JPEG without its camera position and answers 201 with service_url; refuses text, and callers without token', async () => {
    const res = await upload(await photoFromBerlin(), 'IMG_0001.jpg');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.service_url, /^http:\/\/bad-belzig\.localhost\/media\/uploads\/\d+\/[A-Za-z0-9_-]{22}\.jpg$/);
    assert.equal(body.media_content.service_url, body.service_url);
    const file = readFileSync(path.join(p.mediaDir, new URL(body.service_url).pathname.replace('/media/', '')));
    assert.equal(readExifGps(file), null, 'no GPS of the original');
    const pdf = await upload(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), 'plan.pdf');
    assert.equal(pdf.statusCode, 201, pdf.body);
    assert.match(pdf.json().service_url, /\/media\/uploads\/\d+\/[A-Za-z0-9_-]{22}\.pdf$/);
    const text = await upload(Buffer.from('kein Bild, nur Text\n'.repeat(10)), 'foto.jpg');
    assert.equal(text.statusCode, 415, text.body);
    assert.equal((await upload(await photoFromBerlin(200, 100), 'a.jpg', null)).statusCode, 401);
    const del = await p.http.inject({ method: 'DELETE', url: `/media_contents/${body.media_content.id}.json`, headers: { host: BB, authorization: `Bearer ${token}` } });
    assert.equal(del.statusCode, 204, del.body);
    assert.equal((await p.http.inject({ method: 'DELETE', url: `/media_contents/${body.media_content.id}.json`, headers: { host: BB, authorization: `Bearer ${token}` } })).statusCode, 404);
  });

  it('files a DefectReport generic item in the defects inbox with category, description, point, contact and photo; the mutation answers as before', async () => {
    const photo = (await upload(await photoFromBerlin(), 'IMG_0002.jpg')).json().service_url;
    const res = await p.gql(BB, CREATE, {
      title: 'Laterne flackert',
      type: 'DefectReport',
      cats: [{ name: 'Straßenbeleuchtung' }],
      blocks: [{ title: 'Laterne flackert', body: '<p>Die Laterne vor Haus 4 flackert seit Tagen.</p>' }],
      locs: [{ geoLocation: { latitude: 52.1417, longitude: 12.59266 } }],
      contacts: [{ firstName: 'Max', lastName: 'Muster', email: 'max@example.org', phone: '0331 555' }],
      media: [{ contentType: 'image', sourceUrl: { url: photo } }],
    }, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data.createGenericItem, { id: res.body.data.createGenericItem.id, genericType: 'DefectReport', title: 'Laterne flackert' });
    const itemId = Number(res.body.data.createGenericItem.id);
    await drain();
    const r = await db()
      .selectFrom('defect_reports as r')
      .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
      .select(['r.id', 'r.title', 'r.description', 'r.source', 'r.lat', 'r.lng', 'r.address', 'r.contact_name', 'r.contact_email', 'r.contact_phone', 'c.code'])
      .where('r.submission_key', '=', `generic-item-${itemId}`)
      .executeTakeFirstOrThrow();
    assert.equal(r.source, 'mainserver');
    assert.equal(r.code, 'strassenbeleuchtung');
    assert.equal(r.title, 'Laterne flackert');
    assert.equal(r.description, 'Die Laterne vor Haus 4 flackert seit Tagen.');
    assert.equal(r.lat, 52.1417);
    assert.match(r.address, /Brücker Straße/);
    assert.deepEqual([r.contact_name, r.contact_email, r.contact_phone], ['Max Muster', 'max@example.org', '0331 555']);
    const photos = await db().selectFrom('defect_report_photos').select(['url', 'width']).where('report_id', '=', r.id).execute();
    assert.equal(photos.length, 1);
    assert.equal(photos[0]!.url, new URL(photo).pathname);
    // Idempotent: the listener run again files nothing new.
    const { fileGenericItemReport } = await import('../compat/generic-item-report.ts');
    await fileGenericItemReport({ db: db(), payload: { genericItemId: itemId, genericType: 'DefectReport' }, tenantId: p.tenants.get('bad-belzig')!.id, attempt: 1, log: p.http.log, config: p.config });
    assert.equal((await db().selectFrom('defect_reports').select('id').where('submission_key', '=', `generic-item-${itemId}`).execute()).length, 1);
  });

  it('uses a fallback category for an unknown name, ignores other generic types and keeps tenants apart', async () => {
    const res = await p.gql(BB, CREATE, { title: 'Bank kaputt', type: 'DefectReport', cats: [{ name: 'Unbekannte Kategorie' }], blocks: [{ body: 'Sitzbank zerbrochen' }], locs: [{ geoLocation: { latitude: 52.1417, longitude: 12.59266 } }] }, token);
    const offer = await p.gql(BB, CREATE, { title: 'Ein Angebot', type: 'Offer', locs: [{ geoLocation: { latitude: 52.1417, longitude: 12.59266 } }] }, token);
    await drain();
    const r = await db().selectFrom('defect_reports as r').innerJoin('defect_categories as c', 'c.id', 'r.category_id').select(['c.code', 'r.contact_consent']).where('r.submission_key', '=', `generic-item-${res.body.data.createGenericItem.id}`).executeTakeFirstOrThrow();
    const first = await db().selectFrom('defect_categories').select('code').where('active', '=', true).orderBy('position').orderBy('id').executeTakeFirstOrThrow();
    assert.equal(r.code, first.code, 'no "Sonstiges" in the demo: the first category');
    assert.equal(r.contact_consent, false, 'no contact given');
    assert.equal((await db().selectFrom('defect_reports').select('id').where('submission_key', '=', `generic-item-${offer.body.data.createGenericItem.id}`).execute()).length, 0);
    const byAddress = await p.gql(BB, `mutation($a: [AddressInput]) { createGenericItem(title: "Schild verdreht", genericType: "DefectReport", categoryName: "Verkehrszeichen und Ampeln", addresses: $a) { id } }`, { a: [{ street: 'Niemegker Str. 3', zip: '14806', city: 'Bad Belzig' }] }, token);
    assert.equal(byAddress.body.errors, undefined, JSON.stringify(byAddress.body.errors));
    await drain();
    const placed = await db().selectFrom('defect_reports').select(['address', 'lat']).where('submission_key', '=', `generic-item-${byAddress.body.data.createGenericItem.id}`).executeTakeFirstOrThrow();
    assert.equal(placed.address, 'Niemegker Straße 3, 14806 Bad Belzig', 'an address without coordinates is found in the register');
    const wb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
    assert.equal((await wb.selectFrom('defect_reports').select('id').where('source', '=', 'mainserver').execute()).length, 0);
    assert.equal((await upload(await photoFromBerlin(100, 80), 'x.jpg', token, WB)).statusCode, 401, 'a Bad Belzig token does not upload in Wiesenburg');
  });
});
