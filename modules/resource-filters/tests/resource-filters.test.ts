import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

const LIST = `query ResourceFilters { resourceFilters { config dataResourceType } }`;
const LIST_FULL = `{ resourceFilters { id dataResourceType config createdAt updatedAt } }`;
const SAVE = `mutation($dataResourceType: String!, $config: JSON!) {
  createOrUpdateResourceFilter(dataResourceType: $dataResourceType, config: $config) { id dataResourceType config createdAt updatedAt }
}`;
const DESTROY = `mutation($id: ID) { destroyRecord(id: $id, recordType: "ResourceFilter") { id status statusCode } }`;

type Filter = { id?: string; dataResourceType: string; config: Record<string, any>; createdAt?: string; updatedAt?: string };

describe('resourceFilters and createOrUpdateResourceFilter', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let editor: string;
  let wbAdmin: string;

  async function list(host = BB, token?: string, query = LIST_FULL): Promise<Filter[]> {
    const res = await p.gql(host, query, {}, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.resourceFilters;
  }

  const byType = async (type: string, host = BB) => (await list(host)).find((f) => f.dataResourceType === type);

  async function save(dataResourceType: string, config: unknown, token = admin, host = BB): Promise<Filter> {
    const res = await p.gql(host, SAVE, { dataResourceType, config }, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createOrUpdateResourceFilter;
  }

  /** A save that must fail; token null: anonymous. */
  async function saveFails(dataResourceType: string, config: unknown, token: string | null = admin, host = BB): Promise<{ message: string; extensions: { code: string } }> {
    const res = await p.gql(host, SAVE, { dataResourceType, config }, token ?? undefined);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    assert.equal(res.body.data, null);
    return res.body.errors[0];
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbAdmin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-admin'].map((c) => p.token(c)));
    editor = await p.tokenWithRole('bad-belzig', 'editor');
  });
  after(() => p?.close());

  describe('resourceFilters (query)', () => {
    it('answers the app\'s query with the demo configuration of every resource type, for anyone', async () => {
      for (const token of [undefined, app]) {
        const filters = await list(BB, token, LIST);
        assert.deepEqual(
          filters.map((f) => f.dataResourceType),
          ['EventRecord', 'GenericItem::ConstructionSite', 'GenericItem::Job', 'GenericItem::Noticeboard', 'NewsItem', 'PointOfInterest', 'Tour'],
        );
        for (const f of filters) assert.deepEqual(Object.keys(f).sort(), ['config', 'dataResourceType']);
      }
    });

    it('delivers config as a JSON object in the shape the app\'s filter overlay reads', async () => {
      const events = (await byType('EventRecord'))!;
      assert.equal(typeof events.config, 'object');
      assert.deepEqual(events.config.active, { default: true });
      assert.deepEqual(events.config.category, { type: 'dropdown', isMultiselect: true, searchable: true });
      assert.deepEqual(events.config.dateStart, { type: 'date', hasPastDates: false, hasFutureDates: true });
      assert.equal(events.config.radiusSearch.type, 'slider');
      assert.ok(events.config.radiusSearch.options.every((o: unknown) => typeof o === 'number'));
      assert.deepEqual(events.config.saveable, { type: 'checkbox', default: false });
      const places = (await byType('PointOfInterest'))!;
      assert.deepEqual(places.config.onlyCurrentlyOpen, { type: 'checkbox', default: false });
      const full = (await list()).find((f) => f.dataResourceType === 'NewsItem')!;
      assert.match(full.id!, /^\d+$/);
      assert.match(full.createdAt!, RUBY_TIMESTAMP);
      assert.match(full.updatedAt!, RUBY_TIMESTAMP);
    });

    it('belongs to the municipality: Wiesenburg has its own configuration', async () => {
      const wb = await list(WB);
      assert.deepEqual(wb.map((f) => f.dataResourceType), ['EventRecord', 'NewsItem']);
      assert.deepEqual(wb.find((f) => f.dataResourceType === 'NewsItem')!.config, { active: { default: false } });
      const bbIds = new Set((await list(BB)).map((f) => f.id));
      assert.ok(wb.every((f) => !bbIds.has(f.id)));
    });
  });

  describe('createOrUpdateResourceFilter (mutation)', () => {
    it('creates a configuration, and replaces it on the next call for the same type', async () => {
      const created = await save('GenericItem::Offer', { category: { isMultiselect: true }, saveable: {} });
      assert.equal(created.dataResourceType, 'GenericItem::Offer');
      // A missing control type is filled in with the key's natural one.
      assert.deepEqual(created.config, { category: { type: 'dropdown', isMultiselect: true }, saveable: { type: 'checkbox' } });
      assert.match(created.createdAt!, RUBY_TIMESTAMP);

      const updated = await save('GenericItem::Offer', { radiusSearch: { options: ['5', 10, 25], default: 10 } });
      assert.equal(updated.id, created.id);
      assert.deepEqual(updated.config, { radiusSearch: { type: 'slider', options: [5, 10, 25], default: 10 } }, 'the whole config is replaced; numeric strings become numbers');
      assert.deepEqual((await byType('GenericItem::Offer'))!.config, updated.config, 'the public read sees the change at once');
      assert.equal((await list()).filter((f) => f.dataResourceType === 'GenericItem::Offer').length, 1);
    });

    it('lets editors change a configuration, e.g. switch the news filters off', async () => {
      const saved = await save('NewsItem', { active: { default: false } }, editor);
      assert.deepEqual(saved.config, { active: { default: false } });
      assert.deepEqual((await byType('NewsItem'))!.config, { active: { default: false } });
      assert.deepEqual((await byType('NewsItem', WB))!.config, { active: { default: false } });
      // Wiesenburg's own change does not touch Bad Belzig.
      await save('EventRecord', { category: { type: 'dropdown' } }, wbAdmin, WB);
      assert.deepEqual((await byType('EventRecord', WB))!.config, { category: { type: 'dropdown' } });
      assert.ok((await byType('EventRecord'))!.config.dateStart, 'Bad Belzig keeps its event filters');
    });

    it('refuses callers that may not configure the app', async () => {
      const before = JSON.stringify(await list());
      assert.equal((await saveFails('Tour', { saveable: {} }, null)).extensions.code, 'UNAUTHENTICATED');
      for (const token of [app, importer]) {
        const err = await saveFails('Tour', { saveable: {} }, token);
        assert.equal(err.extensions.code, 'FORBIDDEN');
        assert.equal(err.message, 'Access not permitted!');
      }
      // A Bad Belzig token is no token on the Wiesenburg host.
      const wbBefore = JSON.stringify(await list(WB));
      assert.equal((await saveFails('Tour', { saveable: {} }, admin, WB)).extensions.code, 'UNAUTHENTICATED');
      assert.equal(JSON.stringify(await list(WB)), wbBefore);
      assert.equal(JSON.stringify(await list()), before);
    });

    it('rejects unknown resource types and malformed configurations with a clear message', async () => {
      const before = JSON.stringify(await list());
      for (const type of ['Event', 'eventRecord', 'GenericItem::', 'GenericItem::noticeboard', 'GenericItem::Notice board', 'Tour; DROP TABLE x', '']) {
        const err = await saveFails(type, {});
        assert.equal(err.extensions.code, 'VALIDATION', type);
        assert.match(err.message, /dataResourceType/);
      }
      const cases: Array<[unknown, RegExp]> = [
        [[], /config must be a JSON object/],
        ['category', /config must be a JSON object/],
        [{ colour: { type: 'dropdown' } }, /colour/],
        [{ category: { type: 'slider' } }, /config\.category\.type/],
        [{ category: { type: 'dropdown', multiple: true } }, /config\.category.*multiple/],
        [{ category: 'dropdown' }, /config\.category/],
        [{ dateStart: { hasPastDates: 'ja' } }, /config\.dateStart\.hasPastDates/],
        [{ dateStart: { default: '1.5.2025' } }, /config\.dateStart\.default/],
        [{ radiusSearch: { options: [5, -1] } }, /config\.radiusSearch\.options/],
        [{ radiusSearch: { options: ['fünf'] } }, /config\.radiusSearch\.options/],
        [{ radiusSearch: { options: [5, 10], default: 7 } }, /config\.radiusSearch\.default: default must be one of the options/],
        [{ saveable: { default: 'yes' } }, /config\.saveable\.default/],
        [{ active: { default: false, extra: 1 } }, /config\.active/],
        [{ category: { type: 'dropdown', default: 'x'.repeat(20_000) } }, /too large/],
      ];
      for (const [config, message] of cases) {
        const err = await saveFails('Tour', config);
        assert.equal(err.extensions.code, 'VALIDATION', JSON.stringify(config).slice(0, 80));
        assert.match(err.message, /^Invalid input: /);
        assert.match(err.message, message, JSON.stringify(config).slice(0, 80));
      }
      assert.equal(JSON.stringify(await list()), before, 'nothing was written');
    });

    it('removes a configuration through destroyRecord(recordType: "ResourceFilter") for admins and editors only', async () => {
      const created = await save('GenericItem::Deadline', { dateStart: {}, dateEnd: {} });
      const denied = await p.gql(BB, DESTROY, { id: created.id }, importer);
      assert.equal(denied.body.errors?.[0]?.extensions.code, 'FORBIDDEN');
      assert.ok(await byType('GenericItem::Deadline'));
      const res = await p.gql(BB, DESTROY, { id: created.id }, editor);
      assert.deepEqual(res.body.data.destroyRecord, { id: Number(created.id), status: 'Record was successfully destroyed', statusCode: 200 });
      assert.equal(await byType('GenericItem::Deadline'), undefined);
      // Another municipality's configuration cannot be addressed.
      const wbEvents = (await byType('EventRecord', WB))!;
      const foreign = await p.gql(BB, DESTROY, { id: wbEvents.id }, admin);
      assert.equal(foreign.body.data.destroyRecord.statusCode, 404);
      assert.ok(await byType('EventRecord', WB));
    });
  });
});
