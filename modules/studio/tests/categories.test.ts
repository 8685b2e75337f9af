import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB } from '../../../test/harness.ts';
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

  it('takes a new order from drag and drop: checks it against the tree, writes it with an audit entry, refuses the rest', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const post = (url: string, form: Record<string, string>) => s.c.post(url, { _csrf: editor.csrf, ...form }, editor.cookie);
    const reorder = (body: unknown, o: { cookie?: string; csrf?: string; host?: string; origin?: string } = {}) =>
      s.p.http.inject({
        method: 'POST',
        url: '/studio/kategorien/reihenfolge',
        headers: { host: o.host ?? BB, cookie: o.cookie ?? editor.cookie, 'content-type': 'application/json', 'x-csrf-token': o.csrf ?? editor.csrf, ...(o.origin ? { origin: o.origin } : {}) },
        payload: JSON.stringify(body),
      });
    await post('/studio/kategorien', { name: 'Hofladen', parent: '' });
    const shop = await idOf('Hofladen');
    for (const name of ['Käse', 'Honig', 'Eier']) await post('/studio/kategorien', { name, parent: String(shop) });
    await post('/studio/kategorien', { name: 'Getränke', parent: '' });
    const drinks = await idOf('Getränke');
    await post('/studio/kategorien', { name: 'Saft', parent: String(drinks) });
    const [cheese, honey, eggs, juice] = await Promise.all(['Käse', 'Honig', 'Eier', 'Saft'].map(idOf));
    const childrenOf = async (parent: number) => (await tree()).filter((x) => Number(x.parent?.id) === parent).sort((a, b) => a.position - b.position).map((x) => x.name);
    const audits = async () => (await s.p.database.system.selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('action', '=', 'studio:category.reorder').orderBy('id').execute());

    const page = await s.c.get('/studio/kategorien', editor.cookie);
    assert.match(page.body, /<script type="module" src="\/studio\/assets\/category-order-[\w-]+\.js"><\/script>/);
    assert.match(page.body, new RegExp(`<ol class="category-level" data-parent="${shop}">`));
    assert.match(page.body, new RegExp(`<li id="kategorie-${cheese}" data-id="${cheese}" data-name="Käse">`));

    const ok = await reorder({ parent: shop, order: [eggs, cheese, honey] });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { parent: shop, order: [eggs, cheese, honey], moved: null });
    assert.deepEqual(await childrenOf(shop), ['Eier', 'Käse', 'Honig']);
    const [entry] = await audits();
    assert.equal(entry!.target_id, String(shop));
    assert.deepEqual(entry!.detail, { parent: shop, order: [eggs, cheese, honey], moved: null });

    // Refused, nothing written: not every sibling, twice the same, someone else's or unknown ids, a loop, bad shapes.
    const refused = async (body: unknown, status: number, text: RegExp, o = {}) => {
      const res = await reorder(body, o);
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      assert.match(res.json().error, text);
    };
    await refused({ parent: shop, order: [cheese, honey] }, 409, /inzwischen geändert/);
    await refused({ parent: shop, order: [eggs, cheese, honey, juice, drinks] }, 409, /inzwischen geändert/);
    await refused({ parent: shop, order: [eggs, eggs, cheese, honey] }, 400, /ungültig/);
    const foreign = Number((await s.p.database.system.selectFrom('categories as c').innerJoin('tenants as t', 't.id', 'c.tenant_id').select('c.id').where('t.slug', '=', 'wiesenburg').executeTakeFirstOrThrow()).id);
    await refused({ parent: shop, order: [eggs, cheese, honey, foreign] }, 404, /gibt es nicht/);
    await refused({ parent: foreign, order: [eggs] }, 404, /gibt es nicht/);
    await refused({ parent: shop, order: [eggs, cheese, honey, 2_000_000_000] }, 404, /gibt es nicht/);
    await refused({ parent: cheese, order: [shop] }, 400, /nicht unter sich selbst/);
    for (const bad of [{}, { parent: shop }, { parent: shop, order: [] }, { parent: 'x', order: [eggs] }, { parent: shop, order: [-1] }, [1, 2]]) await refused(bad, 400, /ungültig/);
    await refused({ parent: shop, order: [honey, cheese, eggs] }, 403, /abgelaufen/, { csrf: 'x'.repeat(43) });
    await refused({ parent: shop, order: [honey, cheese, eggs] }, 403, /abgelaufen/, { origin: 'http://evil.example' });
    await refused({ parent: shop, order: [honey, cheese, eggs] }, 401, /abgelaufen/, { cookie: '' });
    const reader = await s.c.session('lesen@bad-belzig.demo', 'demo-studio-readonly');
    await refused({ parent: shop, order: [honey, cheese, eggs] }, 403, /darf die Kategorien nicht ändern/, reader);
    assert.equal((await s.c.get('/studio/kategorien', reader.cookie)).body.includes('category-order-'), false, 'no script for those who only look');
    const wb = await s.c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    await refused({ parent: shop, order: [honey, cheese, eggs] }, 404, /gibt es nicht/, { ...wb, host: WB });
    assert.deepEqual(await childrenOf(shop), ['Eier', 'Käse', 'Honig']);
    assert.equal((await audits()).length, 1);

    // Dropped into another level: the juice joins the shop, the drinks close the gap.
    const moved = await reorder({ parent: shop, order: [eggs, juice, cheese, honey] });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().moved, juice);
    assert.deepEqual(await childrenOf(shop), ['Eier', 'Saft', 'Käse', 'Honig']);
    assert.deepEqual(await childrenOf(drinks), []);
    assert.equal((await audits())[1]!.target_id, String(juice));
    // And to the top level.
    const top = (await tree()).filter((x) => x.parent === null).sort((a, b) => a.position - b.position).map((x) => Number(x.id));
    assert.equal((await reorder({ parent: null, order: [honey, ...top] })).statusCode, 200);
    assert.equal((await tree()).find((x) => Number(x.id) === honey)?.parent, null);
  });

  it('announces where ↑/↓ put a category', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    await s.c.post('/studio/kategorien', { _csrf: editor.csrf, name: 'Kerzen', parent: '' }, editor.cookie);
    const id = await idOf('Kerzen');
    const moved = await s.c.post(`/studio/kategorien/${id}/verschieben`, { _csrf: editor.csrf, richtung: 'up' }, editor.cookie);
    assert.equal(moved.headers.location, `/studio/kategorien?verschoben=${id}#kategorie-${id}`);
    const top = (await tree()).filter((x) => x.parent === null).length;
    const page = await s.c.get(`/studio/kategorien?verschoben=${id}`, editor.cookie);
    assert.match(page.body, new RegExp(`<div class="form-notice" role="status"><p>„Kerzen“ steht jetzt an Position ${top - 1} von ${top}\\.</p>`));
  });
});
