import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

describe('GET /data_provider.json', () => {
  let p: TestPlatform;
  let importer: string;

  const get = (url: string, token?: string, host = BB) =>
    p.http.inject({ url, headers: { host, ...(token ? { authorization: `Bearer ${token}` } : {}) } });

  before(async () => {
    p = await startTestPlatform();
    importer = await p.token('bad-belzig-importer');
  });
  after(() => p.close());

  it("answers the token owner's data provider in the mainserver's shape", async () => {
    const res = await get('/data_provider.json', importer);
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.deepEqual(res.json(), {
      data_provider: {
        name: 'Stadtverwaltung Bad Belzig',
        description: 'Amtliche Mitteilungen, Bekanntmachungen und Neuigkeiten aus dem Rathaus der Stadt Bad Belzig und ihren Ortsteilen.',
        notice: '',
        logo: { url: 'http://bad-belzig.localhost/media/demo/stadtverwaltung-bad-belzig.png', description: 'Logo Stadtverwaltung Bad Belzig' },
        address: { addition: null, street: 'Wiesenburger Straße 6', city: 'Bad Belzig', zip: '14806' },
        contact: { first_name: 'Katrin', last_name: 'Wendland', phone: '033841 099-110', fax: null, email: 'pressestelle@bad-belzig.example.org' },
      },
    });
    // the same without the extension
    const plain = await get('/data_provider', importer);
    assert.equal(plain.statusCode, 200);
    assert.deepEqual(plain.json(), res.json());
  });

  it('gives the logo as an absolute URL on the requesting host, and the URL serves the file', async () => {
    const res = await get('/data_provider.json', importer, 'bad-belzig.localhost:3000');
    assert.equal(res.json().data_provider.logo.url, 'http://bad-belzig.localhost:3000/media/demo/stadtverwaltung-bad-belzig.png');
    const logo = await p.http.inject({ url: '/media/demo/stadtverwaltung-bad-belzig.png', headers: { host: BB } });
    assert.equal(logo.statusCode, 200);
    assert.match(logo.headers['content-type'] as string, /^image\/png/);
  });

  it('reflects the stored record (not a copy made at seeding)', async () => {
    const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    await db.updateTable('data_providers').set({ notice: 'Das Rathaus ist am Freitag geschlossen.' }).where('name', '=', 'Stadtverwaltung Bad Belzig').execute();
    const res = await get('/data_provider.json', importer);
    assert.equal(res.json().data_provider.notice, 'Das Rathaus ist am Freitag geschlossen.');
  });

  it('answers 401 without a token or with an invalid one', async () => {
    for (const token of [undefined, 'kein-gueltiges-token']) {
      const res = await get('/data_provider.json', token);
      assert.equal(res.statusCode, 401, String(token));
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
      assert.ok(!('data_provider' in res.json()));
    }
    const malformed = await p.http.inject({ url: '/data_provider.json', headers: { host: BB, authorization: 'Basic abc' } });
    assert.equal(malformed.statusCode, 401);
  });

  it('answers 404 for accounts without a data provider', async () => {
    const app = await p.token('bad-belzig-app');
    const res = await get('/data_provider.json', app);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  it("does not answer with Bad Belzig's provider on wiesenburg.localhost", async () => {
    const res = await get('/data_provider.json', importer, WB);
    assert.equal(res.statusCode, 401);
    assert.doesNotMatch(res.body, /Stadtverwaltung/);
    const wbAdmin = await p.token('wiesenburg-admin');
    const own = await get('/data_provider.json', wbAdmin, WB);
    assert.equal(own.statusCode, 404);
    assert.doesNotMatch(own.body, /Bad Belzig/);
  });
});
