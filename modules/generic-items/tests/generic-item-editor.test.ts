import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
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
});
