import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { hiddenField, studioClient } from './studio-client.ts';

describe('studio accounts and roles (tenant admins only)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const sessionOf = async (email: string, password: string, host = BB) => {
    const { session } = await c.login(email, password, { host });
    assert.ok(session, `login ${email}`);
    const cookie = `dp_session=${session}`;
    const page = await c.get('/studio/konten', cookie, host);
    return { cookie, page, csrf: hiddenField(page.body) };
  };
  const accountId = (html: string, email: string) => {
    const row = html.split('<tr>').find((r) => r.includes(email));
    return /name="konto" value="(\d+)"/.exec(row ?? '')?.[1];
  };

  it('is refused on the server for everyone but admins', async () => {
    assert.equal((await c.get('/studio/konten')).statusCode, 303);
    const editor = await sessionOf('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal(editor.page.statusCode, 403);
    assert.match(editor.page.body, /Nur die Administration/);
    const editorCsrf = hiddenField((await c.get('/studio', editor.cookie)).body);
    const crafted = await c.post('/studio/konten', { _csrf: editorCsrf, aktion: 'einladen', email: 'x@example.org', rolle: 'admin' }, editor.cookie);
    assert.equal(crafted.statusCode, 403);
  });

  it('lists the staff, invites an author who sets a password by mail, changes and removes roles', async () => {
    const admin = await sessionOf('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.equal(admin.page.statusCode, 200);
    for (const email of ['editor@bad-belzig.demo', 'autorin@bad-belzig.demo', 'moderation@bad-belzig.demo', 'lesen@bad-belzig.demo']) assert.ok(admin.page.body.includes(email), email);
    assert.ok(!admin.page.body.includes('app@bad-belzig.demo'), 'app accounts are not staff');

    const provider = /<option value="(\d+)">Stadtverwaltung/.exec(admin.page.body)?.[1];
    assert.ok(provider, 'data providers offered');
    const noProvider = await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'einladen', email: 'neu@bad-belzig.demo', name: 'Nora Neu', rolle: 'data_provider', anbieter: '' }, admin.cookie);
    assert.equal(noProvider.statusCode, 400);
    assert.match(noProvider.body, /Datenanbieter gewählt/);
    const bad = await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'einladen', email: 'kein-mail', rolle: 'editor' }, admin.cookie);
    assert.equal(bad.statusCode, 400);
    const noCsrf = await c.post('/studio/konten', { _csrf: 'x'.repeat(43), aktion: 'einladen', email: 'neu@bad-belzig.demo', rolle: 'editor' }, admin.cookie);
    assert.equal(noCsrf.statusCode, 403);

    const invited = await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'einladen', email: 'neu@bad-belzig.demo', name: 'Nora Neu', rolle: 'data_provider', anbieter: provider! }, admin.cookie);
    assert.equal(invited.statusCode, 200);
    assert.match(invited.body, /neu@bad-belzig.demo wurde eingeladen/);
    assert.match(invited.body, /Einladung offen/);
    const mailbox = (await c.get('/studio/postfach')).body;
    const token = /passwort-neu\?token=([A-Za-z0-9_-]+)/.exec(mailbox)?.[1];
    assert.ok(token, 'invitation mail with a set-password link');
    const set = await c.submit(`/studio/passwort-neu?token=${token}`, '/studio/passwort-neu', { token: token!, password: 'noras-passwort', repeat: 'noras-passwort' });
    assert.equal(set.statusCode, 303);
    const nora = await c.login('neu@bad-belzig.demo', 'noras-passwort');
    assert.equal(nora.res.statusCode, 303);
    assert.match((await c.get('/studio', `dp_session=${nora.session}`)).body, /Autorin\/Autor/);

    const editorId = accountId(admin.page.body, 'editor@bad-belzig.demo')!;
    const changed = await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'aendern', konto: editorId, rolle: 'read_only', anbieter: '' }, admin.cookie);
    assert.equal(changed.statusCode, 200);
    const editorNow = await c.login('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.match((await c.get('/studio', `dp_session=${editorNow.session}`)).body, /Rolle „Nur lesen“/);

    const moderator = await c.login('moderation@bad-belzig.demo', 'demo-studio-moderator');
    const modId = accountId(admin.page.body, 'moderation@bad-belzig.demo')!;
    assert.equal((await c.post('/studio/konten', { _csrf: admin.csrf, aktion: 'entfernen', konto: modId }, admin.cookie)).statusCode, 200);
    assert.equal((await c.get('/studio', `dp_session=${moderator.session}`)).statusCode, 303, 'session ended');
    assert.equal((await c.login('moderation@bad-belzig.demo', 'demo-studio-moderator')).res.statusCode, 403);

    const selfId = accountId(admin.page.body, 'redaktion@bad-belzig.demo');
    assert.equal(selfId, undefined, 'no forms for one’s own account');
  });

  it('keeps municipalities apart: an admin of Wiesenburg cannot touch a Bad Belzig account', async () => {
    const bbAdmin = await sessionOf('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const lesenId = accountId(bbAdmin.page.body, 'lesen@bad-belzig.demo')!;
    const wb = await sessionOf('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    assert.ok(!wb.page.body.includes('bad-belzig.demo'));
    const res = await c.post('/studio/konten', { _csrf: wb.csrf, aktion: 'entfernen', konto: lesenId }, wb.cookie, {}, WB);
    assert.equal(res.statusCode, 404);
    assert.equal((await c.login('lesen@bad-belzig.demo', 'demo-studio-readonly')).res.statusCode, 303, 'still has access in Bad Belzig');
  });
});
