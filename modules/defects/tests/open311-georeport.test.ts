import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, eventually, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { issueApiKey, revokeApiKey } from '../open311/api-keys.ts';
import { GeoReportClient, type Answer, type Format, type Transport } from './open311-client/georeport-client.ts';

const BASE = '/open311/v2';
// Points inside each demo municipality (near registered addresses).
const BB_POINT = { lat: '52.1417', long: '12.59266' };
const WB_POINT = { lat: '52.1187', long: '12.46360' };

/** The HTTP status and the error entries of a refused call; fails when the call succeeded. */
function refused<T>(a: Answer<T>, status: number, description?: RegExp) {
  assert.equal(a.ok, false, `expected ${status}, got ${a.status} ${JSON.stringify(a.raw).slice(0, 300)}`);
  if (a.ok) return;
  assert.equal(a.status, status);
  assert.ok(a.errors.length >= 1);
  for (const e of a.errors) assert.ok(e.code && e.description, 'each error has code and description');
  if (description) assert.ok(a.errors.some((e) => description.test(e.description)), `${JSON.stringify(a.errors)} should match ${description}`);
}

function ok<T>(a: Answer<T>): T {
  assert.equal(a.ok, true, `expected success, got ${a.status} ${JSON.stringify(a.raw).slice(0, 400)}`);
  return (a as { data: T }).data;
}

describe('Open311 GeoReport v2, walked by a client written from the spec', () => {
  let p: TestPlatform;
  const keys: Record<string, string> = {};
  const transport =
    (host: string): Transport =>
    async ({ method, url, body, contentType }) => {
      const res = await p.http.inject({ method, url, headers: { host, ...(contentType ? { 'content-type': contentType } : {}) }, payload: body });
      return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
    };
  const client = (format: Format, host = WB) => new GeoReportClient(transport(host), BASE, format);
  const tenantDb = (slug: string) => p.database.forTenant(p.tenants.get(slug)!.id);

  before(async () => {
    p = await startTestPlatform();
    keys.bb = (await issueApiKey(tenantDb('bad-belzig'), 'Test-App BB')).key;
    keys.wb = (await issueApiKey(tenantDb('wiesenburg'), 'Test-App WB')).key;
  });
  after(() => p.close());

  for (const format of ['json', 'xml'] as const) {
    it(`${format}: discovery → services → definition → POST → GET list with filters → GET one → token`, async () => {
      const c = client(format);
      const found = await c.discovery();
      const discovery = ok(found);
      const endpoint = discovery.endpoints[0]!;
      assert.equal(endpoint.url, `http://${WB}${BASE}`);
      assert.match(endpoint.specification, /GeoReport_v2/);
      assert.deepEqual([...endpoint.formats].sort(), ['application/json', 'text/xml']);
      // Not in the spec's document: the server's own field, read from the answer as received.
      const extensionNames = (found.raw as { endpoints: { extensions: { name: string }[] }[] }).endpoints[0]!.extensions.map((e) => e.name);
      assert.ok(extensionNames.includes('extensions') && extensionNames.includes('servicerequestupdates'), 'extensions are named');

      const services = ok(await c.services());
      const pothole = services.find((s) => s.service_code === 'schlagloch');
      assert.ok(pothole, 'the pothole service is listed');
      assert.equal(pothole.metadata, true, 'it asks attributes');
      assert.equal(pothole.type, 'realtime');
      assert.ok(pothole.service_name && pothole.group);
      assert.equal(services.find((s) => s.service_code === 'wilder-muell')?.type, 'batch');

      const definition = ok(await c.definition('schlagloch'));
      assert.equal(definition.service_code, 'schlagloch');
      const where = definition.attributes.find((a) => a.code === 'flaeche');
      assert.ok(where && where.required && where.variable && where.datatype === 'singlevaluelist');
      assert.ok(where.values.length >= 2 && where.values.every((v) => v.key && v.name));
      const key = where.values[0]!.key;

      const description = `Tiefes Loch (${format}) & Kante <b>scharf</b> "vorsichtig"`;
      const posted = ok(
        await c.post({ api_key: keys.wb, service_code: 'schlagloch', ...WB_POINT, [`attribute[flaeche]`]: key, description, email: 'melder@example.org', first_name: 'Erika', last_name: 'Muster', phone: '+49 33849 1234', device_id: 'device-123', account_id: 'acc-7' }),
      );
      const id = posted[0]!.service_request_id!;
      assert.match(id, /^\d+$/);
      assert.ok(!posted[0]!.token, 'realtime: no token');
      assert.ok(posted[0]!.service_notice);
      assert.equal(posted[0]!.account_id, 'acc-7');

      // Wiesenburg publishes at once: the new request is in the default list and found by every filter that matches it.
      const inDefault = ok(await c.requests());
      assert.ok(inDefault.some((r) => r.service_request_id === id), 'in the default window');
      assert.ok(inDefault.length <= 1000);
      const byId = ok(await c.requests({ service_request_id: `${id},999999`, status: 'closed', service_code: 'spielplatz' }));
      assert.deepEqual(byId.map((r) => r.service_request_id), [id], 'service_request_id overrides the other filters');
      const byCode = ok(await c.requests({ service_code: 'schlagloch,spielplatz' }));
      assert.ok(byCode.some((r) => r.service_request_id === id) && byCode.every((r) => ['schlagloch', 'spielplatz'].includes(r.service_code)));
      assert.ok(!ok(await c.requests({ service_code: 'spielplatz' })).some((r) => r.service_request_id === id));
      assert.ok(ok(await c.requests({ status: 'open' })).some((r) => r.service_request_id === id));
      const closed = ok(await c.requests({ status: 'closed' }));
      assert.ok(closed.every((r) => r.status === 'closed') && !closed.some((r) => r.service_request_id === id));
      const day = 86_400_000;
      const now = Date.now();
      const window = ok(await c.requests({ start_date: new Date(now - 2 * day).toISOString(), end_date: new Date(now + day).toISOString() }));
      assert.ok(window.some((r) => r.service_request_id === id));
      assert.ok(window.every((r) => Date.parse(r.requested_datetime) >= now - 2 * day));
      const past = ok(await c.requests({ start_date: '2025-01-01T00:00:00+01:00', end_date: '2025-03-01T00:00:00+01:00' }));
      assert.deepEqual(past, []);
      const empties = ok(await c.requests({ service_request_id: '', service_code: '', status: '', start_date: '', end_date: '', jurisdiction_id: '' }));
      assert.deepEqual(empties.map((r) => r.service_request_id), inDefault.map((r) => r.service_request_id), 'empty optional arguments are absent');

      const [one] = ok(await c.request(id));
      assert.equal(one!.status, 'open');
      assert.equal(one!.service_code, 'schlagloch');
      assert.equal(one!.description, description.replace(/<[^>]*>/g, ''), 'escaped and read back exactly, without HTML');
      assert.ok(Math.abs(one!.lat - Number(WB_POINT.lat)) < 1e-6 && Math.abs(one!.long - Number(WB_POINT.long)) < 1e-6);
      assert.match(one!.address, /Wiesenburg/);
      assert.equal(one!.zipcode, '14827');
      assert.ok(one!.agency_responsible);
      assert.ok(!('detailed_status' in one!) && !('media_urls' in one!), 'strict by default');
      const rawText = JSON.stringify((await c.request(id)).raw);
      for (const personal of ['melder@example.org', 'Erika', 'Muster', '33849', 'device-123', 'acc-7']) assert.ok(!rawText.includes(personal), `no ${personal} in GET`);
      const [extended] = ok(await c.request(id, { extensions: 'true' })) as Record<string, unknown>[];
      assert.equal(extended!.detailed_status, 'received');
      assert.deepEqual(extended!.media_urls, []);
      assert.equal((extended!.updates as { detailed_status: string }[])[0]!.detailed_status, 'received');

      // A batch service answers with a token, which leads to the request id.
      const batch = ok(await c.post({ api_key: keys.wb, service_code: 'wilder-muell', address_string: 'Schloßstraße 1' }));
      const token = batch[0]!.token!;
      assert.ok(token && !batch[0]!.service_request_id, 'token XOR service_request_id');
      const [fromToken] = ok(await c.token(token));
      assert.equal(fromToken!.token, token);
      assert.match(fromToken!.service_request_id, /^\d+$/);
      assert.equal(ok(await c.request(fromToken!.service_request_id))[0]!.service_code, 'wilder-muell');
    });

    it(`${format}: errors in the spec's shape with 400, 403 and 404`, async () => {
      const c = client(format);
      const base = { api_key: keys.wb, service_code: 'spielplatz', ...WB_POINT };
      refused(await c.post({ ...base, service_code: undefined }), 400, /service_code/);
      refused(await c.post({ ...base, lat: undefined, long: undefined }), 400, /lat und long|Ort fehlt/);
      refused(await c.post({ ...base, lat: 'abc' }), 400, /lat/);
      refused(await c.post({ ...base, api_key: 'falsch' }), 403);
      refused(await c.post({ ...base, api_key: undefined }), 403, /api_key/);
      refused(await c.post({ ...base, api_key: keys.bb }), 403, /api_key/);
      refused(await c.post({ ...base, service_code: 'gibt-es-nicht' }), 404, /gibt-es-nicht/);
      refused(await c.post({ ...base, service_code: 'schlagloch' }), 400, /attribute\[flaeche\]/);
      refused(await c.post({ ...base, description: 'x'.repeat(4001) }), 400, /description/);
      refused(await c.post({ ...base, lat: '52.52', long: '13.405' }), 400, /außerhalb von Wiesenburg/);
      refused(await c.post({ ...base, email: 'keine-adresse' }), 400, /email/);
      refused(await c.requests({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-05-01T00:00:00Z' }), 400, /90 Tage/);
      refused(await c.requests({ start_date: 'gestern' }), 400, /start_date/);
      refused(await c.requests({ status: 'in_progress' }), 400, /status/);
      refused(await c.requests({ service_request_id: 'abc' }), 400);
      refused(await c.definition('gibt-es-nicht'), 404);
      refused(await c.request('999999'), 404);
      refused(await c.request('abc'), 404);
      refused(await c.token('unbekannt'), 404);
      refused(await c.requests({ jurisdiction_id: 'bad-belzig' }), 404, /jurisdiction_id/);
      refused(await c.post({ ...base, jurisdiction_id: 'example.org' }), 404, /jurisdiction_id/);
      ok(await c.services({ jurisdiction_id: 'wiesenburg' }));
      ok(await c.services({ jurisdiction_id: WB }));
    });
  }

  it('takes a JSON body with attributes as an object and lists as arrays', async () => {
    const c = client('json');
    const key = ok(await c.definition('schlagloch')).attributes[0]!.values[1]!.key;
    const [answer] = ok(await c.post({}, { json: { api_key: keys.wb, service_code: 'schlagloch', lat: Number(WB_POINT.lat), long: Number(WB_POINT.long), attribute: { flaeche: key } } }));
    const row = await tenantDb('wiesenburg').selectFrom('defect_reports').select(['attributes', 'source', 'api_key_id']).where('id', '=', Number(answer!.service_request_id)).executeTakeFirstOrThrow();
    const attributes = typeof row.attributes === 'string' ? JSON.parse(row.attributes) : row.attributes;
    assert.deepEqual(attributes, { flaeche: key });
    assert.equal(row.source, 'open311');
    assert.ok(row.api_key_id);
    // attribute[code][]=v form for a list (the unknown code is ignored, the required one given once).
    const form = ok(await c.post({ api_key: keys.wb, service_code: 'schlagloch', ...WB_POINT, 'attribute[flaeche][]': key, 'attribute[unbekannt]': 'x' }));
    assert.ok(form[0]!.service_request_id);
  });

  it('keeps a pending report out of GET until approved (Bad Belzig moderates) and says so for GET one', async () => {
    const c = client('json', BB);
    const [posted] = ok(await c.post({ api_key: keys.bb, service_code: 'spielplatz', ...BB_POINT, description: 'Wippe kaputt' }));
    const id = posted!.service_request_id!;
    assert.match(posted!.service_notice, /geprüft/);
    refused(await c.request(id), 404, /wird noch geprüft/);
    assert.ok(!ok(await c.requests()).some((r) => r.service_request_id === id));
    // Staff approve (outside this process's request path: the cache hears of it by NOTIFY).
    await tenantDb('bad-belzig').updateTable('defect_reports').set({ moderation: 'approved' }).where('id', '=', Number(id)).execute();
    assert.ok(await eventually(async () => (await c.request(id)).ok), 'public once approved');
    assert.equal(ok(await c.request(id))[0]!.description, 'Wippe kaputt');
    assert.ok(await eventually(async () => ok(await c.requests()).some((r) => r.service_request_id === id)), 'in the cached default list once approved');
    const closed = ok(await c.requests({ status: 'closed' }));
    assert.deepEqual(closed.map((r) => r.status), ['closed', 'closed'], 'the two closed demo reports (done, rejected)');
    const [rejected] = ok(await c.requests({ status: 'rejected', extensions: 'true' })) as Record<string, unknown>[];
    assert.equal(rejected!.detailed_status, 'rejected', 'detailed statuses filter with extensions');
  });

  it('serves the default list from the response cache and shows a client its own POST at once', async () => {
    const get = () => p.http.inject({ method: 'GET', url: `${BASE}/requests.json`, headers: { host: WB } });
    await get();
    const second = await get();
    assert.equal(second.headers['x-cache'], 'hit');
    const [posted] = ok(await client('json').post({ api_key: keys.wb, service_code: 'spielplatz', ...WB_POINT, description: 'Sandkasten' }));
    const third = await get();
    assert.equal(third.headers['x-cache'], 'miss', 'the POST dropped the cached answer');
    assert.ok(third.json().some((r: { service_request_id: number }) => String(r.service_request_id) === posted!.service_request_id));
    const filtered = await p.http.inject({ method: 'GET', url: `${BASE}/requests.json?status=open`, headers: { host: WB } });
    assert.equal(filtered.headers['x-cache'], 'miss');
    assert.equal((await p.http.inject({ method: 'GET', url: `${BASE}/requests.json?status=open`, headers: { host: WB } })).headers['x-cache'], 'miss', 'filtered answers are not kept');
    const one = () => p.http.inject({ method: 'GET', url: `${BASE}/requests/${posted!.service_request_id}.json`, headers: { host: WB } });
    await one();
    assert.equal((await one()).headers['x-cache'], 'miss', 'single requests are not kept (one entry per id)');
  });

  it('keeps municipalities apart: ids, tokens and keys of one are unknown to the other', async () => {
    const wb = client('json', WB);
    const bb = client('json', BB);
    const [posted] = ok(await wb.post({ api_key: keys.wb, service_code: 'spielplatz', ...WB_POINT }));
    const [batch] = ok(await wb.post({ api_key: keys.wb, service_code: 'wilder-muell', ...WB_POINT }));
    refused(await bb.request(posted!.service_request_id!), 404);
    refused(await bb.token(batch!.token!), 404);
    assert.ok(!ok(await bb.requests({ service_request_id: posted!.service_request_id! })).length);
    refused(await bb.post({ api_key: keys.wb, service_code: 'spielplatz', ...BB_POINT }), 403);
  });

  it('refuses a revoked key and notes when a key was last used', async () => {
    const db = tenantDb('wiesenburg');
    const issued = await issueApiKey(db, 'Kurzlebig');
    const c = client('xml');
    ok(await c.post({ api_key: issued.key, service_code: 'spielplatz', ...WB_POINT }));
    const row = await db.selectFrom('defect_api_keys').select(['last_used_at', 'key_hash']).where('id', '=', issued.id).executeTakeFirstOrThrow();
    assert.ok(row.last_used_at instanceof Date);
    assert.ok(!row.key_hash.includes(issued.key) && row.key_hash.length === 64, 'only the SHA-256 is kept');
    await revokeApiKey(db, issued.id);
    refused(await c.post({ api_key: issued.key, service_code: 'spielplatz', ...WB_POINT }), 403);
  });

  it('answers unknown addresses, formats and broken bodies in the spec format, never with a 500', async () => {
    const cases: { method: 'GET' | 'POST'; url: string; body?: string; type?: string; status: number }[] = [
      { method: 'GET', url: `${BASE}/requests.csv`, status: 404 },
      { method: 'GET', url: `${BASE}/nichts.json`, status: 404 },
      { method: 'POST', url: `${BASE}/requests.json`, body: '{kaputt', type: 'application/json', status: 400 },
      { method: 'POST', url: `${BASE}/requests.json`, body: '[1,2]', type: 'application/json', status: 400 },
      { method: 'GET', url: `${BASE}/requests.json?service_request_id=1&service_request_id=2`, status: 400 },
    ];
    for (const k of cases) {
      const res = await p.http.inject({ method: k.method, url: k.url, headers: { host: WB, ...(k.type ? { 'content-type': k.type } : {}) }, payload: k.body });
      assert.equal(res.statusCode, k.status, `${k.method} ${k.url}: ${res.body}`);
      const body = /json/.test(String(res.headers['content-type'])) ? res.json() : null;
      if (body) assert.ok(Array.isArray(body) && body[0].code && body[0].description, res.body);
      else assert.match(res.body, /<errors><error><code>\d+<\/code><description>/);
    }
  });

  it('answers 404 in the spec format where the municipality has not enabled the module', async () => {
    await p.tenants.create({ slug: 'ohne-maengel', name: 'Ohne Mängelmelder', enabledModules: p.modules.map((m) => m.name).filter((n) => n !== 'defects') });
    const c = new GeoReportClient(transport('ohne-maengel.localhost'), BASE, 'xml');
    refused(await c.services(), 404);
  });

  it('lists public updates in the servicerequestupdates extension', async () => {
    const c = client('xml');
    const res = await transport(WB)({ method: 'GET', url: `${BASE}/servicerequestupdates.xml` });
    assert.equal(res.status, 200);
    assert.match(res.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_request_updates><request_update><update_id>\d+<\/update_id><service_request_id>\d+<\/service_request_id><status>(open|closed)<\/status>/);
    refused(await c.requests({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-12-31T00:00:00Z' }), 400);
  });
});
