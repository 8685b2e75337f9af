import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB } from '../../../test/harness.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import type { Res } from './studio-client.ts';
import { studioSuite } from './studio-suite.ts';

const NEWS = '/studio/inhalte/nachrichten';

describe('studio preview of a record in the citizen app', () => {
  const s = studioSuite();

  const form = (csrf: string, fields: Record<string, string>) => ({ _csrf: csrf, _version: '0', _status: 'draft', _publishAt: '', _unpublishAt: '', body: '<p>Text der Vorschau.</p>', ...fields });
  const idFrom = (res: Res) => Number(/\/(\d+)\?gespeichert/.exec(String(res.headers.location))?.[1]);
  /** The citizen app's page as a browser asks for it (HTML), without any studio cookie. */
  const publicPage = (path: string) => s.p.http.inject({ method: 'GET', url: path, headers: { host: BB, accept: 'text/html' } });
  const firstId = async (table: string, slug = 'bad-belzig') =>
    (await s.p.database.system.selectFrom(`${table} as r`).innerJoin('tenants as t', 't.id', 'r.tenant_id').select(['r.id']).where('t.slug', '=', slug).orderBy('r.id').executeTakeFirstOrThrow()).id as number;

  it('shows a draft in the app’s own news page to the editor, never to the public', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const saved = await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Entwurf für die Vorschau', _provider: '' }), editor.cookie);
    assert.equal(saved.statusCode, 303, saved.body);
    const id = idFrom(saved);

    const formPage = await s.c.get(`${NEWS}/${id}`, editor.cookie);
    assert.match(formPage.body, new RegExp(`<iframe name="vorschau" title="Vorschau in der App" src="${NEWS}/${id}/vorschau"`));
    assert.match(formPage.body, /Vorschau allein öffnen/);

    const preview = await s.c.get(`${NEWS}/${id}/vorschau`, editor.cookie);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1[^>]*>Entwurf für die Vorschau<\/h1>/, 'the web app’s detail view with the draft');
    assert.match(preview.body, /Text der Vorschau\./);
    assert.match(String(preview.headers['content-security-policy']), /frame-ancestors 'self'/, 'framable by the studio');
    assert.doesNotMatch(preview.body, /<script type="module"/, 'a picture of the page, not the app');
    assert.equal(preview.headers['cache-control'], 'no-store');

    // The public app and API still do not know the draft.
    assert.equal((await publicPage(`/nachrichten/${id}`)).statusCode, 404);
    assert.equal((await s.p.http.inject({ method: 'GET', url: `/_data/nachrichten/${id}`, headers: { host: BB } })).statusCode, 404);
    assert.equal((await s.p.gql(BB, `query($id: ID!) { newsItem(id: $id) { id } }`, { id })).body.data.newsItem, null);
    // Not even when the editor’s own browser asks the app: its cookies are not the app’s business.
    assert.equal((await s.p.http.inject({ method: 'GET', url: `/nachrichten/${id}`, headers: { host: BB, accept: 'text/html', cookie: editor.cookie } })).statusCode, 404);

    // A read-only account sees every record in the studio, so the preview too.
    const reader = await s.c.session('lesen@bad-belzig.demo', 'demo-studio-readonly');
    const read = await s.c.get(`${NEWS}/${id}/vorschau`, reader.cookie);
    assert.equal(read.statusCode, 200);
    assert.match(read.body, /Entwurf für die Vorschau/);
  });

  it('refuses authors of another provider, moderators, other tenants and anonymous callers', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const id = idFrom(await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Geheimer Entwurf', _provider: '' }), editor.cookie));
    assert.ok(id > 0);
    const url = `${NEWS}/${id}/vorschau`;
    const hidden = (res: Res, status: number, who: string) => {
      assert.equal(res.statusCode, status, who);
      assert.doesNotMatch(res.body, /Geheimer Entwurf/, who);
    };

    hidden(await s.c.get(url), 403, 'anonymous');
    hidden(await s.c.get(url, 'dp_session=erfunden'), 403, 'unknown session');
    const author = await s.c.session('autorin@bad-belzig.demo', 'demo-studio-author');
    hidden(await s.c.get(url, author.cookie), 403, 'author of another provider');
    const moderator = await s.c.session('moderation@bad-belzig.demo', 'demo-studio-moderator');
    hidden(await s.c.get(url, moderator.cookie), 403, 'moderator');
    // Bad Belzig's session is no session on Wiesenburg's host; Wiesenburg's admin does not find the record.
    hidden(await s.c.get(url, editor.cookie, WB), 403, 'session of another tenant');
    const wiesenburg = await s.c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    hidden(await s.c.get(url, wiesenburg.cookie, WB), 404, 'admin of another tenant');
    hidden(await s.c.get(`${NEWS}/abc/vorschau`, editor.cookie), 404, 'malformed id');

    // The author's own draft: hers to see before anybody else.
    const own = idFrom(await s.c.post(`${NEWS}/neu`, form(author.csrf, { title: 'Entwurf der Autorin' }), author.cookie));
    const mine = await s.c.get(`${NEWS}/${own}/vorschau`, author.cookie);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /Entwurf der Autorin/);

    // In the trash it is gone from the preview too.
    const trashed = await s.c.post(`${NEWS}/${id}/papierkorb`, { _csrf: editor.csrf }, editor.cookie);
    assert.equal(trashed.statusCode, 303);
    hidden(await s.c.get(url, editor.cookie), 404, 'trashed');
  });

  it('shows a scheduled news item before its time', async () => {
    const editor = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const tomorrow = berlinDateTimeLocal(new Date(Date.now() + 86_400_000));
    const id = idFrom(await s.c.post(`${NEWS}/neu`, form(editor.csrf, { title: 'Morgen erst öffentlich', _status: 'published', _publishAt: tomorrow }), editor.cookie));
    assert.match((await s.c.get(`${NEWS}/${id}/vorschau`, editor.cookie)).body, /Morgen erst öffentlich/);
    assert.equal((await publicPage(`/nachrichten/${id}`)).statusCode, 404);
  });

  it('renders hidden events, places and generic items with their own app screens', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const token = await s.p.token('bad-belzig-admin');
    const cases = [
      { table: 'event_records', recordType: 'EventRecord', slug: 'veranstaltungen', app: '/veranstaltungen/', title: 'title' },
      { table: 'points_of_interest', recordType: 'PointOfInterest', slug: 'orte', app: '/orte/', title: 'name' },
      { table: 'generic_items', recordType: 'GenericItem', slug: 'eintraege', app: '/eintrag/', title: 'title' },
    ];
    for (const c of cases) {
      const id = await firstId(c.table);
      const title = (await s.p.database.system.selectFrom(c.table).select(c.title).where('id', '=', id).executeTakeFirstOrThrow())[c.title] as string;
      const hide = await s.p.gql(BB, `mutation($id: ID!, $t: String!) { changeVisibility(id: $id, recordType: $t, visible: false) { statusCode } }`, { id, t: c.recordType }, token);
      assert.equal(hide.body.data.changeVisibility.statusCode, 200, JSON.stringify(hide.body));
      assert.equal((await publicPage(`${c.app}${id}`)).statusCode, 404, `${c.slug}: hidden from the public`);
      const preview = await s.c.get(`/studio/inhalte/${c.slug}/${id}/vorschau`, admin.cookie);
      assert.equal(preview.statusCode, 200, c.slug);
      assert.ok(preview.body.includes(escapeHtml(title)), `${c.slug}: ${title}`);
      assert.match((await s.c.get(`/studio/inhalte/${c.slug}/${id}`, admin.cookie)).body, /<iframe name="vorschau"/);
    }
  });
});

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
