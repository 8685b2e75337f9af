import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { BB, WB } from '../../../test/harness.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { hiddenField, type Res } from './studio-client.ts';
import { storeUpload } from '../../media/media-library.ts';
import { smallPng } from '../../media/tests/sample-files.ts';
import { assertRoundTrip } from './editor-round-trip.ts';
import { newsEditor } from '../../news/studio/news-editor.ts';

const NEWS = '/studio/inhalte/nachrichten';
const DETAIL = `query($id: ID!) { newsItem(id: $id) { id title contentBlocks { intro body } categories { name } } }`;
const LIST = `{ newsItems(limit: 1000) { id } }`;
import { studioSuite } from './studio-suite.ts';

describe('studio content editing (news)', () => {
  const s = studioSuite();

  const sessionOf = (email: string, password: string, host = BB) => s.c.session(email, password, host);
  const idFrom = (res: Res) => Number(/\/nachrichten\/(\d+)\?gespeichert/.exec(String(res.headers.location))?.[1]);
  const listedForApp = async (id: number) => (await s.p.gql(BB, LIST)).body.data.newsItems.some((n: { id: string }) => Number(n.id) === id);
  const row = (id: number) => s.p.database.system.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const category = async () => (await s.p.database.system.selectFrom('categories').select('name').orderBy('id').executeTakeFirstOrThrow()).name as string;
  const form = (csrf: string, fields: Record<string, string | string[]>) => ({ _csrf: csrf, _version: '0', _status: 'published', _publishAt: '', _unpublishAt: '', title: '', body: '', ...fields });

  it('lists, searches and pages the news of the tenant only', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const title = (await s.p.database.system.selectFrom('news_items as n').innerJoin('tenants as t', 't.id', 'n.tenant_id').select('n.title').where('t.slug', '=', 'bad-belzig').orderBy('n.id').executeTakeFirstOrThrow()).title as string;
    const page = await s.c.get(NEWS, editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /50 Einträge/);
    assert.match(page.body, /Seite 1 von 3/);
    const found = await s.c.get(`${NEWS}?q=${encodeURIComponent(title.slice(0, 12))}`, editor.cookie);
    assert.ok(found.body.includes(title));
    assert.doesNotMatch(found.body, /50 Einträge/);
    const wiesenburg = (await s.p.database.system.selectFrom('news_items as n').innerJoin('tenants as t', 't.id', 'n.tenant_id').select('n.title').where('t.slug', '=', 'wiesenburg').executeTakeFirstOrThrow()).title as string;
    assert.ok(!(await s.c.get(`${NEWS}?q=${encodeURIComponent(wiesenburg)}`, editor.cookie)).body.includes(`>${wiesenburg}<`));
    assert.equal((await s.c.get(`${NEWS}?seite=abc&status=nonsense&sort=x`, editor.cookie)).statusCode, 200);
    assert.equal((await s.c.get(NEWS)).statusCode, 303, 'login first');
  });

  it('refuses bad input with German messages, keeps it, and strips script from rich text', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const before = (await s.p.database.system.selectFrom('news_items').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const bad = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: '', body: '<p>Mein Text</p>', sourceUrl: 'javascript:alert(1)', _unpublishAt: '31.02.2026 10:00', categories: ['Gibt es nicht'] }), editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Bitte füllen Sie „Titel“ aus\./);
    assert.match(bad.body, /muss eine Webadresse sein/);
    assert.match(bad.body, /kein gültiger Zeitpunkt/);
    assert.match(bad.body, /unbekannte Kategorie/);
    assert.match(bad.body, /Mein Text/, 'typed text is kept');
    assert.match(bad.body, /aria-invalid="true"/);
    assert.equal((await s.p.database.system.selectFrom('news_items').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n, before, 'nothing written');

    const ok = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Sicher', body: '<p onclick="x()">Hallo <script>alert(1)</script><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">Link</a></p>' }), editor.cookie);
    assert.equal(ok.statusCode, 303, ok.body);
    const body = (await row(idFrom(ok))).content_blocks[0].body as string;
    assert.doesNotMatch(body, /script|onerror|onclick|javascript:/);
    assert.match(body, /Hallo/);
  });

  it('schedules a news item: hidden from the app until its time, then listed by the job', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const name = await category();
    const at = new Date(Date.now() + 2 * 86_400_000);
    const res = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Geplante Baustelleninfo', intro: 'Ab Montag', body: '<p>Die Straße wird gesperrt.</p>', categories: [name], _publishAt: berlinDateTimeLocal(at) }), editor.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res);
    const edit = await s.c.get(String(res.headers.location), editor.cookie);
    assert.match(edit.body, /Gespeichert\./);
    assert.equal((await row(id)).visible, false);
    assert.equal(await listedForApp(id), false);
    assert.equal((await s.p.gql(BB, DETAIL, { id })).body.data.newsItem, null);
    assert.match((await s.c.get(`${NEWS}?status=scheduled`, editor.cookie)).body, /Geplante Baustelleninfo/);

    // Its time comes: move the planned instant (and the jobs) into the past and let the jobs run.
    await s.p.database.system.updateTable('editorial_states').set({ publish_at: sql`now() - interval '1 second'` }).where('record_id', '=', id).execute();
    await s.p.database.system.updateTable('news_items').set({ published_at: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    await s.p.database.system.updateTable('jobs').set({ run_at: sql`now() - interval '1 second'` }).where('dedupe_key', 'like', `%:${id}%`).execute();
    assert.ok((await s.p.jobs.runDue()) >= 2);
    assert.equal((await row(id)).visible, true);
    let listed = false;
    for (let i = 0; i < 30 && !listed; i++) {
      listed = await listedForApp(id);
      if (!listed) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(listed, 'listed for the app');
    const item = (await s.p.gql(BB, DETAIL, { id })).body.data.newsItem;
    assert.equal(item.title, 'Geplante Baustelleninfo');
    assert.equal(item.contentBlocks[0].intro, 'Ab Montag');
    assert.deepEqual(item.categories.map((x: { name: string }) => x.name), [name]);
    const app = await s.p.http.inject({ method: 'GET', url: `/nachrichten/${id}`, headers: { host: BB, accept: 'text/html' } });
    assert.equal(app.statusCode, 200);
    assert.match(app.body, /Die Straße wird gesperrt/);
  });

  it('tells the second of two concurrent saves that the item changed, keeping its input', async () => {
    const a = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const b = await sessionOf('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const created = await s.c.post(`${NEWS}/neu`, form(a.csrf, { title: 'Gemeinsam', body: '<p>Anfang</p>' }), a.cookie);
    const id = idFrom(created);
    const url = `${NEWS}/${id}`;
    const version = hiddenField((await s.c.get(url, a.cookie)).body, '_version');
    assert.equal(version, '1');
    assert.equal((await s.c.post(url, form(a.csrf, { _version: version, title: 'Gemeinsam', body: '<p>Fassung A</p>' }), a.cookie)).statusCode, 303);
    const second = await s.c.post(url, form(b.csrf, { _version: version, title: 'Gemeinsam', body: '<p>Fassung B</p>' }), b.cookie);
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /editor@bad-belzig\.demo hat diesen Eintrag inzwischen geändert/);
    assert.match(second.body, /Fassung B/, 'the input survives');
    assert.equal((await row(id)).content_blocks[0].body, '<p>Fassung A</p>', 'the first save is not overwritten');
    // Saving again from the shown form is a conscious overwrite, and both versions stay in the history.
    assert.equal((await s.c.post(url, form(b.csrf, { _version: hiddenField(second.body, '_version'), title: 'Gemeinsam', body: '<p>Fassung B</p>' }), b.cookie)).statusCode, 303);
    const audited = await s.p.database.system.selectFrom('audit_log').select(['actor', 'action']).where('target_type', '=', 'NewsItem').where('target_id', '=', String(id)).orderBy('id').execute();
    assert.deepEqual(audited.map((e) => `${e.actor} ${e.action}`), ['editor@bad-belzig.demo studio:content.created', 'editor@bad-belzig.demo studio:content.updated', 'redaktion@bad-belzig.demo studio:content.updated']);
    const history = await s.c.get(`${url}/versionen`, a.cookie);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /redaktion@bad-belzig\.demo/);
    assert.match(history.body, /geändert: Text/);
    // An earlier version can be loaded into the form and saved again.
    const v2 = await s.c.get(`${url}?version=2`, a.cookie);
    assert.match(v2.body, /Fassung A/);
    assert.match(v2.body, /Version 2 vom/);
    assert.equal((await s.c.post(url, form(a.csrf, { _version: hiddenField(v2.body, '_version'), title: 'Gemeinsam', body: '<p>Fassung A</p>' }), a.cookie)).statusCode, 303);
    assert.equal((await row(id)).content_blocks[0].body, '<p>Fassung A</p>');
  });

  it('moves to the trash (gone from the app at once) and restores as a draft; the purge job deletes after 30 days', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const id = idFrom(await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Wegwerfbar', body: '<p>x</p>' }), editor.cookie));
    assert.equal(await listedForApp(id), true);
    const trashed = await s.c.post(`${NEWS}/${id}/papierkorb`, { _csrf: editor.csrf }, editor.cookie);
    assert.equal(trashed.statusCode, 303);
    assert.match((await s.c.get(String(trashed.headers.location), editor.cookie)).body, /„Wegwerfbar“ liegt im Papierkorb/);
    assert.equal(await listedForApp(id), false);
    assert.equal((await s.c.get(`${NEWS}/${id}`, editor.cookie)).statusCode, 404);
    const trash = await s.c.get('/studio/papierkorb', editor.cookie);
    assert.match(trash.body, /Wegwerfbar/);

    const restored = await s.c.post(`${NEWS}/${id}/wiederherstellen`, { _csrf: editor.csrf }, editor.cookie);
    assert.equal(restored.statusCode, 303);
    const page = await s.c.get(String(restored.headers.location), editor.cookie);
    assert.match(page.body, /wurde wiederhergestellt/);
    assert.match(page.body, /value="draft" checked/);
    assert.equal((await row(id)).visible, false, 'restored as a draft');

    // Trashed again; 30 days later the purge job removes it with its history.
    await s.c.post(`${NEWS}/${id}/papierkorb`, { _csrf: editor.csrf }, editor.cookie);
    await s.p.database.system.updateTable('editorial_states').set({ deleted_at: sql`now() - interval '31 days'` }).where('record_id', '=', id).execute();
    await s.p.database.system.updateTable('jobs').set({ run_at: sql`now() - interval '1 second'` }).where('dedupe_key', '=', `studio.purge-trashed:NewsItem:${id}`).execute();
    assert.ok((await s.p.jobs.runDue()) >= 1);
    assert.equal(await s.p.database.system.selectFrom('news_items').select('id').where('id', '=', id).executeTakeFirst(), undefined);
    assert.equal((await s.p.database.system.selectFrom('content_revisions').select('id').where('record_id', '=', id).execute()).length, 0);
  });

  it('lets an author edit only their own provider’s items, even with a crafted request', async () => {
    const author = await sessionOf('autorin@bad-belzig.demo', 'demo-studio-author');
    const own = await s.c.post(`${NEWS}/neu`, form(author.csrf, { title: 'Von der Autorin', body: '<p>x</p>', _provider: '999' }), author.cookie);
    assert.equal(own.statusCode, 303, own.body);
    const ownRow = await row(idFrom(own));
    const account = await s.p.database.system.selectFrom('memberships').select('data_provider_id').where('account_id', '=', sql<number>`(SELECT id FROM accounts WHERE email = 'autorin@bad-belzig.demo')`).executeTakeFirstOrThrow();
    assert.equal(ownRow.data_provider_id, account.data_provider_id, 'always the author’s own provider');
    const foreign = await s.p.database.system
      .selectFrom('news_items as n')
      .innerJoin('tenants as t', 't.id', 'n.tenant_id')
      .select(['n.id', 'n.title'])
      .where('t.slug', '=', 'bad-belzig')
      .where((eb) => eb.or([eb('n.data_provider_id', '!=', account.data_provider_id), eb('n.data_provider_id', 'is', null)]))
      .executeTakeFirstOrThrow();
    assert.ok(!(await s.c.get(NEWS, author.cookie)).body.includes(`>${foreign.title}<`), 'not listed');
    assert.equal((await s.c.get(`${NEWS}/${foreign.id}`, author.cookie)).statusCode, 403);
    const crafted = await s.c.post(`${NEWS}/${foreign.id}`, form(author.csrf, { title: 'Übernommen', body: '<p>x</p>' }), author.cookie);
    assert.equal(crafted.statusCode, 403);
    assert.equal((await s.c.post(`${NEWS}/${foreign.id}/papierkorb`, { _csrf: author.csrf }, author.cookie)).statusCode, 403);
    assert.equal((await row(foreign.id)).title, foreign.title);
  });

  it('keeps moderators out, shows read-only accounts a disabled form, and isolates tenants', async () => {
    const mod = await sessionOf('moderation@bad-belzig.demo', 'demo-studio-moderator');
    assert.equal((await s.c.get(NEWS, mod.cookie)).statusCode, 403);
    const anyId = (await row((await s.p.database.system.selectFrom('news_items').select('id').orderBy('id').executeTakeFirstOrThrow()).id)).id;
    assert.equal((await s.c.post(`${NEWS}/${anyId}`, form(mod.csrf, { title: 'x', body: 'x' }), mod.cookie)).statusCode, 403);
    assert.equal((await s.c.post(`${NEWS}/neu`, form(mod.csrf, { title: 'x', body: 'x' }), mod.cookie)).statusCode, 403);

    const reader = await sessionOf('lesen@bad-belzig.demo', 'demo-studio-readonly');
    const view = await s.c.get(`${NEWS}/${anyId}`, reader.cookie);
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /<fieldset disabled[ >]/);
    assert.equal((await s.c.post(`${NEWS}/${anyId}`, form(reader.csrf, { title: 'x', body: 'x' }), reader.cookie)).statusCode, 403);

    const wb = await sessionOf('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    assert.equal((await s.c.get(`${NEWS}/${anyId}`, wb.cookie, WB)).statusCode, 404, 'a Bad Belzig item does not exist in Wiesenburg');
    assert.equal((await s.c.post(`${NEWS}/${anyId}`, form(wb.csrf, { title: 'x', body: 'x' }), wb.cookie, {}, WB)).statusCode, 404);
    // A Bad Belzig session is no session on Wiesenburg's host.
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal((await s.c.get(NEWS, editor.cookie, WB)).statusCode, 303);
  });

  it('refuses a form without the session’s token, and keeps the input when the session expired meanwhile', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const forged = await s.c.post(`${NEWS}/neu`, form('x'.repeat(43), { title: 'Gefälscht', body: '<p>x</p>' }), editor.cookie);
    assert.equal(forged.statusCode, 403);
    const foreignOrigin = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Gefälscht', body: '<p>x</p>' }), editor.cookie, { origin: 'https://evil.example' });
    assert.equal(foreignOrigin.statusCode, 403);
    assert.equal(await s.p.database.system.selectFrom('news_items').select('id').where('title', '=', 'Gefälscht').executeTakeFirst(), undefined);

    // The session ends while the form is open; the post shows the form again with a login in it.
    await s.p.database.system.deleteFrom('sessions').execute();
    const expired = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Lange getippt', body: '<p>Viel Text</p>' }), editor.cookie);
    assert.equal(expired.statusCode, 401);
    assert.match(expired.body, /Sitzung ist abgelaufen/);
    assert.match(expired.body, /Lange getippt/);
    assert.match(expired.body, /Viel Text/);
    const loginCsrf = /name="dp_login_csrf=([^;]+)/.exec(String(expired.headers['set-cookie']))?.[1] ?? String(expired.headers['set-cookie']).match(/dp_login_csrf=([^;]+)/)?.[1];
    assert.ok(loginCsrf);
    const relogin = await s.c.post(
      `${NEWS}/neu`,
      { ...form('', { title: 'Lange getippt', body: '<p>Viel Text</p>' }), _relogin: '1', _logincsrf: hiddenField(expired.body, '_logincsrf'), _email: 'editor@bad-belzig.demo', _password: 'demo-studio-editor' },
      `dp_login_csrf=${loginCsrf}`,
    );
    assert.equal(relogin.statusCode, 200);
    assert.match(relogin.body, /wieder angemeldet/);
    assert.match(relogin.body, /Lange getippt/);
    const session = String(relogin.headers['set-cookie']).match(/dp_session=([^;]+)/)?.[1];
    assert.ok(session, 'a new session');
    // Saving from the shown form works with the new session's token.
    const saved = await s.c.post(`${NEWS}/neu`, form(hiddenField(relogin.body), { title: 'Lange getippt', body: '<p>Viel Text</p>' }), `dp_session=${session}`);
    assert.equal(saved.statusCode, 303);
  });

  it('puts a library image with its alt text and copyright into the news item, and keeps other media', async () => {
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    const tenant = s.p.tenants.get('bad-belzig')!;
    const file = await storeUpload(s.p.database.forTenant(tenant.id), tenant.id, { filename: 'markt.png', data: await smallPng(1200, 800) }, { alt: 'Marktplatz im Herbst', copyright: 'Stadt Bad Belzig' }, 1);
    const page = await s.c.get(`${NEWS}/neu`, editor.cookie);
    assert.ok(page.body.includes(`<option value="${file.url}">Marktplatz im Herbst (markt.png)</option>`));
    const bad = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Mit Bild', body: '<p>x</p>', image: '/media/fremd.jpg' }), editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /dieses Bild gibt es nicht in der Mediathek/);
    const res = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Mit Bild', body: '<p>x</p>', image: file.url }), editor.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const id = idFrom(res);
    const media = `query($id: ID!) { newsItem(id: $id) { contentBlocks { mediaContents { contentType captionText copyright sourceUrl { url } } } } }`;
    const shown = (await s.p.gql(BB, media, { id })).body.data.newsItem.contentBlocks[0].mediaContents;
    assert.equal(shown.length, 1);
    assert.equal(shown[0].contentType, 'image');
    assert.equal(shown[0].captionText, 'Marktplatz im Herbst');
    assert.equal(shown[0].copyright, 'Stadt Bad Belzig');
    assert.equal(shown[0].sourceUrl.url, `http://${BB}${file.url}`);

    // A seeded item's imported image is not in the library: saving the form keeps it as it was.
    const seeded = await s.p.database.system
      .selectFrom('news_items as n')
      .innerJoin('tenants as t', 't.id', 'n.tenant_id')
      .select(['n.id', 'n.content_blocks'])
      .where('t.slug', '=', 'bad-belzig')
      .where(sql<boolean>`n.content_blocks::text LIKE '%"contentType": "image"%'`)
      .executeTakeFirstOrThrow();
    const before = seeded.content_blocks[0].mediaContents;
    const formPage = await s.c.get(`${NEWS}/${seeded.id}`, editor.cookie);
    assert.match(formPage.body, /Bisheriges Bild/);
    const image = /<select id="f-image"[^>]*>.*?<option value="([^"]+)" selected/.exec(formPage.body)?.[1];
    assert.ok(image, 'the current image is selected');
    const saved = await s.c.post(`${NEWS}/${seeded.id}`, form(editor.csrf, { _version: hiddenField(formPage.body, '_version'), title: 'Neu betitelt', body: '<p>y</p>', image }), editor.cookie);
    assert.equal(saved.statusCode, 303, saved.body);
    const after = (await row(seeded.id)).content_blocks[0].mediaContents;
    assert.deepEqual(after.map((m: any) => m.sourceUrl?.url), before.map((m: any) => m.sourceUrl?.url));
  });

  it('edits an imported news item without losing anything the form does not show', async () => {
    const FULL = `query($id: ID!) { newsItem(id: $id) { title author publishedAt showPublishDate fullVersion charactersToBeShown newsType payload
      sourceUrl { url description } address { street city } categories { name }
      contentBlocks { title intro body mediaContents { contentType captionText copyright sourceUrl { url } } } } }`;
    const seeded = await s.p.database.system.selectFrom('news_items as n').innerJoin('tenants as t', 't.id', 'n.tenant_id').select('n.id').where('t.slug', '=', 'bad-belzig').where('n.payload', 'is not', null).orderBy('n.id').executeTakeFirst();
    const id = seeded?.id ?? (await s.p.database.system.selectFrom('news_items').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const admin = await sessionOf('redaktion@bad-belzig.demo', 'demo-studio-admin');
    await assertRoundTrip(s.p, s.c, { editor: newsEditor, id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token: await s.p.token('bad-belzig-admin') });
  });

  it('offers in its navigation only the sections the account may use, marking the current one', async () => {
    const navOf = async (email: string, password: string, path = '/studio') => {
      const session = await sessionOf(email, password);
      const html = (await s.c.get(path, session.cookie)).body;
      const nav = /<nav class="studio-nav"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
      return { links: [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]), current: /href="([^"]+)" aria-current="page"/.exec(nav)?.[1] };
    };
    const editor = await navOf('editor@bad-belzig.demo', 'demo-studio-editor', `${NEWS}?sort=title`);
    assert.ok(editor.links.includes('/studio/inhalte') && !editor.links.includes('/studio/konten'), editor.links.join());
    assert.equal(editor.current, '/studio/inhalte');
    const admin = await navOf('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.ok(admin.links.includes('/studio/konten') && admin.links.includes('/studio/protokoll'));
    assert.equal(admin.current, '/studio');
    const mod = await navOf('moderation@bad-belzig.demo', 'demo-studio-moderator');
    assert.ok(!mod.links.includes('/studio/inhalte') && !mod.links.includes('/studio/konten'));
  });
});
