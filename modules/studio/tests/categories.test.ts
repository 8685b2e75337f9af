import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WB } from '../../../test/harness.ts';
import { studioSuite } from './studio-suite.ts';

describe('studio category tree', () => {
  const s = studioSuite();

  // Read from the database: the API's response cache may lag a studio write by a NOTIFY on PostgreSQL.
  const tree = async () =>
    (await s.p.database.system.selectFrom('categories as c').innerJoin('tenants as t', 't.id', 'c.tenant_id').select(['c.id', 'c.name', 'c.parent_id', 'c.position']).where('t.slug', '=', 'bad-belzig').orderBy('c.id').execute()).map((r) => ({
      id: String(r.id),
      name: r.name as string,
      parent: r.parent_id === null ? null : { id: String(r.parent_id) },
      position: r.position as number,
    }));
  const idOf = async (name: string) => Number((await tree()).find((x) => x.name === name)?.id);

  it('creates, renames, moves under another, orders and deletes categories, each audited', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const post = (url: string, form: Record<string, string>) => s.c.post(url, { _csrf: editor.csrf, ...form }, editor.cookie);
    assert.equal((await s.c.get('/studio/kategorien', editor.cookie)).statusCode, 200);

    assert.equal((await post('/studio/kategorien', { name: 'Wochenmarkt-Stände', parent: '' })).statusCode, 200);
    assert.equal((await post('/studio/kategorien', { name: 'Obst', parent: String(await idOf('Wochenmarkt-Stände')) })).statusCode, 200);
    assert.equal((await post('/studio/kategorien', { name: 'Gemüse', parent: String(await idOf('Wochenmarkt-Stände')) })).statusCode, 200);
    const dup = await post('/studio/kategorien', { name: 'obst', parent: '' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /gibt es schon/);
    assert.equal((await post('/studio/kategorien', { name: '', parent: '' })).statusCode, 400);

    // Gemüse was added last; moving it up puts it first among its siblings.
    const market = await idOf('Wochenmarkt-Stände');
    const siblings = async () => (await tree()).filter((x) => Number(x.parent?.id) === market).sort((a, b) => a.position - b.position).map((x) => x.name);
    assert.deepEqual(await siblings(), ['Obst', 'Gemüse']);
    const moved = await post(`/studio/kategorien/${await idOf('Gemüse')}/verschieben`, { richtung: 'up' });
    assert.equal(moved.statusCode, 303);
    assert.deepEqual(await siblings(), ['Gemüse', 'Obst']);

    // A category cannot go under its own descendant.
    const cycle = await post(`/studio/kategorien/${market}`, { name: 'Wochenmarkt-Stände', parent: String(await idOf('Obst')) });
    assert.equal(cycle.statusCode, 400);
    assert.match(cycle.body, /nicht unter sich selbst/);
    assert.equal((await post(`/studio/kategorien/${await idOf('Obst')}`, { name: 'Obst & Säfte', parent: String(market) })).statusCode, 200);

    // Deleting needs the tick; subcategories move up a level.
    assert.equal((await post(`/studio/kategorien/${market}/loeschen`, {})).statusCode, 400);
    assert.equal((await post(`/studio/kategorien/${market}/loeschen`, { bestaetigt: 'ja' })).statusCode, 200);
    const after = await tree();
    assert.equal(after.find((x) => x.name === 'Wochenmarkt-Stände'), undefined);
    assert.equal(after.find((x) => x.name === 'Obst & Säfte')?.parent, null);

    const actions = (await s.p.database.system.selectFrom('audit_log').select('action').where('action', 'like', 'studio:category.%').orderBy('id').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['studio:category.create', 'studio:category.create', 'studio:category.create', 'studio:category.move', 'studio:category.update', 'studio:category.delete']);
  });

  it('lets read-only accounts look but not change, keeps others out, and isolates tenants', async () => {
    const reader = await s.c.session('lesen@bad-belzig.demo', 'demo-studio-readonly');
    const view = await s.c.get('/studio/kategorien', reader.cookie);
    assert.equal(view.statusCode, 200);
    assert.doesNotMatch(view.body, /action="\/studio\/kategorien"/);
    assert.equal((await s.c.post('/studio/kategorien', { _csrf: reader.csrf, name: 'Neu', parent: '' }, reader.cookie)).statusCode, 403);
    const author = await s.c.session('autorin@bad-belzig.demo', 'demo-studio-author');
    assert.equal((await s.c.get('/studio/kategorien', author.cookie)).statusCode, 403);
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal((await s.c.post('/studio/kategorien', { _csrf: 'x'.repeat(43), name: 'Gefälscht', parent: '' }, editor.cookie)).statusCode, 403);
    const wb = await s.c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    const bbCategory = (await tree())[0]!.id;
    assert.equal((await s.c.post(`/studio/kategorien/${bbCategory}`, { _csrf: wb.csrf, name: 'Übernommen', parent: '' }, wb.cookie, {}, WB)).statusCode, 404);
    assert.ok((await tree()).some((x) => x.id === bbCategory && x.name !== 'Übernommen'));
  });
});
