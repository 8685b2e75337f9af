import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** The app's category query (filter screens): the tree is built from parent/children. */
const CATEGORIES = /* GraphQL */ `
  query Categories($ids: [ID], $excludeIds: [ID], $tagList: [String], $taggingStrategy: TaggingStrategy, $limit: Int, $skip: Int, $order: CategoriesOrder) {
    categories(ids: $ids, excludeIds: $excludeIds, tagList: $tagList, taggingStrategy: $taggingStrategy, limit: $limit, skip: $skip, order: $order) {
      id
      name
      iconName
      tagList
      position
      parent { id name }
      children { id name }
    }
    categoriesCount(ids: $ids, excludeIds: $excludeIds, tagList: $tagList, taggingStrategy: $taggingStrategy)
  }
`;

type Row = { id: number; name: string; parent_id: number | null; tag_list: string[]; created_at: Date; updated_at: Date };
type TreeNode = { id: number; name: string; ancestry: string | null; children: TreeNode[] };

/** German alphabetical order ignoring case and accents, as the mainserver's MySQL collation (utf8mb4_unicode_ci). */
const german = (a: string, b: string) => a.localeCompare(b, 'de', { sensitivity: 'base' });

describe('categories and categoryTree', () => {
  let p: TestPlatform;
  let app: string;
  let db: Kysely<any>;
  const id = new Map<string, number>();

  async function query(vars: Record<string, unknown> = {}, host = BB, token = app) {
    const res = await p.gql(host, CATEGORIES, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const list = res.body.data.categories as any[];
    return { list, names: list.map((c) => c.name as string), count: res.body.data.categoriesCount as number };
  }

  const rows = async () => (await db.selectFrom('categories').selectAll().execute()) as Row[];

  /**
   * Other modules' seeds add categories and tags to the same tree; this file tests the categories
   * module against its own seed only, so it puts each tenant's tree back to exactly that seed.
   */
  async function restoreCategorySeed(slug: string) {
    type SeedCategory = { name: string; tagList?: string[]; children?: SeedCategory[] };
    const seed: SeedCategory[] = JSON.parse(readFileSync(new URL(`../seed/${slug}.json`, import.meta.url), 'utf8'));
    const tags = new Map<string, string[]>();
    const walk = (nodes: SeedCategory[]) => nodes.forEach((n) => (tags.set(n.name, n.tagList ?? []), walk(n.children ?? [])));
    walk(seed);
    const tenantDb = p.database.forTenant(p.tenants.get(slug)!.id);
    await tenantDb.deleteFrom('categories').where('name', 'not in', [...tags.keys()]).execute();
    for (const [name, tagList] of tags) await tenantDb.updateTable('categories').set({ tag_list: tagList }).where('name', '=', name).execute();
  }

  before(async () => {
    p = await startTestPlatform();
    await restoreCategorySeed('bad-belzig');
    await restoreCategorySeed('wiesenburg');
    app = await p.token('bad-belzig-app');
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    for (const r of await db.selectFrom('categories').select(['id', 'name']).execute()) id.set(r.name, r.id);

    // Categories for other resource types (tags), a lower-case and an umlaut name, a third level.
    const base = Date.now() + 3_600_000;
    const add = async (name: string, tags: string[], extra: Record<string, unknown> = {}, i = id.size) => {
      const row = await db
        .insertInto('categories')
        .values({ name, tag_list: tags, created_at: new Date(base + i * 60_000), updated_at: new Date(Date.now() - 3_600_000 - i * 60_000), ...extra })
        .returning('id')
        .executeTakeFirstOrThrow();
      id.set(name, row.id);
    };
    await add('abfallberatung', []);
    await add('Öffentlicher Nahverkehr', ['point_of_interest', 'tour'], { icon_name: 'bus' });
    await add('Veranstaltungsorte', ['event_record', 'point_of_interest'], { icon_name: 'map-pin' });
    await add('Stellenangebote', ['generic_item_job']);
    await add('Jugendfeuerwehr', ['news_item', 'event_record'], { parent_id: id.get('Feuerwehr'), position: 0 });
    await add('Ehrenamtsbörse', ['news_item'], { parent_id: id.get('Vereine & Ehrenamt'), position: 1 });
  });
  after(() => p.close());

  it('lists all categories (not only roots) by name, ignoring case and accents', async () => {
    const all = await rows();
    const { names, count, list } = await query();
    assert.equal(list.length, all.length);
    assert.equal(count, all.length);
    assert.equal(all.length, 18 + 6);
    assert.deepEqual(names, all.map((r) => r.name).sort(german));
    assert.equal(names[0], 'abfallberatung');
    assert.equal(names[names.indexOf('Kurort & Gesundheit') + 1], 'Öffentlicher Nahverkehr');
    // children are listed as well as roots
    assert.ok(names.includes('Jugendfeuerwehr'));
    assert.ok(names.includes('Aus dem Rathaus'));

    const desc = await query({ order: 'name_DESC' });
    assert.deepEqual(desc.names, [...names].reverse());
    assert.deepEqual((await query({ order: 'name_ASC' })).names, names);
  });

  it('orders by createdAt, updatedAt and id in both directions', async () => {
    const all = await rows();
    const column = { createdAt: 'created_at', updatedAt: 'updated_at', id: 'id' } as const;
    for (const [field, col] of Object.entries(column)) {
      for (const dir of ['ASC', 'DESC'] as const) {
        const key = (r: Row) => (col === 'id' ? r.id : new Date(r[col]).getTime());
        const expected = [...all].sort((a, b) => (key(a) - key(b) || a.id - b.id) * (dir === 'ASC' ? 1 : -1)).map((r) => String(r.id));
        const { list } = await query({ order: `${field}_${dir}` });
        assert.deepEqual(list.map((c) => c.id), expected, `${field}_${dir}`);
      }
    }
    // the inserted rows are the newest, and their updatedAt run the other way (older than the seeds')
    const created = (await query({ order: 'createdAt_DESC', limit: 3 })).names;
    const updated = (await query({ order: 'updatedAt_ASC', limit: 3 })).names;
    assert.deepEqual(created, ['Ehrenamtsbörse', 'Jugendfeuerwehr', 'Stellenangebote']);
    assert.deepEqual(updated, created);
    assert.deepEqual((await query({ order: 'id_DESC', limit: 1 })).names, ['Ehrenamtsbörse']);
  });

  it('pages with limit and skip', async () => {
    const { names } = await query();
    const paged: string[] = [];
    for (let skip = 0; skip < names.length; skip += 5) paged.push(...(await query({ limit: 5, skip })).names);
    assert.deepEqual(paged, names);
    assert.deepEqual((await query({ limit: 2, skip: 3 })).names, names.slice(3, 5));
    assert.deepEqual((await query({ skip: names.length })).names, []);
    // the count ignores paging
    assert.equal((await query({ limit: 2, skip: 3 })).count, names.length);
    const bad = await p.gql(BB, CATEGORIES, { limit: -1 }, app);
    assert.equal(bad.body.errors[0].extensions.code, 'VALIDATION');
  });

  it('filters by ids and excludeIds, skipping null and junk ids', async () => {
    const sport = String(id.get('Sport'));
    const feuerwehr = String(id.get('Feuerwehr'));
    const some = await query({ ids: [sport, null, 'kein-id', '99999', feuerwehr] });
    assert.deepEqual(some.names, ['Feuerwehr', 'Sport']);
    assert.equal(some.count, 2);
    assert.deepEqual((await query({ ids: [] })).names, []);

    const all = await query();
    const without = await query({ excludeIds: [sport, null, feuerwehr] });
    assert.deepEqual(without.names, all.names.filter((n) => n !== 'Sport' && n !== 'Feuerwehr'));
    assert.equal(without.count, all.count - 2);
    assert.deepEqual((await query({ excludeIds: [] })).names, all.names);
    assert.deepEqual((await query({ ids: [sport, feuerwehr], excludeIds: [sport] })).names, ['Feuerwehr']);
  });

  it('filters by tagList with the tagging strategies ANY (default), ALL and EXCLUDE', async () => {
    const all = await rows();
    const tagged = (pred: (tags: string[]) => boolean) => all.filter((r) => pred(r.tag_list)).map((r) => r.name).sort(german);

    const anyPoi = await query({ tagList: ['point_of_interest'] });
    assert.deepEqual(anyPoi.names, ['Öffentlicher Nahverkehr', 'Veranstaltungsorte']);
    assert.equal(anyPoi.count, 2);
    assert.deepEqual((await query({ tagList: ['point_of_interest'], taggingStrategy: 'ANY' })).names, anyPoi.names);
    assert.deepEqual((await query({ tagList: ['tour', 'generic_item_job'] })).names, ['Öffentlicher Nahverkehr', 'Stellenangebote']);
    const news = await query({ tagList: ['news_item'] });
    assert.deepEqual(news.names, tagged((t) => t.includes('news_item')));
    assert.equal(news.count, 18 + 2);

    assert.deepEqual((await query({ tagList: ['point_of_interest', 'tour'], taggingStrategy: 'ALL' })).names, ['Öffentlicher Nahverkehr']);
    assert.deepEqual((await query({ tagList: ['news_item', 'event_record'], taggingStrategy: 'ALL' })).names, ['Jugendfeuerwehr']);
    assert.deepEqual((await query({ tagList: ['news_item', 'generic_item_job'], taggingStrategy: 'ALL' })).names, []);

    const exclude = await query({ tagList: ['news_item'], taggingStrategy: 'EXCLUDE' });
    assert.deepEqual(exclude.names, ['abfallberatung', 'Öffentlicher Nahverkehr', 'Stellenangebote', 'Veranstaltungsorte']);
    assert.equal(exclude.count, 4);
    assert.deepEqual((await query({ tagList: ['news_item', 'point_of_interest'], taggingStrategy: 'EXCLUDE' })).names, ['abfallberatung', 'Stellenangebote']);

    // combined with paging, ids and excludeIds
    assert.deepEqual((await query({ tagList: ['news_item'], taggingStrategy: 'EXCLUDE', limit: 2, skip: 1 })).names, ['Öffentlicher Nahverkehr', 'Stellenangebote']);
    assert.deepEqual((await query({ tagList: ['point_of_interest'], excludeIds: [String(id.get('Veranstaltungsorte'))] })).names, ['Öffentlicher Nahverkehr']);
    // null entries are skipped; an empty list does not filter
    assert.deepEqual((await query({ tagList: [null, 'generic_item_job'] })).names, ['Stellenangebote']);
    assert.equal((await query({ tagList: [] })).count, all.length);
    assert.equal((await query({ tagList: ['unbekannt'] })).count, 0);
  });

  it('returns tagList as a comma-separated String and the icon name', async () => {
    const { list } = await query({ ids: [String(id.get('Veranstaltungsorte')), String(id.get('abfallberatung')), String(id.get('Sport'))] });
    const byName = new Map(list.map((c) => [c.name, c]));
    assert.equal(byName.get('Veranstaltungsorte').tagList, 'event_record,point_of_interest');
    assert.equal(byName.get('Veranstaltungsorte').iconName, 'map-pin');
    assert.equal(byName.get('Sport').tagList, 'news_item');
    assert.equal(byName.get('Sport').iconName, 'run');
    assert.equal(byName.get('abfallberatung').tagList, '');
    assert.equal(byName.get('abfallberatung').iconName, null);
  });

  it('links parents and children', async () => {
    const { list } = await query();
    const byName = new Map(list.map((c) => [c.name, c]));
    assert.equal(byName.get('Aus dem Rathaus').parent, null);
    // children in the editors' order (position), then by name
    assert.deepEqual(byName.get('Aus dem Rathaus').children.map((c: any) => c.name), ['Stadtverordnetenversammlung', 'Bürgerservice', 'Bürgerhaushalt']);
    assert.deepEqual(byName.get('Vereine & Ehrenamt').children.map((c: any) => c.name), ['Feuerwehr', 'Ehrenamtsbörse']);
    assert.deepEqual(byName.get('Feuerwehr').parent, { id: String(id.get('Vereine & Ehrenamt')), name: 'Vereine & Ehrenamt' });
    assert.deepEqual(byName.get('Feuerwehr').children, [{ id: String(id.get('Jugendfeuerwehr')), name: 'Jugendfeuerwehr' }]);
    assert.deepEqual(byName.get('Jugendfeuerwehr').parent, { id: String(id.get('Feuerwehr')), name: 'Feuerwehr' });
    assert.deepEqual(byName.get('Jugendfeuerwehr').children, []);
    assert.deepEqual(byName.get('Schule & Kita').children, []);
    // nested selections reach three levels
    const deep = await p.gql(BB, `query($ids: [ID]) { categories(ids: $ids) { name parent { name parent { name parent { name } } } } }`, { ids: [String(id.get('Jugendfeuerwehr'))] }, app);
    assert.deepEqual(deep.body.data.categories[0], { name: 'Jugendfeuerwehr', parent: { name: 'Feuerwehr', parent: { name: 'Vereine & Ehrenamt', parent: null } } });
  });

  it('answers categoryTree as nested JSON with ancestry paths, ordered by name', async () => {
    const res = await p.gql(BB, `{ categoryTree }`, {}, app);
    assert.equal(res.body.errors, undefined);
    const tree = res.body.data.categoryTree as TreeNode[];
    const all = await rows();

    // every category exactly once
    const seen: TreeNode[] = [];
    const walk = (nodes: TreeNode[], path: number[]) => {
      assert.deepEqual(nodes.map((n) => n.name), [...nodes.map((n) => n.name)].sort(german), `siblings under ${path.join('/') || 'root'} not by name`);
      for (const n of nodes) {
        assert.deepEqual(Object.keys(n).sort(), ['ancestry', 'children', 'id', 'name']);
        assert.equal(n.ancestry, path.length ? path.join('/') : null, n.name);
        seen.push(n);
        walk(n.children, [...path, n.id]);
      }
    };
    walk(tree, []);
    assert.equal(seen.length, all.length);
    assert.deepEqual(seen.map((n) => n.id).sort((a, b) => a - b), all.map((r) => r.id).sort((a, b) => a - b));

    assert.deepEqual(tree.map((n) => n.name), all.filter((r) => r.parent_id === null).map((r) => r.name).sort(german));
    const vereine = tree.find((n) => n.name === 'Vereine & Ehrenamt')!;
    assert.equal(vereine.id, id.get('Vereine & Ehrenamt'));
    assert.deepEqual(vereine.children.map((c) => c.name), ['Ehrenamtsbörse', 'Feuerwehr']);
    const jugend = vereine.children.find((c) => c.name === 'Feuerwehr')!.children[0];
    assert.deepEqual(jugend, { id: id.get('Jugendfeuerwehr'), name: 'Jugendfeuerwehr', ancestry: `${id.get('Vereine & Ehrenamt')}/${id.get('Feuerwehr')}`, children: [] });
    const rathaus = tree.find((n) => n.name === 'Aus dem Rathaus')!;
    assert.deepEqual(rathaus.children.map((c) => c.name), ['Bürgerhaushalt', 'Bürgerservice', 'Stadtverordnetenversammlung']);
    assert.equal(rathaus.children[0].ancestry, String(rathaus.id));
  });

  it('counts with the same filters (categoriesCount)', async () => {
    const cases: Record<string, unknown>[] = [
      {},
      { tagList: ['event_record'] },
      { tagList: ['event_record', 'tour'], taggingStrategy: 'ALL' },
      { tagList: ['news_item'], taggingStrategy: 'EXCLUDE' },
      { ids: [String(id.get('Sport')), String(id.get('Feuerwehr'))] },
      { excludeIds: [String(id.get('Sport'))], tagList: ['news_item'] },
    ];
    for (const vars of cases) {
      const { list, count } = await query(vars);
      assert.equal(count, list.length, JSON.stringify(vars));
    }
    const res = await p.gql(BB, `{ categoriesCount(tagList: ["event_record"]) }`, {}, app);
    assert.equal(res.body.data.categoriesCount, 2);
  });

  it('keeps municipalities apart', async () => {
    const wbToken = await p.token('wiesenburg-app');
    const wb = await query({}, WB, wbToken);
    assert.deepEqual(wb.names, ['Aus dem Rathaus', 'Dorfleben', 'Parkführungen', 'Schlosspark & Kultur', 'Warnungen']);
    assert.equal(wb.count, 5);
    const bbIds = new Set([...id.values()].map(String));
    for (const c of wb.list) assert.ok(!bbIds.has(c.id), `Bad Belzig category ${c.name} on Wiesenburg`);
    assert.deepEqual((await query({ ids: [...bbIds] }, WB, wbToken)).names, []);
    const tree = await p.gql(WB, `{ categoryTree }`, {}, wbToken);
    assert.deepEqual(tree.body.data.categoryTree.map((n: TreeNode) => n.name), ['Aus dem Rathaus', 'Dorfleben', 'Schlosspark & Kultur', 'Warnungen']);
    // and Bad Belzig does not see Wiesenburg's
    const bb = await query();
    assert.ok(!bb.names.includes('Dorfleben'));
  });
});
