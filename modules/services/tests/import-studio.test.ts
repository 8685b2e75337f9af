import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestPlatform, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { hiddenField, multipartBody, studioClient, type Res, type Upload } from '../../studio/tests/studio-client.ts';
import { MAX_IMPORT_BYTES } from '../import/upload-text.ts';

const PATH = '/studio/verwaltungsleistungen/import';
const fixture = (name: string) => readFileSync(new URL(`./import-fixtures/${name}`, import.meta.url));

describe('studio: importing services from a file (/studio/verwaltungsleistungen/import)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  type Who = { cookie: string; csrf: string; host: string };
  const who = {} as Record<'admin' | 'editor' | 'author' | 'wbAdmin', Who>;
  before(async () => {
    p = await startTestPlatform();
    c = studioClient(p, BB);
    const login = async (email: string, password: string, host = BB) => ({ ...(await c.session(email, password, host)), host });
    who.admin = await login('redaktion@bad-belzig.demo', 'demo-studio-admin');
    who.editor = await login('editor@bad-belzig.demo', 'demo-studio-editor');
    who.author = await login('autorin@bad-belzig.demo', 'demo-studio-author');
    who.wbAdmin = await login('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
  });
  after(() => p?.close());

  const upload = async (w: Who, file?: Upload, fields: Record<string, string> = { _csrf: w.csrf }, headers: Record<string, string> = {}): Promise<Res> => {
    const { payload, contentType } = await multipartBody(fields, file);
    return p.http.inject({ method: 'POST', url: PATH, headers: { host: w.host, cookie: w.cookie, 'content-type': contentType, ...headers }, payload }) as Promise<Res>;
  };
  const xml = { name: 'xzufi-export.xml', data: fixture('xzufi-export.xml'), type: 'text/xml' };
  const db = (slug = 'bad-belzig') => p.database.forTenant(p.tenants.get(slug)!.id);
  const fileServices = async (slug = 'bad-belzig') => (await db(slug).selectFrom('ozg_services').select('source_id').where('source', '=', 'file').execute()).length;
  const runCount = async (slug = 'bad-belzig') => (await db(slug).selectFrom('ozg_sync_runs').select('id').where('trigger', '=', 'upload').execute()).length;
  const alertOf = (html: string) => /role="alert"[^>]*>(?:<p>)?(.*?)<\/p>/s.exec(html)?.[1] ?? '';

  it('sends visitors to the login and shows admins a plain upload form', async () => {
    const anonymous = await c.get(PATH);
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/studio\/anmelden\?weiter=\/studio\/verwaltungsleistungen\/import/);
    const page = await c.get(PATH, who.admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post" action="\/studio\/verwaltungsleistungen\/import" enctype="multipart\/form-data"/);
    assert.equal(hiddenField(page.body), who.admin.csrf);
    assert.match(page.body, /<label for="import-file">Exportdatei \(XML oder JSON\)<\/label>/);
    assert.match(page.body, /<input id="import-file" name="datei" type="file" required /);
    assert.match(page.body, /Bisher wurde keine Datei importiert\./);
  });

  it('refuses editors and authors, reading and writing', async () => {
    for (const w of [who.editor, who.author]) {
      const page = await c.get(PATH, w.cookie);
      assert.equal(page.statusCode, 403);
      assert.match(alertOf(page.body), /nur die Administration/);
      assert.doesNotMatch(page.body, /multipart/);
      const res = await upload(w, xml);
      assert.equal(res.statusCode, 403);
    }
    assert.equal(await fileServices(), 0);
    assert.equal(await runCount(), 0, 'not even a run is recorded');
  });

  it('refuses a form without a valid token or from another site, before reading the file', async () => {
    const tokenless = await upload(who.admin, xml, {});
    assert.equal(tokenless.statusCode, 400, 'our form always has the token: without one it is no form of ours');
    assert.match(alertOf(tokenless.body), /Das Formular konnte nicht gelesen werden/);
    for (const [fields, headers] of [
      [{ _csrf: 'gefälscht' }, {}],
      [{ _csrf: who.admin.csrf }, { origin: 'https://evil.example' }],
    ] as [Record<string, string>, Record<string, string>][]) {
      const res = await upload(who.admin, xml, fields, headers);
      assert.equal(res.statusCode, 403, JSON.stringify(fields));
      assert.match(alertOf(res.body), /abgelaufen|neu/i);
    }
    assert.equal(await fileServices(), 0);
    assert.equal(await runCount(), 0);
  });

  it('imports an admin’s upload and shows what changed', async () => {
    const res = await upload(who.admin, xml);
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    assert.match(location, /^\/studio\/verwaltungsleistungen\/import\?lauf=\d+$/);
    assert.equal(await fileServices(), 3);
    const result = await c.get(location, who.admin.cookie);
    assert.equal(result.statusCode, 200);
    assert.match(result.body, /role="status"><p>Die Datei wurde importiert\.<\/p>/);
    assert.match(result.body, /<th scope="row">Leistungen<\/th><td>3<\/td><td>0<\/td><td>0<\/td><td>0<\/td>/);
    assert.match(result.body, /<th scope="row">Behörden<\/th><td>2<\/td>/);
    assert.match(result.body, /3 Leistungen und 2 Behörden stammen aus Dateien\./);
    assert.match(result.body, /Letzter erfolgreicher Import: /);
    const audit = await p.database.system.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'studio:services.import').execute();
    assert.deepEqual(audit, [{ action: 'studio:services.import', actor: 'redaktion@bad-belzig.demo' }]);
  });

  it('answers 415, 413 and 400 with the reason and leaves the catalogue as it was', async () => {
    const runsBefore = await runCount();
    const pdf = await upload(who.admin, { name: 'antrag.pdf', data: Buffer.from('%PDF-1.7\n1 0 obj'), type: 'application/pdf' });
    assert.equal(pdf.statusCode, 415);
    assert.match(alertOf(pdf.body), /Der Import wurde nicht ausgeführt.*„antrag\.pdf“ ist weder JSON noch XML/s);

    const large = await upload(who.admin, { name: 'gross.xml', data: Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20) });
    assert.equal(large.statusCode, 413);
    assert.match(alertOf(large.body), /höchstens 20 MB/);

    const broken = await upload(who.admin, { name: 'kaputt.xml', data: Buffer.from(xml.data.toString('utf8').replace('</xzufi:ort>', '</xzufi:stadt>')) });
    assert.equal(broken.statusCode, 400);
    assert.match(alertOf(broken.body), /fehlerhaft in Zeile \d+, Spalte \d+/);
    assert.match(broken.body, /aria-invalid="true"/);

    const none = await upload(who.admin);
    assert.equal(none.statusCode, 400);
    assert.match(alertOf(none.body), /Bitte wählen Sie eine Datei aus\./);

    const notMultipart = await c.post(PATH, { _csrf: who.admin.csrf }, who.admin.cookie);
    assert.equal(notMultipart.statusCode, 400);

    assert.equal(await fileServices(), 3, 'the imported services stay');
    // The refused files that reached the importer are recorded as failed runs; the oversized upload never arrived.
    assert.equal(await runCount(), runsBefore + 2);
    const page = await c.get(PATH, who.admin.cookie);
    assert.match(page.body, /Der letzte Versuch am .* ist gescheitert: Die XML-Datei ist fehlerhaft/);
  });

  it('lists what an import left out', async () => {
    const partial = Buffer.from(
      xml.data.toString('utf8').replace('<xzufi:id schemeAgencyID="L100012">BB-L-1003</xzufi:id>', '').replace('<code>99108002001000</code>', '<code>9910</code>'),
    );
    const res = await upload(who.admin, { name: 'teilweise.xml', data: partial });
    assert.equal(res.statusCode, 303);
    const result = await c.get(String(res.headers.location), who.admin.cookie);
    assert.match(result.body, /Ausgelassen oder angepasst \(\d+\)/);
    assert.match(result.body, /Leistung Nr\. 3 \(„Gewerbe anmelden“\): ohne ID, übersprungen\./);
    assert.match(result.body, /Leistung BB-L-1002: LeiKa-Schlüssel „9910“ hat nicht 14 Ziffern/);
    assert.match(result.body, /<th scope="row">Leistungen<\/th><td>0<\/td><td>1<\/td><td>1<\/td><td>1<\/td>/);
    assert.equal(await fileServices(), 2);
  });

  it('imports into the uploading municipality only and shows no other municipality’s runs', async () => {
    // Padded to 19 MB: large files up to the import's limit pass (the server's body limit is smaller).
    const own = Buffer.from(JSON.stringify({ format: 'dorfplatz-services', version: 1, services: [{ sourceId: 'wb-1', name: 'Brennholz-Leseschein' }] }) + ' '.repeat(19 * 1024 * 1024));
    const res = await upload(who.wbAdmin, { name: 'wiesenburg.json', data: own, type: 'application/json' });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(await fileServices('wiesenburg'), 1);
    assert.equal(await fileServices(), 2, 'Bad Belzig keeps its own');
    const foreignRun = String(res.headers.location);
    const peek = await c.get(foreignRun, who.admin.cookie);
    assert.equal(peek.statusCode, 404);
    assert.match(alertOf(peek.body), /Diesen Import gibt es nicht\./);
    // A Bad Belzig session is no session on Wiesenburg's host.
    const cross = await upload({ ...who.admin, host: WB }, { name: 'x.json', data: own });
    assert.equal(cross.statusCode, 303);
    assert.match(String(cross.headers.location), /^\/studio\/anmelden/);
  });
});
