import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB } from '../../../test/harness.ts';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import type { Res } from '../../studio/tests/studio-client.ts';
import { moveGenericItem } from '../generic-item-tree.ts';
import { assertRoundTrip } from '../../studio/tests/editor-round-trip.ts';
import { genericItemEditor } from '../studio/generic-item-editor.ts';

const ENTRIES = '/studio/inhalte/eintraege';
const FULL = `query($id: ID!) { genericItem(id: $id) {
  title genericType author teaser publishedAt payload
  contentBlocks { title intro body mediaContents { sourceUrl { url } copyright } }
  dates { dateStart dateEnd timeStart } webUrls { url description } mediaContents { sourceUrl { url } }
  contacts { email } companies { name } locations { name } addresses { city } openingHours { weekday timeFrom } priceInformations { name amount }
  categories { name } genericItems { id title }
} }`;
import { studioSuite } from '../../studio/tests/studio-suite.ts';

describe('studio editor for generic items', () => {
  const s = studioSuite();

  it('lists top-level entries only and creates a job offer the app shows', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const child = await s.p.database.system.selectFrom('generic_items').select(['id', 'title']).where('parent_id', 'is not', null).executeTakeFirst();
    const list = await s.c.get(`${ENTRIES}?sort=title`, editor.cookie);
    assert.equal(list.statusCode, 200);
    if (child) assert.ok(!list.body.includes(`${ENTRIES}/${child.id}"`), 'children are edited with their parent');

    const bad = await s.c.post(`${ENTRIES}/neu`, { _csrf: editor.csrf, _version: '0', _status: 'published', genericType: 'Spaceship', title: 'x', dateStart: '2026-12-10', dateEnd: '2026-12-01' }, editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /bitte wählen Sie einen der angebotenen Werte/);
    assert.match(bad.body, /„Bis“ liegt vor „Von“/);

    const res = await s.c.post(`${ENTRIES}/neu`, { _csrf: editor.csrf, _version: '0', _status: 'published', genericType: 'Job', title: 'Erzieherin (m/w/d) gesucht', teaser: 'Kita Sonnenschein, 30 Stunden', body: '<p>Wir freuen uns auf Sie.</p>', dateEnd: '2027-01-31' }, editor.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/eintraege\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const item = (await s.p.gql(BB, FULL, { id })).body.data.genericItem;
    assert.equal(item.genericType, 'Job');
    assert.equal(item.teaser, 'Kita Sonnenschein, 30 Stunden');
    assert.equal(item.contentBlocks[0].body, '<p>Wir freuen uns auf Sie.</p>');
    assert.equal(item.dates[0].dateEnd, '2027-01-31');
  });

  it('edits an imported entry with children without losing anything the form does not show', async () => {
    const parent = await s.p.database.system
      .selectFrom('generic_items as g')
      .innerJoin('tenants as t', 't.id', 'g.tenant_id')
      .select('g.id')
      .where('t.slug', '=', 'bad-belzig')
      .where('g.parent_id', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('generic_items as k').select('k.id').whereRef('k.parent_id', '=', 'g.id')))
      .executeTakeFirst();
    const any = parent ?? (await s.p.database.system.selectFrom('generic_items').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow());
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    await assertRoundTrip(s.p, s.c, { editor: genericItemEditor, id: any.id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token: await s.p.token('bad-belzig-admin') });
  });

  const CHILDREN = `query($id: ID!) { genericItem(id: $id) { genericItems { id title } } }`;
  const idOf = (res: Res) => Number(/eintraege\/(\d+)\?gespeichert/.exec(String(res.headers.location))?.[1]);
  const entry = (csrf: string, fields: Record<string, string>) => ({ _csrf: csrf, _version: '0', _status: 'published', _publishAt: '', _unpublishAt: '', genericType: 'Offer', ...fields });
  const parentOf = async (id: number) => ((await s.p.database.system.selectFrom('generic_items').select('parent_id').where('id', '=', id).executeTakeFirstOrThrow()).parent_id as number | null) ?? null;
  // A distinct query text per read: on PostgreSQL a cached answer learns of a studio write only by a NOTIFY a moment later.
  let reads = 0;
  const childTitles = async (id: number) => ((await s.p.gql(BB, `${CHILDREN} # ${reads++}`, { id })).body.data.genericItem?.genericItems ?? []).map((c: { title: string }) => c.title);
  const seededParent = () =>
    s.p.database.system
      .selectFrom('generic_items as g')
      .innerJoin('tenants as t', 't.id', 'g.tenant_id')
      .select(['g.id', 'g.title'])
      .where('t.slug', '=', 'bad-belzig')
      .where('g.parent_id', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('generic_items as k').select('k.id').whereRef('k.parent_id', '=', 'g.id')))
      .orderBy('g.id')
      .executeTakeFirstOrThrow();

  it('lists an entry’s children, adds one with the parent preset, and the API shows it under the parent after saves', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const parent = await seededParent();
    const children = await s.p.database.system.selectFrom('generic_items').select(['id', 'title']).where('parent_id', '=', parent.id).execute();
    const form = await s.c.get(`${ENTRIES}/${parent.id}`, admin.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h2 id="children-heading">Unterelemente<\/h2>/);
    assert.match(form.body, new RegExp(`<caption>${children.length} Unterelemente</caption>`));
    for (const c of children) assert.ok(form.body.includes(`<a href="${ENTRIES}/${c.id}">`), `link to child ${c.id}`);
    assert.match(form.body, /<td>(Baustelle|Beteiligung)<\/td><td>Veröffentlicht<\/td>/, 'type and status of each child');
    assert.ok(form.body.includes(`href="${ENTRIES}/neu?eltern=${parent.id}"`));

    const blank = await s.c.get(`${ENTRIES}/neu?eltern=${parent.id}`, admin.cookie);
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, new RegExp(`<option value="${parent.id}" selected>`));
    assert.match(blank.body, /Neues Unterelement von/);
    assert.equal((await s.c.get(`${ENTRIES}/neu?eltern=999999`, admin.cookie)).statusCode, 404);

    const created = await s.c.post(`${ENTRIES}/neu`, entry(admin.csrf, { title: 'Sprechstunde zur Baustelle', _parent: String(parent.id) }), admin.cookie);
    assert.equal(created.statusCode, 303, created.body);
    const childId = idOf(created);
    assert.equal(await parentOf(childId), parent.id);
    assert.ok((await childTitles(parent.id)).includes('Sprechstunde zur Baustelle'), 'GraphQL lists the new child');
    const childForm = await s.c.get(`${ENTRIES}/${childId}`, admin.cookie);
    assert.match(childForm.body, new RegExp(`<option value="${parent.id}" selected>`));
    assert.ok(childForm.body.includes(`<a href="${ENTRIES}/${parent.id}" class="field-link">Übergeordneten Eintrag öffnen: `));

    // Saving the parent's form (which posts its parent choice, the top level) keeps all children.
    const before = await childTitles(parent.id);
    const page = await s.c.get(`${ENTRIES}/${parent.id}`, admin.cookie);
    const version = /name="_version" value="(\d+)"/.exec(page.body)![1]!;
    const saved = await s.c.post(`${ENTRIES}/${parent.id}`, { ...entry(admin.csrf, { title: `${parent.title} (aktualisiert)`, genericType: /<option value="(\w+)" selected>/.exec(page.body)![1]!, _parent: '' }), _version: version }, admin.cookie);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.deepEqual(await childTitles(parent.id), before);
    // Saving the child keeps it there, too.
    const again = await s.c.post(`${ENTRIES}/${childId}`, { ...entry(admin.csrf, { title: 'Sprechstunde zur Baustelle (verschoben)', _parent: String(parent.id) }), _version: '1' }, admin.cookie);
    assert.equal(again.statusCode, 303, again.body);
    assert.ok((await childTitles(parent.id)).includes('Sprechstunde zur Baustelle (verschoben)'));

    // A child in the trash is listed there (lists show only the top level) and not among the children.
    assert.equal((await s.c.post(`${ENTRIES}/${childId}/papierkorb`, { _csrf: admin.csrf }, admin.cookie)).statusCode, 303);
    assert.ok((await s.c.get('/studio/papierkorb', admin.cookie)).body.includes('Sprechstunde zur Baustelle (verschoben)'));
    assert.ok(!(await s.c.get(`${ENTRIES}/${parent.id}`, admin.cookie)).body.includes(`<a href="${ENTRIES}/${childId}">`));
  });

  it('moves an entry under another and back; refuses loops, too deep trees, foreign parents and bad input', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const create = async (title: string, parent = '') => {
      const res = await s.c.post(`${ENTRIES}/neu`, entry(admin.csrf, { title, _parent: parent }), admin.cookie);
      assert.equal(res.statusCode, 303, res.body);
      return idOf(res);
    };
    const a = await create('Baum A');
    const b = await create('Baum B');
    const c = await create('Baum C', String(b));
    const move = (id: number, parent: string, version: string) => s.c.post(`${ENTRIES}/${id}`, { ...entry(admin.csrf, { title: `Baum ${id}`, _parent: parent }), _version: version }, admin.cookie);

    assert.equal((await move(a, String(c), '1')).statusCode, 303, 'A under C: three levels');
    assert.equal(await parentOf(a), c);
    assert.deepEqual(await childTitles(c), [`Baum ${a}`]);
    // B's form does not offer A or C (they are below B); a crafted post is refused and changes nothing.
    const bForm = await s.c.get(`${ENTRIES}/${b}`, admin.cookie);
    assert.ok(!bForm.body.includes(`<option value="${a}"`) && !bForm.body.includes(`<option value="${c}"`));
    const loop = await move(b, String(a), '1');
    assert.equal(loop.statusCode, 400);
    assert.match(loop.body, /Bitte wählen Sie einen der angebotenen übergeordneten Einträge/);
    assert.equal(await parentOf(b), null);
    // A is on the third level: nothing goes under it.
    const tooDeep = await s.c.post(`${ENTRIES}/neu`, entry(admin.csrf, { title: 'Baum D', _parent: String(a) }), admin.cookie);
    assert.equal(tooDeep.statusCode, 400);
    assert.ok(!(await s.c.get(`${ENTRIES}/${a}`, admin.cookie)).body.includes(`neu?eltern=${a}`), 'no "add" on the third level');
    for (const bad of ['abc', '-1', String(a)]) assert.equal((await move(c, bad, '1')).statusCode, 400, bad);
    const foreign = await s.p.database.system.selectFrom('generic_items as g').innerJoin('tenants as t', 't.id', 'g.tenant_id').select('g.id').where('t.slug', '=', 'wiesenburg').executeTakeFirstOrThrow();
    assert.equal((await move(c, String(foreign.id), '1')).statusCode, 400, 'another tenant’s entry');
    assert.equal(await parentOf(c), b);

    // Back to the top: C is listed again and no longer B's child.
    assert.equal((await move(c, '', '1')).statusCode, 303);
    assert.equal(await parentOf(c), null);
    assert.deepEqual(await childTitles(b), []);
    assert.ok((await s.c.get(`${ENTRIES}?q=Baum`, admin.cookie)).body.includes(`${ENTRIES}/${c}"`));

    // Authors choose only among their own provider's entries.
    const author = await s.c.session('autorin@bad-belzig.demo', 'demo-studio-author');
    const own = await s.c.post(`${ENTRIES}/neu`, entry(author.csrf, { title: 'Eigenes Angebot' }), author.cookie);
    assert.equal(own.statusCode, 303, own.body);
    const authorForm = await s.c.get(`${ENTRIES}/neu`, author.cookie);
    assert.ok(authorForm.body.includes(`<option value="${idOf(own)}"`));
    assert.ok(!authorForm.body.includes(`<option value="${b}"`), 'not another provider’s entry');
    assert.equal((await s.c.post(`${ENTRIES}/neu`, entry(author.csrf, { title: 'Unter fremdem Eintrag', _parent: String(b) }), author.cookie)).statusCode, 400);
    assert.equal((await s.c.get(`${ENTRIES}/neu?eltern=${b}`, author.cookie)).statusCode, 404);
    assert.equal((await s.c.get(`${ENTRIES}/neu?eltern=${b}`, admin.cookie, WB)).statusCode, 303, 'no session on another host');
  });

  it('keeps the tree’s rules in the module itself (loops, depth, ownership, other tenants)', async () => {
    const tenant = s.p.tenants.get('bad-belzig')!;
    const db = s.p.database.forTenant(tenant.id);
    const admin: AccountPrincipal = { kind: 'account', accountId: 0, applicationId: 1, role: 'admin', platformAdmin: false, dataProviderId: null };
    const provider = (await db.selectFrom('data_providers').select('id').orderBy('id').executeTakeFirstOrThrow()).id as number;
    const author: AccountPrincipal = { ...admin, role: 'data_provider', dataProviderId: provider + 1000 };
    const insert = async (title: string, parent: number | null) =>
      (await db.insertInto('generic_items').values({ title, generic_type: 'Offer', parent_id: parent, visible: true, published_at: new Date(), import_key: title }).returning('id').executeTakeFirstOrThrow()).id as number;
    const top = await insert('Modul oben', null);
    const middle = await insert('Modul Mitte', top);
    const low = await insert('Modul unten', middle);
    const loose = await insert('Modul lose', null);
    const refused = (p: Promise<unknown>, code: string) => assert.rejects(p, (e: any) => e.code === code);
    await refused(db.transaction().execute((trx) => moveGenericItem(trx, admin, top, low)), 'VALIDATION');
    await refused(db.transaction().execute((trx) => moveGenericItem(trx, admin, loose, low)), 'VALIDATION');
    await refused(db.transaction().execute((trx) => moveGenericItem(trx, author, loose, top)), 'FORBIDDEN');
    const foreign = (await s.p.database.forTenant(s.p.tenants.get('wiesenburg')!.id).selectFrom('generic_items').select('id').executeTakeFirstOrThrow()).id as number;
    await refused(db.transaction().execute((trx) => moveGenericItem(trx, admin, loose, foreign)), 'VALIDATION');
    await db.transaction().execute((trx) => moveGenericItem(trx, admin, loose, middle));
    assert.equal(await parentOf(loose), middle);
  });
});
