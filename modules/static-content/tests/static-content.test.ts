import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** As the app loads its configuration at start: with its own version. */
const JSON_FILE = `query PublicJsonFile($name: String!, $version: String) { publicJsonFile(name: $name, version: $version) { id name content version dataType updatedAt } }`;
const HTML_FILE = `query PublicHtmlFile($name: String!, $version: String) { publicHtmlFile(name: $name, version: $version) { id name content version dataType } }`;
const HTML_FILES = `{ publicHtmlFiles { id name content version dataType } }`;
const WRITE = /* GraphQL */ `
  mutation Write($id: ID, $name: String, $content: String, $dataType: String!, $version: String) {
    createOrUpdateStaticContent(id: $id, name: $name, content: $content, dataType: $dataType, version: $version) { id name content version dataType createdAt updatedAt }
  }
`;

type Row = { id: number; name: string; data_type: string; content: string; version: string | null };

describe('static content (publicJsonFile, publicHtmlFile(s), createOrUpdateStaticContent)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let wbApp: string;
  let db: Kysely<any>;
  let wbDb: Kysely<any>;

  async function read(query: string, vars: Record<string, unknown>, host = BB, token = app) {
    const res = await p.gql(host, query, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return { data: Object.values(res.body.data)[0] as any, cache: res.headers['x-cache'] };
  }

  async function write(vars: Record<string, unknown>, token = admin, host = BB) {
    const res = await p.gql(host, WRITE, vars, token);
    assert.equal(res.status, 200);
    return res.body as { data: { createOrUpdateStaticContent: any } | null; errors?: Array<{ message: string; extensions: { code: string } }> };
  }

  const rows = async (on: Kysely<any> = db) => (await on.selectFrom('static_contents').selectAll().orderBy('id').execute()) as Row[];
  const row = async (name: string, version: string | null = null) =>
    (await rows()).find((r) => r.name.toLowerCase() === name.toLowerCase() && r.version === version);

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbApp] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-app'].map((c) => p.token(c)));
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
  });
  after(() => p.close());

  describe('publicJsonFile', () => {
    it('resolves the highest version at or below the asked one, with parsed content', async () => {
      const v4 = (await row('globalSettings', '4.0.0'))!;
      const { data } = await read(JSON_FILE, { name: 'globalSettings', version: '4.2.0' });
      assert.equal(data.id, String(v4.id));
      assert.equal(data.name, 'globalSettings');
      assert.equal(data.version, '4.0.0');
      assert.equal(data.dataType, 'json');
      assert.match(data.updatedAt, RUBY_TIMESTAMP);
      assert.equal(typeof data.content, 'object');
      assert.deepEqual(data.content, JSON.parse(v4.content));
      assert.ok(Array.isArray(data.content.homeScreenConfig));
      assert.equal((await read(JSON_FILE, { name: 'globalSettings', version: '4.0.0' })).data.version, '4.0.0');
    });

    it('falls back to the unversioned record below every version', async () => {
      const plain = (await row('globalSettings'))!;
      for (const version of ['3.9.9', '1.0.0', '0.0.1']) {
        const { data } = await read(JSON_FILE, { name: 'globalSettings', version });
        assert.equal(data.id, String(plain.id), version);
        assert.equal(data.version, null);
        // a version was sent, so the content comes parsed
        assert.deepEqual(data.content, JSON.parse(plain.content));
        assert.equal(data.content.homeScreenConfig, undefined);
        assert.equal(typeof data.content.sections, 'object');
      }
    });

    it('returns the unversioned record as a raw JSON string when no version is sent (legacy apps)', async () => {
      const plain = (await row('globalSettings'))!;
      const { data } = await read(JSON_FILE, { name: 'globalSettings' });
      assert.equal(data.id, String(plain.id));
      assert.equal(data.version, null);
      assert.equal(typeof data.content, 'string');
      assert.equal(data.content, plain.content);
      assert.equal(JSON.parse(data.content).navigation, 'tab');
    });

    it('matches names case-insensitively', async () => {
      const v4 = (await row('globalSettings', '4.0.0'))!;
      for (const name of ['GLOBALSETTINGS', 'globalsettings', 'GlobalSettings']) {
        assert.equal((await read(JSON_FILE, { name, version: '4.2.0' })).data.id, String(v4.id), name);
      }
      assert.equal((await read(JSON_FILE, { name: 'WASTETYPES' })).data.name, 'wasteTypes');
    });

    it('compares versions numerically (4.10.0 > 4.9.0)', async () => {
      const written = await write({ name: 'homeCarousel', version: '4.10.0', dataType: 'json', content: '{"slides": ["4.10"]}' });
      assert.equal(written.errors, undefined);
      const nine = await write({ name: 'homeCarousel', version: '4.9.0', dataType: 'json', content: '{"slides": ["4.9"]}' });
      assert.equal(nine.errors, undefined);
      const expect = { '4.9.5': '4.9.0', '4.10.0': '4.10.0', '4.10.1': '4.10.0', '10.0.0': '4.10.0', '4.2.0': null } as const;
      for (const [asked, got] of Object.entries(expect)) {
        const { data } = await read(JSON_FILE, { name: 'homeCarousel', version: asked });
        assert.equal(data.version, got, asked);
        if (got) assert.deepEqual(data.content, { slides: [got.replace(/\.0$/, '')] });
        else assert.deepEqual(data.content, JSON.parse((await row('homeCarousel'))!.content));
      }
    });

    it('answers unknown names with {name: "not found", content: {}}', async () => {
      for (const version of [undefined, '4.2.0']) {
        const { data } = await read(JSON_FILE, { name: 'gibtEsNicht', version });
        assert.equal(data.name, 'not found');
        assert.deepEqual(data.content, {});
        assert.equal(data.id, null);
      }
      // an HTML page is not a JSON file
      assert.equal((await read(JSON_FILE, { name: 'impressum' })).data.name, 'not found');
    });
  });

  describe('publicHtmlFile(s)', () => {
    it('returns an HTML page by name, ignoring case', async () => {
      const impressum = (await row('impressum'))!;
      for (const name of ['impressum', 'Impressum']) {
        const { data } = await read(HTML_FILE, { name });
        assert.equal(data.id, String(impressum.id));
        assert.equal(data.name, 'impressum');
        assert.equal(data.dataType, 'html');
        assert.equal(data.content, impressum.content);
        assert.match(data.content, /<h2>Impressum<\/h2>/);
      }
    });

    it('answers unknown pages with {name: "not found", content: ""}', async () => {
      const { data } = await read(HTML_FILE, { name: 'gibtEsNicht' });
      assert.deepEqual({ name: data.name, content: data.content, id: data.id }, { name: 'not found', content: '', id: null });
      assert.equal((await read(HTML_FILE, { name: 'globalSettings' })).data.name, 'not found');
    });

    it('lists every HTML page by name', async () => {
      const html = (await rows()).filter((r) => r.data_type === 'html');
      const { data } = await read(HTML_FILES, {});
      assert.deepEqual(data.map((f: any) => f.name), html.map((r) => r.name).sort());
      assert.ok(data.length >= 5);
      for (const f of data) {
        assert.equal(f.dataType, 'html');
        assert.equal(f.content, html.find((r) => String(r.id) === f.id)!.content);
      }
      assert.ok(data.some((f: any) => f.name === 'notrufnummern'));
    });
  });

  describe('createOrUpdateStaticContent', () => {
    it('lets an admin create a page; the name is parameterized and the HTML sanitised', async () => {
      const res = await write({
        name: 'Mitmachen in Bad Belzig',
        dataType: 'html',
        content: '<h2 onclick="steal()">Mitmachen</h2><script>alert(1)</script><p>Melden Sie sich <a href="javascript:alert(2)">hier</a> oder <a href="https://example.org">dort</a>.</p><img src="x.jpg" onerror="alert(3)">',
      });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const page = res.data!.createOrUpdateStaticContent;
      assert.equal(page.name, 'mitmachen-in-bad-belzig');
      assert.equal(page.dataType, 'html');
      assert.equal(page.version, null);
      assert.match(page.createdAt, RUBY_TIMESTAMP);
      for (const bad of ['<script', 'alert(1)', 'onclick', 'javascript:', 'onerror']) assert.ok(!page.content.includes(bad), `${bad} survived: ${page.content}`);
      assert.ok(page.content.includes('<h2>Mitmachen</h2>'));
      assert.ok(page.content.includes('<a href="https://example.org">dort</a>'));
      const stored = (await row('mitmachen-in-bad-belzig'))!;
      assert.equal(stored.content, page.content);
      assert.equal((await read(HTML_FILE, { name: 'Mitmachen-in-Bad-Belzig' })).data.content, page.content);
    });

    it('keeps JSON as sent and parameterizes German names', async () => {
      const content = '{"slides":[{"title":"Willkommen","image":"/media/demo/rathaus.jpg"}]}';
      const res = await write({ name: 'Über die App', dataType: 'json', content, version: '4.2.0' });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.createOrUpdateStaticContent.name, 'ueber-die-app');
      assert.equal(res.data!.createOrUpdateStaticContent.content, content);
      assert.equal(res.data!.createOrUpdateStaticContent.version, '4.2.0');
      const { data } = await read(JSON_FILE, { name: 'ueber-die-app', version: '4.3.1' });
      assert.deepEqual(data.content, JSON.parse(content));
      // below the only version there is nothing
      assert.equal((await read(JSON_FILE, { name: 'ueber-die-app', version: '4.1.0' })).data.name, 'not found');
    });

    it('refuses app, data-provider and anonymous callers and writes nothing', async () => {
      const before = await rows();
      for (const [token, code] of [[app, 'FORBIDDEN'], [importer, 'FORBIDDEN'], [undefined, 'UNAUTHENTICATED']] as const) {
        const res = await p.gql(BB, WRITE, { name: 'globalSettings', dataType: 'json', content: '{"gekapert": true}' }, token);
        assert.equal(res.body.data, null);
        assert.equal(res.body.errors[0].extensions.code, code);
        if (code === 'FORBIDDEN') assert.equal(res.body.errors[0].message, 'Access not permitted!');
        const create = await p.gql(BB, WRITE, { name: 'neue-seite-unerlaubt', dataType: 'html', content: '<p>x</p>' }, token);
        assert.equal(create.body.errors[0].extensions.code, code);
      }
      assert.deepEqual(await rows(), before);
    });

    it('rejects invalid JSON with a clear message and writes nothing', async () => {
      const before = await rows();
      const res = await write({ name: 'kaputt', dataType: 'json', content: '{"navigation": "tab",' });
      assert.equal(res.data, null);
      assert.equal(res.errors![0].extensions.code, 'VALIDATION');
      assert.equal(res.errors![0].message, 'Invalid input: content of "kaputt" is not valid JSON.');
      // also not over an existing record
      const v4 = (await row('globalSettings', '4.0.0'))!;
      const over = await write({ id: String(v4.id), name: 'globalSettings', version: '4.0.0', dataType: 'json', content: 'nicht json' });
      assert.match(over.errors![0].message, /is not valid JSON/);
      const upsert = await write({ name: 'globalSettings', version: '4.0.0', dataType: 'json', content: "{'einfache': 'Anführungszeichen'}" });
      assert.match(upsert.errors![0].message, /is not valid JSON/);
      assert.deepEqual(await rows(), before);
      assert.equal((await read(JSON_FILE, { name: 'kaputt' })).data.name, 'not found');
    });

    it('rejects other invalid input', async () => {
      const before = await rows();
      for (const [vars, pattern] of [
        [{ name: 'seite', dataType: 'xml', content: '<x/>' }, /dataType must be "html" or "json"/],
        [{ name: 'seite', dataType: 'json', content: '{}', version: '4.x' }, /is not a version number/],
        [{ dataType: 'html', content: '<p>ohne Namen</p>' }, /name is required/],
        [{ name: '!!!', dataType: 'html', content: '<p>x</p>' }, /name is required/],
        [{ id: '99999999', name: 'seite', dataType: 'html', content: '<p>x</p>' }, /does not exist/],
      ] as const) {
        const res = await write(vars);
        assert.equal(res.data, null, JSON.stringify(vars));
        assert.match(res.errors![0].message, pattern);
        assert.ok(['VALIDATION', 'NOT_FOUND'].includes(res.errors![0].extensions.code));
      }
      assert.deepEqual(await rows(), before);
    });

    it('updates a record by id', async () => {
      const created = (await write({ name: 'veranstaltungshinweise', dataType: 'html', content: '<p>Alt</p>' })).data!.createOrUpdateStaticContent;
      const total = (await rows()).length;
      const res = await write({ id: created.id, name: 'veranstaltungshinweise', dataType: 'html', content: '<p>Neu</p>' });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.createOrUpdateStaticContent.id, created.id);
      assert.equal(res.data!.createOrUpdateStaticContent.content, '<p>Neu</p>');
      assert.equal((await rows()).length, total);
      assert.equal((await read(HTML_FILE, { name: 'veranstaltungshinweise' })).data.content, '<p>Neu</p>');
      // update by id may rename
      const renamed = await write({ id: created.id, name: 'Hinweise zu Veranstaltungen', dataType: 'html', content: '<p>Neu</p>' });
      assert.equal(renamed.data!.createOrUpdateStaticContent.name, 'hinweise-zu-veranstaltungen');
      assert.equal((await read(HTML_FILE, { name: 'veranstaltungshinweise' })).data.name, 'not found');
      assert.equal((await read(HTML_FILE, { name: 'hinweise-zu-veranstaltungen' })).data.id, created.id);
    });

    it('keeps the version (and content) of a record updated by id without them, as the CMS sends it', async () => {
      const created = (await write({ name: 'wasteTypes', version: '4.1.0', dataType: 'json', content: '{"paper": {"label": "Papier"}}' })).data!.createOrUpdateStaticContent;
      const total = (await rows()).length;
      // the mainserver's CMS form sends id, name, content and dataType only
      const res = await p.gql(BB, `mutation($id: ID, $name: String, $content: String) { createOrUpdateStaticContent(id: $id, name: $name, content: $content, dataType: "json") { id version content } }`, { id: created.id, name: 'wasteTypes', content: '{"paper": {"label": "Altpapier"}}' }, admin);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      assert.deepEqual(res.body.data.createOrUpdateStaticContent, { id: created.id, version: '4.1.0', content: '{"paper": {"label": "Altpapier"}}' });
      assert.equal((await rows()).length, total);
      assert.deepEqual((await read(JSON_FILE, { name: 'wasteTypes', version: '4.2.0' })).data.content, { paper: { label: 'Altpapier' } });
      // a rename by id keeps the content
      const renamed = await p.gql(BB, `mutation($id: ID) { createOrUpdateStaticContent(id: $id, name: "abfallarten", dataType: "json") { id name version content } }`, { id: created.id }, admin);
      assert.deepEqual(renamed.body.data?.createOrUpdateStaticContent, { id: created.id, name: 'abfallarten', version: '4.1.0', content: '{"paper": {"label": "Altpapier"}}' });
    });

    it('upserts by name and version instead of creating a duplicate', async () => {
      const v4 = (await row('globalSettings', '4.0.0'))!;
      const plain = (await row('globalSettings'))!;
      const total = (await rows()).length;
      const res = await write({ name: 'GlobalSettings', version: '4.0.0', dataType: 'json', content: '{"navigation": "drawer"}' });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.createOrUpdateStaticContent.id, String(v4.id));
      assert.equal((await rows()).length, total);
      assert.equal((await row('globalSettings', '4.0.0'))!.content, '{"navigation": "drawer"}');
      assert.equal((await row('globalSettings'))!.content, plain.content, 'the unversioned record changed');

      const unversioned = await write({ name: 'globalsettings', dataType: 'json', content: '{"navigation": "tab", "neu": true}' });
      assert.equal(unversioned.data!.createOrUpdateStaticContent.id, String(plain.id));
      assert.equal((await rows()).length, total);
      assert.equal((await read(JSON_FILE, { name: 'globalSettings' })).data.content, '{"navigation": "tab", "neu": true}');
    });

    it('shows a write on the very next read (cached responses are dropped)', async () => {
      const vars = { name: 'mapSettings', version: '4.2.0' };
      const first = await read(JSON_FILE, vars);
      const second = await read(JSON_FILE, vars);
      assert.equal(second.cache, 'hit');
      assert.deepEqual(second.data, first.data);
      const pages = await read(HTML_FILES, {});
      assert.equal((await read(HTML_FILES, {})).cache, 'hit');

      const res = await write({ name: 'mapSettings', dataType: 'json', content: '{"zoom": 15, "center": [52.14, 12.59]}' });
      assert.equal(res.errors, undefined);
      const after = await read(JSON_FILE, vars);
      assert.equal(after.cache, 'miss');
      assert.deepEqual(after.data.content, { zoom: 15, center: [52.14, 12.59] });

      await write({ name: 'neue-seite', dataType: 'html', content: '<p>Frisch</p>' });
      const pagesAfter = await read(HTML_FILES, {});
      assert.equal(pagesAfter.data.length, pages.data.length + 1);
      assert.ok(pagesAfter.data.some((f: any) => f.name === 'neue-seite'));

      // a destroyed record is gone on the next read too
      const page = await read(HTML_FILE, { name: 'neue-seite' });
      assert.equal((await read(HTML_FILE, { name: 'neue-seite' })).cache, 'hit');
      const destroyed = await p.gql(BB, `mutation($id: ID) { destroyRecord(id: $id, recordType: "StaticContent") { statusCode } }`, { id: page.data.id }, admin);
      assert.equal(destroyed.body.data.destroyRecord.statusCode, 200);
      assert.equal((await read(HTML_FILE, { name: 'neue-seite' })).data.name, 'not found');
    });

    it('lets only admins and editors destroy static content', async () => {
      const impressum = (await row('impressum'))!;
      for (const token of [app, importer]) {
        const res = await p.gql(BB, `mutation($id: ID) { destroyRecord(id: $id, recordType: "StaticContent") { statusCode } }`, { id: String(impressum.id) }, token);
        assert.equal(res.body.errors[0].extensions.code, 'FORBIDDEN');
      }
      assert.equal((await read(HTML_FILE, { name: 'impressum' })).data.id, String(impressum.id));
    });
  });

  describe('municipalities stay apart', () => {
    it("Wiesenburg does not see Bad Belzig's pages and configuration", async () => {
      const bbIds = new Set((await rows()).map((r) => String(r.id)));
      assert.equal((await read(HTML_FILE, { name: 'notrufnummern' }, WB, wbApp)).data.name, 'not found');
      assert.equal((await read(HTML_FILE, { name: 'mitmachen-in-bad-belzig' }, WB, wbApp)).data.name, 'not found');
      const pages = await read(HTML_FILES, {}, WB, wbApp);
      assert.deepEqual(pages.data.map((f: any) => f.name), ['barrierefreiheit', 'datenschutz', 'impressum']);
      for (const f of pages.data) assert.ok(!bbIds.has(f.id));
      const impressum = await read(HTML_FILE, { name: 'impressum' }, WB, wbApp);
      assert.match(impressum.data.content, /Wiesenburg/);
      assert.doesNotMatch(impressum.data.content, /Bad Belzig/);
      const settings = await read(JSON_FILE, { name: 'globalSettings', version: '4.2.0' }, WB, wbApp);
      assert.equal(settings.data.version, null, "Bad Belzig's 4.0.0 configuration leaked");
      assert.ok(!bbIds.has(settings.data.id));
    });

    it('a Bad Belzig token cannot write on wiesenburg.localhost, nor reach its records by id', async () => {
      const before = await rows(wbDb);
      for (const token of [admin, app]) {
        const res = await write({ name: 'impressum', dataType: 'html', content: '<p>Gekapert</p>' }, token, WB);
        assert.equal(res.data, null);
        assert.equal(res.errors![0].extensions.code, 'UNAUTHENTICATED');
      }
      const wbImpressum = before.find((r) => r.name === 'impressum')!;
      const byId = await write({ id: String(wbImpressum.id), name: 'impressum', dataType: 'html', content: '<p>Gekapert</p>' }, admin, BB);
      assert.equal(byId.errors![0].extensions.code, 'NOT_FOUND');
      const destroy = await p.gql(BB, `mutation($id: ID) { destroyRecord(id: $id, recordType: "StaticContent") { statusCode } }`, { id: String(wbImpressum.id) }, admin);
      assert.equal(destroy.body.data.destroyRecord.statusCode, 404);
      assert.deepEqual(await rows(wbDb), before);

      // Wiesenburg's admin writes its own record under the same name; Bad Belzig's stays
      const wbAdmin = await p.token('wiesenburg-admin');
      const own = await write({ name: 'mitmachen-in-bad-belzig', dataType: 'html', content: '<p>Wiesenburg</p>' }, wbAdmin, WB);
      assert.equal(own.errors, undefined, JSON.stringify(own.errors));
      assert.equal((await read(HTML_FILE, { name: 'mitmachen-in-bad-belzig' })).data.content.includes('Wiesenburg'), false);
      assert.equal((await read(HTML_FILE, { name: 'mitmachen-in-bad-belzig' }, WB, wbApp)).data.content, '<p>Wiesenburg</p>');
    });
  });
});
