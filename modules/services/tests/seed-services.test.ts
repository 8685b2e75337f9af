import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { readZufiSettings } from '../settings/zufi-settings.ts';

describe('the demo municipalities’ services (seed)', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(() => p.close());
  const db = (slug: string) => p.database.forTenant(p.tenants.get(slug)!.id);

  const responsible = (tenant: Kysely<any>, service: string) =>
    tenant
      .selectFrom('ozg_responsibilities as r')
      .innerJoin('ozg_services as s', 's.id', 'r.service_id')
      .innerJoin('ozg_authorities as a', 'a.id', 'r.authority_id')
      .select(['a.name', 'r.area'])
      .where('s.name', '=', service)
      .execute();

  it('gives both demo tenants the fixture’s services from the ZuFi adapter, with a seed run and a status', async () => {
    for (const [slug, expected] of [['bad-belzig', 40], ['wiesenburg', 39]] as const) {
      const t = db(slug);
      const services = await t.selectFrom('ozg_services').select(['source', 'leika_key', 'fresh_until']).execute();
      assert.equal(services.length, expected, slug);
      assert.ok(services.every((s) => s.source === 'zufi' && /^\d{14}$/.test(s.leika_key) && s.fresh_until === null));
      const run = await t.selectFrom('ozg_sync_runs').selectAll().executeTakeFirstOrThrow();
      assert.equal(run.trigger, 'seed');
      assert.equal(run.status, 'succeeded');
      assert.equal(run.counts.services.added, expected);
      const status = await t.selectFrom('ozg_source_status').selectAll().executeTakeFirstOrThrow();
      assert.ok(status.last_success_at);
      assert.equal((await readZufiSettings(t)).enabled, false, 'no real upstream is configured for the demo');
      const fund = await t.selectFrom('ozg_services').select('texts').where('name', '=', 'Fundsache abgeben oder abholen').executeTakeFirstOrThrow();
      assert.ok(!/<script|onclick/.test(JSON.stringify(fund.texts)));
    }
  });

  it('makes Wiesenburg’s own authorities responsible, and the district’s for both', async () => {
    assert.deepEqual(await responsible(db('bad-belzig'), 'Personalausweis beantragen'), [{ name: 'Bürgeramt Bad Belzig', area: '120690017017' }]);
    assert.deepEqual(await responsible(db('wiesenburg'), 'Personalausweis beantragen'), [{ name: 'Bürgeramt Wiesenburg/Mark', area: '120690665665' }]);
    assert.deepEqual(await responsible(db('wiesenburg'), 'Baugenehmigung beantragen'), [{ name: 'Landkreis Potsdam-Mittelmark – Bauordnungsamt', area: '12069' }]);
    assert.deepEqual(await responsible(db('bad-belzig'), 'Baugenehmigung beantragen'), [{ name: 'Landkreis Potsdam-Mittelmark – Bauordnungsamt', area: '12069' }]);
    const parking = (slug: string) => db(slug).selectFrom('ozg_services').select('id').where('name', '=', 'Parkausweis für Anwohner beantragen').execute();
    assert.equal((await parking('bad-belzig')).length, 1);
    assert.equal((await parking('wiesenburg')).length, 0);
    const amt = await db('wiesenburg').selectFrom('ozg_authorities').selectAll().where('name', '=', 'Bürgeramt Wiesenburg/Mark').executeTakeFirstOrThrow();
    assert.equal(amt.addresses[0].city, 'Wiesenburg/Mark');
    assert.ok(amt.opening_hours.length > 0 && amt.contacts.length > 0 && amt.payment_methods.length > 0);
  });

  it('fills the life-situation tree with two levels', async () => {
    const rows = await db('bad-belzig').selectFrom('ozg_categories').select(['id', 'parent_id']).execute();
    const roots = rows.filter((r) => r.parent_id === null);
    assert.ok(roots.length >= 5 && rows.length - roots.length >= 8, `${roots.length} roots of ${rows.length}`);
    const linked = await db('bad-belzig').selectFrom('ozg_service_categories').select('service_id').distinct().execute();
    assert.equal(linked.length, 40, 'every service has a life situation');
  });
});
