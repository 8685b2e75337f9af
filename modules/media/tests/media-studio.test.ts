import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { hiddenField, multipartBody, studioClient, type Res, type Upload } from '../../studio/tests/studio-client.ts';
import { searchMedia } from '../media-library.ts';
import { fakeExe, jpegWithGps, pngBomb, smallPng, svgWithScript, tinyPdf } from './sample-files.ts';

describe('media library in the studio (/studio/medien)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const loginAs = async (email: string, password: string, host = BB) => {
    const { session } = await c.login(email, password, { host });
    assert.ok(session, `login ${email}`);
    const cookie = `dp_session=${session}`;
    const page = await c.get('/studio/medien', cookie, host);
    return { cookie, page, csrf: hiddenField(page.body), host };
  };
  type Who = Awaited<ReturnType<typeof loginAs>>;
  const upload = async (who: Who, file: Upload | undefined, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Res> => {
    const { payload, contentType } = await multipartBody({ _csrf: who.csrf, alt: 'Der Marktplatz im Sommer', copyright: 'Foto: Stadt Bad Belzig', ...fields }, file);
    return p.http.inject({ method: 'POST', url: '/studio/medien', headers: { host: who.host, cookie: who.cookie, 'content-type': contentType, ...headers }, payload }) as Promise<Res>;
  };
  const bbDb = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const alertOf = (html: string) => /role="alert"[^>]*><p>(.*?)<\/p>/s.exec(html)?.[1] ?? '';

  it('sends visitors without a session to the login and links the library from the start page', async () => {
    const res = await c.get('/studio/medien');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/studio/anmelden?weiter=/studio/medien');
    const editor = await loginAs('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.match((await c.get('/studio', editor.cookie)).body, /href="\/studio\/medien">Mediathek</);
  });

  it('uploads an image through the form and shows it in the library and on its page', async () => {
    const editor = await loginAs('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal(editor.page.statusCode, 200);
    assert.match(editor.page.body, /enctype="multipart\/form-data"/);
    const res = await upload(editor, { name: 'markt.jpg', data: await jpegWithGps(1000, 700), type: 'image/jpeg' });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    assert.match(location, /^\/studio\/medien\/\d+\?neu=1$/);
    const detail = await c.get(location, editor.cookie);
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Die Datei wurde hochgeladen/);
    assert.match(detail.body, /<img src="\/media\/library\/\d+\/[^"]+\/700\.jpg" alt="Der Marktplatz im Sommer" width="700" height="1000"/);
    const list = await c.get('/studio/medien?q=sommer&art=bilder', editor.cookie);
    assert.match(list.body, /<img src="(\/media\/library\/[^"]+\/480\.webp)" alt="Der Marktplatz im Sommer"/);
    const thumb = /<img src="(\/media\/library\/[^"]+\/480\.webp)"/.exec(list.body)![1]!;
    const served = await p.http.inject({ method: 'GET', url: thumb, headers: { host: BB } });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers['content-type'], 'image/webp');
    assert.match((await c.get('/studio/medien?q=gibt-es-nicht', editor.cookie)).body, /Keine Dateien gefunden/);
  });

  it('refuses disguised, script-carrying, oversized and bomb uploads with a clear message and stores nothing', async () => {
    const editor = await loginAs('editor@bad-belzig.demo', 'demo-studio-editor');
    const before = (await searchMedia(bbDb(), {})).total;
    const cases: [Upload, number, RegExp][] = [
      [{ name: 'urlaub.jpg', data: fakeExe(), type: 'image/jpeg' }, 415, /weder ein Bild .* noch ein PDF – geprüft wird der Inhalt/],
      [{ name: 'wappen.svg', data: svgWithScript(), type: 'image/svg+xml' }, 415, /SVG-Dateien werden nicht angenommen/],
      [{ name: 'bombe.png', data: pngBomb(), type: 'image/png' }, 400, /100000 × 100000 Pixeln zu groß/],
      [{ name: 'riesig.pdf', data: Buffer.concat([tinyPdf(), Buffer.alloc(20 * 1024 * 1024 + 1)]), type: 'application/pdf' }, 413, /zu groß: höchstens 20 MB/],
    ];
    for (const [file, status, message] of cases) {
      const res = await upload(editor, file);
      assert.equal(res.statusCode, status, file.name);
      assert.match(alertOf(res.body), message, file.name);
    }
    const noAlt = await upload(editor, { name: 'ohne.png', data: await smallPng() }, { alt: '', copyright: 'Meine Angabe' });
    assert.equal(noAlt.statusCode, 400);
    assert.match(alertOf(noAlt.body), /Alternativtext/);
    assert.match(noAlt.body, /value="Meine Angabe"/, 'what was typed stays');
    assert.equal((await upload(editor, undefined)).statusCode, 400);
    assert.equal((await upload(editor, { name: 'x.png', data: await smallPng() }, { _csrf: 'x'.repeat(43) })).statusCode, 403);
    assert.equal((await upload(editor, { name: 'x.png', data: await smallPng() }, {}, { origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await searchMedia(bbDb(), {})).total, before);
  });

  it('lets moderators and read-only staff look but not change; authors change only their own files', async () => {
    const editor = await loginAs('editor@bad-belzig.demo', 'demo-studio-editor');
    const byEditor = String((await upload(editor, { name: 'satzung.pdf', data: tinyPdf() }, { alt: '', copyright: '' })).headers.location).replace('?neu=1', '');
    for (const [email, password] of [
      ['moderation@bad-belzig.demo', 'demo-studio-moderator'],
      ['lesen@bad-belzig.demo', 'demo-studio-readonly'],
    ]) {
      const who = await loginAs(email!, password!);
      assert.equal(who.page.statusCode, 200);
      assert.doesNotMatch(who.page.body, /multipart/, `${email}: no upload form`);
      assert.match(who.page.body, /ansehen, aber nichts hochladen/);
      assert.equal((await upload(who, { name: 'x.png', data: await smallPng() })).statusCode, 403, email);
      const detail = await c.get(byEditor, who.cookie);
      assert.equal(detail.statusCode, 200);
      assert.doesNotMatch(detail.body, /name="aktion"/);
      assert.equal((await c.post(byEditor, { _csrf: who.csrf, aktion: 'loeschen' }, who.cookie)).statusCode, 403, email);
    }
    const author = await loginAs('autorin@bad-belzig.demo', 'demo-studio-author');
    assert.equal((await c.post(byEditor, { _csrf: author.csrf, aktion: 'loeschen' }, author.cookie)).statusCode, 403);
    const own = String((await upload(author, { name: 'eigen.png', data: await smallPng() })).headers.location).replace('?neu=1', '');
    const saved = await c.post(own, { _csrf: author.csrf, aktion: 'speichern', alt: 'Eigenes Bild', copyright: 'Anna' }, author.cookie);
    assert.equal(saved.statusCode, 200);
    assert.match(saved.body, /gespeichert/);
    assert.match(saved.body, /alt="Eigenes Bild"/);
  });

  it('edits and deletes, and keeps Wiesenburg’s admin away from Bad Belzig’s files', async () => {
    const editor = await loginAs('editor@bad-belzig.demo', 'demo-studio-editor');
    const url = String((await upload(editor, { name: 'rathaus.png', data: await smallPng() })).headers.location).replace('?neu=1', '');
    const id = Number(url.split('/').pop());
    const src = /<img src="([^"]+)"/.exec((await c.get(url, editor.cookie)).body)![1]!;

    const wb = await loginAs('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    assert.doesNotMatch(wb.page.body, /rathaus\.png|markt\.jpg/);
    assert.equal((await c.get(url, wb.cookie, WB)).statusCode, 404);
    assert.equal((await c.post(url, { _csrf: wb.csrf, aktion: 'loeschen' }, wb.cookie, {}, WB)).statusCode, 404);
    assert.equal((await c.get(url, editor.cookie)).statusCode, 200, 'still there');

    const empty = await c.post(url, { _csrf: editor.csrf, aktion: 'speichern', alt: '', copyright: 'X' }, editor.cookie);
    assert.equal(empty.statusCode, 400);
    assert.match(alertOf(empty.body), /Alternativtext/);
    assert.equal((await c.post(url, { _csrf: 'x'.repeat(43), aktion: 'loeschen' }, editor.cookie)).statusCode, 403);
    const deleted = await c.post(url, { _csrf: editor.csrf, aktion: 'loeschen' }, editor.cookie);
    assert.equal(deleted.statusCode, 303);
    assert.match((await c.get(String(deleted.headers.location), editor.cookie)).body, /Die Datei wurde gelöscht/);
    assert.equal((await c.get(url, editor.cookie)).statusCode, 404);
    assert.equal((await p.http.inject({ method: 'GET', url: src, headers: { host: BB } })).statusCode, 404, 'files removed');
    assert.equal((await c.get('/studio/medien/abc', editor.cookie)).statusCode, 404);
    assert.ok(!(await searchMedia(bbDb(), {})).items.some((m) => m.id === id));
  });
});
