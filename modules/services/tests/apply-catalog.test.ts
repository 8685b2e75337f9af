import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { Catalog, type CatalogInput } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';

const catalog = (input: CatalogInput) => Catalog.parse(input);

const base: CatalogInput = {
  categories: [
    { sourceId: 'c1', name: 'Familie' },
    { sourceId: 'c2', parentSourceId: 'c1', name: 'Geburt' },
  ],
  services: [
    { sourceId: 's1', leikaKey: '99010004001000', name: 'Personalausweis beantragen', synonyms: ['Perso'], texts: { description: '<p>Text<script>alert(1)</script></p>' }, categorySourceIds: ['c1'] },
    { sourceId: 's2', name: 'Geburtsurkunde', categorySourceIds: ['c2', 'unbekannt'] },
  ],
  authorities: [{ sourceId: 'a1', name: 'Bürgeramt Bad Belzig' }],
  responsibilities: [
    { serviceSourceId: 's1', authoritySourceId: 'a1', area: '12069' },
    { serviceSourceId: 's9', authoritySourceId: 'a1', area: '12069' },
  ],
};

describe('applying a catalogue to a tenant', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
    // The demo seed fills both tenants' ZuFi copy (seed.ts); these tests start from an empty one.
    for (const slug of ['bad-belzig', 'wiesenburg']) {
      for (const table of ['ozg_services', 'ozg_categories', 'ozg_authorities']) await p.database.forTenant(p.tenants.get(slug)!.id).deleteFrom(table).execute();
    }
  });
  after(() => p.close());
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const other = () => p.database.forTenant(p.tenants.get('wiesenburg')!.id);

  it('stores services, the tree and links, sanitises HTML and reports what it left out', async () => {
    const counts = await applyCatalog(db(), 'zufi', catalog(base));
    assert.deepEqual(counts.services, { added: 2, changed: 0, removed: 0, unchanged: 0 });
    assert.equal(counts.links.added, 3);
    assert.equal(counts.warnings.length, 2, counts.warnings.join('\n'));
    const s1 = await db().selectFrom('ozg_services').selectAll().where('source_id', '=', 's1').executeTakeFirstOrThrow();
    assert.equal(s1.texts.description, '<p>Text</p>');
    const child = await db().selectFrom('ozg_categories as c').innerJoin('ozg_categories as p', 'p.id', 'c.parent_id').select('p.name').where('c.source_id', '=', 'c2').executeTakeFirstOrThrow();
    assert.equal(child.name, 'Familie');
    assert.equal((await other().selectFrom('ozg_services').selectAll().execute()).length, 0, 'other tenants see nothing');
  });

  it('writes only what changed, keeps editorial columns and removes what the source dropped', async () => {
    await db().updateTable('ozg_services').set({ pinned: true, top_position: 1 }).where('source_id', '=', 's1').execute();
    const again = await applyCatalog(db(), 'zufi', catalog(base));
    assert.deepEqual(again.services, { added: 0, changed: 0, removed: 0, unchanged: 2 });
    assert.deepEqual(again.links, { added: 0, removed: 0 });
    const next = structuredClone(base);
    next.services = [{ ...next.services[0]!, name: 'Personalausweis' }];
    next.categories = [{ sourceId: 'c2', name: 'Geburt' }];
    const counts = await applyCatalog(db(), 'zufi', catalog(next));
    assert.deepEqual(counts.services, { added: 0, changed: 1, removed: 1, unchanged: 0 });
    const rows = await db().selectFrom('ozg_services').select(['name', 'pinned', 'top_position']).execute();
    assert.deepEqual(rows, [{ name: 'Personalausweis', pinned: true, top_position: 1 }]);
    const links = await db().selectFrom('ozg_service_categories').selectAll().execute();
    assert.equal(links.length, 0, 'the link to the removed category went with it');
  });

  it('refuses an empty catalogue instead of wiping the last good copy', async () => {
    await assert.rejects(applyCatalog(db(), 'zufi', catalog({ services: [] })), /keine Leistungen/);
    assert.equal((await db().selectFrom('ozg_services').selectAll().execute()).length, 1);
    const manual = await applyCatalog(db(), 'manual', catalog({ services: [] }), { allowEmpty: true });
    assert.equal(manual.services.added, 0);
  });
});
