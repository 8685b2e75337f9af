import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { startPushFixture } from './push-fixture.ts';

/** Rails' JSON time format, in Berlin. */
const RAILS_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/;

let seq = 0;
/** A fresh, well-formed Expo push token. */
const expoToken = () => `ExponentPushToken[test${Date.now().toString(36)}${(seq++).toString(36)}]`;

describe('Mainserver push device REST (/notification/devices…)', () => {
  let p: TestPlatform;
  let app: { bb: string; wb: string };
  let newsItemId: number;

  before(async () => {
    ({ p, app, newsItemId } = await startPushFixture());
  });
  after(() => p.close());

  type Call = { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown; token?: string | null; host?: string; headers?: Record<string, string> };
  const call = ({ method, url, body, token, host = BB, headers = {} }: Call) =>
    p.http.inject({
      method,
      url,
      headers: { host, ...(token === null ? {} : { authorization: `Bearer ${token ?? (host === WB ? app.wb : app.bb)}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const register = (token: string, extra: Record<string, unknown> = {}, host = BB) =>
    call({ method: 'POST', url: '/notification/devices.json', body: { notification_device: { token, device_type: 'ios', ...extra } }, host });
  const rows = async (slug: string, token: string) => {
    const db = p.database.forTenant(p.tenants.get(slug)!.id);
    return db.selectFrom('push_expo_devices').selectAll().where('token', '=', token).execute();
  };

  describe('register (POST /notification/devices.json)', () => {
    it('answers 201 with the device JSON the mainserver writes, and a Location', async () => {
      const token = expoToken();
      const res = await register(token, { exclude_data_provider_ids: [3, '7', 3], exclude_mowas_regional_keys: ['120690000000'] });
      assert.equal(res.statusCode, 201, res.body);
      const d = res.json();
      assert.deepEqual(Object.keys(d).sort(), ['created_at', 'device_type', 'exclude_data_provider_ids', 'exclude_mowas_regional_keys', 'exclude_notification_configuration', 'id', 'member_id', 'token', 'updated_at', 'url']);
      assert.equal(d.token, token);
      assert.equal(d.device_type, 'ios');
      assert.deepEqual(d.exclude_data_provider_ids, [3, 7]);
      assert.deepEqual(d.exclude_mowas_regional_keys, ['120690000000']);
      assert.deepEqual(d.exclude_notification_configuration, {});
      assert.equal(d.member_id, null);
      assert.match(d.created_at, RAILS_TIME);
      assert.equal(d.url, `http://${BB}/notification/devices/${d.id}.json`);
      assert.equal(res.headers.location, d.url);
      assert.equal((await rows('bad-belzig', token)).length, 1);
    });

    it('takes the path without .json, device_type "undefined" or none (stored as not known)', async () => {
      for (const extra of [{ device_type: 'undefined' }, { device_type: undefined }]) {
        const token = expoToken();
        const res = await call({ method: 'POST', url: '/notification/devices', body: { notification_device: { token, ...extra } } });
        assert.equal(res.statusCode, 201, res.body);
        assert.equal(res.json().device_type, 'undefined');
        assert.equal((await rows('bad-belzig', token))[0]!.device_type, null);
      }
    });

    it('answers 422 to a second registration of a token and changes nothing', async () => {
      const token = expoToken();
      assert.equal((await register(token)).statusCode, 201);
      const again = await register(token, { device_type: 'android', exclude_data_provider_ids: [9] });
      assert.equal(again.statusCode, 422);
      assert.equal(again.json().error.code, 'UNPROCESSABLE');
      assert.match(again.json().error.message, /registered already/);
      const [row, ...more] = await rows('bad-belzig', token);
      assert.equal(more.length, 0);
      assert.equal(row!.device_type, 'ios');
      assert.deepEqual(row!.exclude_data_provider_ids, []);
    });

    it('refuses what is not an Expo push token, and other bad fields, with 422 naming the field', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ token: 'fcm:abc123' }, /notification_device\.token: is not an Expo push token/],
        [{ token: 'ExponentPushToken[]' }, /notification_device\.token/],
        [{ token: 'ExponentPushToken[a b]' }, /notification_device\.token/],
        [{}, /notification_device\.token: is required/],
        [{ token: expoToken(), device_type: 'windows' }, /notification_device\.device_type: must be ios, android or undefined/],
        [{ token: expoToken(), exclude_data_provider_ids: ['abc'] }, /exclude_data_provider_ids\.0: must be a number/],
        [{ token: expoToken(), exclude_data_provider_ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, /more than 1000/],
        [{ token: expoToken(), exclude_mowas_regional_keys: ['12-069'] }, /exclude_mowas_regional_keys\.0/],
      ];
      for (const [device, message] of cases) {
        const res = await call({ method: 'POST', url: '/notification/devices.json', body: { notification_device: device } });
        assert.equal(res.statusCode, 422, JSON.stringify(device));
        assert.match(res.json().error.message, message);
      }
      const stored = await p.database.forTenant(p.tenants.get('bad-belzig')!.id).selectFrom('push_expo_devices').select('token').where('token', 'like', 'fcm:%').execute();
      assert.equal(stored.length, 0, 'nothing half-written');
    });

    it('answers 400 without the notification_device object or with broken JSON, 401 without a valid token', async () => {
      const missing = await call({ method: 'POST', url: '/notification/devices.json', body: { token: expoToken() } });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.json().error.message, /notification_device/);
      assert.equal((await call({ method: 'POST', url: '/notification/devices.json', body: '{"notification_device":' })).statusCode, 400);
      for (const token of [null, 'kein-token']) {
        const res = await call({ method: 'POST', url: '/notification/devices.json', body: { notification_device: { token: expoToken() } }, token });
        assert.equal(res.statusCode, 401);
      }
    });
  });

  describe('update (PUT /notification/devices/0.json)', () => {
    it('finds the device by token and changes only what is sent: providers, regional keys, member id (three calls, as the app makes them)', async () => {
      const token = expoToken();
      assert.equal((await register(token, { exclude_mowas_regional_keys: ['1'] })).statusCode, 201);
      const put = (fields: Record<string, unknown>, url = '/notification/devices/0.json') => call({ method: 'PUT', url, body: { notification_device: { token, ...fields } } });

      const a = await put({ exclude_data_provider_ids: [4, 5] });
      assert.equal(a.statusCode, 200, a.body);
      assert.deepEqual(a.json().exclude_data_provider_ids, [4, 5]);
      assert.deepEqual(a.json().exclude_mowas_regional_keys, ['1'], 'untouched');

      // The app sends the keys as numbers: kept as their digits.
      const b = await put({ exclude_mowas_regional_keys: [120690000000, 12069] });
      assert.equal(b.statusCode, 200);
      assert.deepEqual(b.json().exclude_mowas_regional_keys, ['120690000000', '12069']);
      assert.deepEqual(b.json().exclude_data_provider_ids, [4, 5], 'untouched');

      const c = await put({ member_id: 42 }, '/notification/devices/17');
      assert.equal(c.statusCode, 200);
      assert.equal(c.json().member_id, 42);
      assert.equal(c.json().device_type, 'ios');
      assert.ok(c.json().updated_at >= a.json().updated_at);

      const cleared = await call({ method: 'PATCH', url: '/notification/devices/0.json', body: { notification_device: { token, member_id: null, exclude_data_provider_ids: [] } } });
      assert.equal(cleared.statusCode, 200);
      assert.equal(cleared.json().member_id, null);
      assert.deepEqual(cleared.json().exclude_data_provider_ids, []);

      // Repeating a change is harmless.
      assert.deepEqual((await put({ exclude_data_provider_ids: [8] })).json().exclude_data_provider_ids, [8]);
      assert.deepEqual((await put({ exclude_data_provider_ids: [8] })).json().exclude_data_provider_ids, [8]);
    });

    it('answers 404 for an unknown token and 422 for a missing or malformed one', async () => {
      const unknown = await call({ method: 'PUT', url: '/notification/devices/0.json', body: { notification_device: { token: expoToken(), member_id: 1 } } });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'NOT_FOUND');
      const missing = await call({ method: 'PUT', url: '/notification/devices/0.json', body: { notification_device: { member_id: 1 } } });
      assert.equal(missing.statusCode, 422);
      const badMember = await call({ method: 'PUT', url: '/notification/devices/0.json', body: { notification_device: { token: expoToken(), member_id: -3 } } });
      assert.equal(badMember.statusCode, 422);
      assert.match(badMember.json().error.message, /member_id: must be positive/);
    });
  });

  describe('remove (DELETE /notification/devices/remove.json)', () => {
    it('answers 204, then 404; also under /notification/devices/:id.json; what the device followed goes with it', async () => {
      const token = expoToken();
      assert.equal((await register(token)).statusCode, 201);
      const follow = await call({ method: 'POST', url: '/notification/push_device_assignments/add.json', body: { notification_push_device_assignment: { token, notification_pushable_id: String(newsItemId), notification_pushable_type: 'NewsItem' } } });
      assert.equal(follow.statusCode, 200);
      const remove = () => call({ method: 'DELETE', url: '/notification/devices/remove.json', body: { notification_device: { token } } });
      const first = await remove();
      assert.equal(first.statusCode, 204);
      assert.equal(first.body, '');
      assert.equal((await rows('bad-belzig', token)).length, 0);
      const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
      assert.equal((await db.selectFrom('push_device_assignments').select('id').where('pushable_id', '=', newsItemId).execute()).length, 0);
      assert.equal((await remove()).statusCode, 404);

      const other = expoToken();
      await register(other);
      const byId = await call({ method: 'DELETE', url: '/notification/devices/123.json', body: { notification_device: { token: other } } });
      assert.equal(byId.statusCode, 204);
      assert.equal((await rows('bad-belzig', other)).length, 0);
    });
  });

  describe('personalised categories (…/0/exclusion_filter_config.json)', () => {
    it('merges per tag on PUT and reads back by POST with X-HTTP-Method-Override: GET; the mainserver spelling works too', async () => {
      const token = expoToken();
      await register(token);
      const put = (config: unknown, name = 'exclusion_filter_config') =>
        call({ method: 'PUT', url: `/notification/devices/0/${name}.json`, body: { notification_device: { token, exclude_notification_configuration: config } } });
      const read = (name = 'exclusion_filter_config') =>
        call({ method: 'POST', url: `/notification/devices/0/${name}.json`, body: { notification_device: { token } }, headers: { 'x-http-method-override': 'GET' } });

      const a = await put({ news_item: { '12': {}, '13': {} } });
      assert.equal(a.statusCode, 200, a.body);
      assert.deepEqual(a.json().exclude_notification_configuration, { news_item: { '12': {}, '13': {} } });
      const b = await put({ event_record: { '4': {} } }, 'exlusion_filter_config');
      assert.equal(b.statusCode, 200);
      assert.deepEqual(b.json().exclude_notification_configuration, { news_item: { '12': {}, '13': {} }, event_record: { '4': {} } });
      // A tag sent again replaces that tag's exclusions only.
      await put({ news_item: { '13': {} } });

      const r = await read();
      assert.equal(r.statusCode, 200);
      assert.equal(r.json().token, token);
      assert.deepEqual(r.json().exclude_notification_configuration, { news_item: { '13': {} }, event_record: { '4': {} } });
      assert.deepEqual((await read('exlusion_filter_config')).json(), r.json());
    });

    it('answers 404 for unknown tokens, 422 for malformed configurations, 400 for a POST without override', async () => {
      const unknown = await call({ method: 'POST', url: '/notification/devices/0/exclusion_filter_config.json', body: { notification_device: { token: expoToken() } }, headers: { 'x-http-method-override': 'GET' } });
      assert.equal(unknown.statusCode, 404);
      const token = expoToken();
      await register(token);
      for (const config of [{ news_item: { abc: {} } }, { news_item: ['12'] }, 'alles', null]) {
        const res = await call({ method: 'PUT', url: '/notification/devices/0/exclusion_filter_config.json', body: { notification_device: { token, exclude_notification_configuration: config } } });
        assert.equal(res.statusCode, 422, JSON.stringify(config));
        assert.match(res.json().error.message, /exclude_notification_configuration/);
      }
      const plain = await call({ method: 'POST', url: '/notification/devices/0/exclusion_filter_config.json', body: { notification_device: { token } } });
      assert.equal(plain.statusCode, 400);
      assert.match(plain.json().error.message, /X-HTTP-Method-Override/);
    });
  });

  describe('follow an item (push_device_assignments)', () => {
    const assignment = (token: string, id: unknown = String(newsItemId), type = 'NewsItem') => ({ notification_push_device_assignment: { token, notification_pushable_id: id, notification_pushable_type: type } });
    const count = async (slug = 'bad-belzig') =>
      (await p.database.forTenant(p.tenants.get(slug)!.id).selectFrom('push_device_assignments').select('id').where('pushable_type', '=', 'NewsItem').where('pushable_id', '=', newsItemId).execute()).length;

    it('adds and removes with 200, both idempotent', async () => {
      const token = expoToken();
      await register(token);
      const before = await count();
      const add = () => call({ method: 'POST', url: '/notification/push_device_assignments/add.json', body: assignment(token) });
      const first = await add();
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), { notification_push_device_assignment: { notification_pushable_type: 'NewsItem', notification_pushable_id: newsItemId, assigned: true } });
      assert.equal((await add()).statusCode, 200);
      assert.equal(await count(), before + 1, 'one assignment after two adds');

      const remove = () => call({ method: 'DELETE', url: '/notification/push_device_assignments/remove.json', body: assignment(token) });
      const removed = await remove();
      assert.equal(removed.statusCode, 200);
      assert.equal(removed.json().notification_push_device_assignment.assigned, false);
      assert.equal(await count(), before);
      assert.equal((await remove()).statusCode, 200);
      // An unknown device follows nothing: removing is no error either.
      assert.equal((await call({ method: 'DELETE', url: '/notification/push_device_assignments/remove', body: assignment(expoToken()) })).statusCode, 200);
    });

    it('answers 404 for an unknown device or record, 422 for an unknown type', async () => {
      const token = expoToken();
      await register(token);
      const add = (body: unknown) => call({ method: 'POST', url: '/notification/push_device_assignments/add.json', body });
      const noDevice = await add(assignment(expoToken()));
      assert.equal(noDevice.statusCode, 404);
      assert.match(noDevice.json().error.message, /No device/);
      const noRecord = await add(assignment(token, 999_999));
      assert.equal(noRecord.statusCode, 404);
      assert.match(noRecord.json().error.message, /No NewsItem with id 999999/);
      const noType = await add(assignment(token, newsItemId, 'Survey'));
      assert.equal(noType.statusCode, 422);
      assert.match(noType.json().error.message, /notification_pushable_type: must be one of NewsItem, EventRecord/);
    });
  });

  describe('tenant isolation', () => {
    it("a Bad Belzig device is invisible and unaffected from Wiesenburg's host; the same token may register there separately", async () => {
      const token = expoToken();
      assert.equal((await register(token, { exclude_data_provider_ids: [1] })).statusCode, 201);
      const onWb = (c: Omit<Call, 'host'>) => call({ ...c, host: WB });

      assert.equal((await onWb({ method: 'PUT', url: '/notification/devices/0.json', body: { notification_device: { token, exclude_data_provider_ids: [2] } } })).statusCode, 404);
      assert.equal((await onWb({ method: 'POST', url: '/notification/devices/0/exclusion_filter_config.json', body: { notification_device: { token } }, headers: { 'x-http-method-override': 'GET' } })).statusCode, 404);
      assert.equal((await onWb({ method: 'POST', url: '/notification/push_device_assignments/add.json', body: { notification_push_device_assignment: { token, notification_pushable_id: newsItemId, notification_pushable_type: 'NewsItem' } } })).statusCode, 404);
      assert.equal((await onWb({ method: 'DELETE', url: '/notification/devices/remove.json', body: { notification_device: { token } } })).statusCode, 404);
      // Bad Belzig's token is not valid on Wiesenburg's host.
      assert.equal((await onWb({ method: 'POST', url: '/notification/devices.json', body: { notification_device: { token } }, token: app.bb })).statusCode, 401);

      const [bb] = await rows('bad-belzig', token);
      assert.deepEqual(bb!.exclude_data_provider_ids, [1], 'unchanged');
      const own = await register(token, {}, WB);
      assert.equal(own.statusCode, 201, 'no hint that the token exists elsewhere');
      assert.notEqual(own.json().id, bb!.id);
      assert.equal((await rows('wiesenburg', token)).length, 1);
      assert.equal((await rows('bad-belzig', token)).length, 1);
    });
  });
});
