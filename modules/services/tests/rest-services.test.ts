import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { platformWithApiCatalogs } from './api-catalog.ts';

const API = '/api/v1/services';

describe('administrative services over REST', () => {
  let p: TestPlatform;
  let idOf: (sourceId: string) => Promise<string>;
  const get = async (url: string, host = BB) => {
    const res = await p.http.inject({ method: 'GET', url, headers: { host } });
    return { status: res.statusCode, body: res.json(), type: res.headers['content-type'] };
  };
  const ok = async (url: string, host = BB) => {
    const res = await get(url, host);
    assert.equal(res.status, 200, `${url}: ${JSON.stringify(res.body)}`);
    assert.match(String(res.type), /application\/json/);
    return res.body;
  };
  const names = (items: { name: string }[]) => items.map((i) => i.name);

  before(async () => {
    ({ p, idOf } = await platformWithApiCatalogs());
  });
  after(() => p.close());

  it('lists and searches services with their life situations and the total', async () => {
    const all = await ok(API);
    assert.equal(all.total, 13);
    assert.equal(all.items.length, 13);
    assert.deepEqual([all.limit, all.offset], [20, 0]);
    assert.deepEqual(all.items[0].lifeSituations.map((l: { name: string }) => l.name), ['Ausweise und Dokumente']);
    const perso = await ok(`${API}?q=Perso`);
    assert.deepEqual(names(perso.items), ['Terminvereinbarung Bürgerbüro', 'Personalausweis beantragen', 'Personenstandsurkunde anfordern']);
    assert.equal(perso.total, 3);
    const paged = await ok(`${API}?q=Perso&limit=1&offset=1`);
    assert.deepEqual([names(paged.items), paged.total, paged.limit, paged.offset], [['Personalausweis beantragen'], 3, 1, 1]);
    assert.deepEqual(names((await ok(`${API}?leika=99107003001000`)).items), ['Hundesteuer anmelden']);
    const { items: situations } = await ok(`${API}/life-situations`);
    const umzug = situations.find((l: { name: string }) => l.name === 'Umzug');
    const wohn = names((await ok(`${API}?lifeSituation=${umzug.id}&q=wohn`)).items);
    assert.deepEqual(new Set(wohn.slice(0, 3)), new Set(['Wohngeld', 'Wohngeld für Eigentümer (Lastenzuschuss)', 'Wohnsitz anmelden']), 'names beginning with the word first');
    assert.equal(wohn[3], 'Meldebescheinigung', 'by its synonym "Wohnsitzbescheinigung"');
  });

  it('shows one service by id or LeiKa key with the authorities responsible here', async () => {
    const byId = await ok(`${API}/${await idOf('perso')}`);
    assert.equal(byId.name, 'Personalausweis beantragen');
    assert.deepEqual(names(byId.responsibleAuthorities), ['Bürgeramt Bad Belzig']);
    assert.equal(byId.responsibleAuthorities[0].addresses[0].city, 'Bad Belzig');
    assert.deepEqual(names(byId.onlineServices), ['Termin online buchen', 'Online-Ausweisfunktion einrichten']);
    const byKey = await ok(`${API}/leika/99010004001000?area=12`);
    assert.equal(byKey.id, byId.id);
    assert.deepEqual(names(byKey.responsibleAuthorities), ['Landesamt für Bürgerdienste Brandenburg']);
  });

  it('answers 404 with a German message for what is not there, hidden or another municipality’s', async () => {
    const cases: [string, RegExp, string?][] = [
      [`${API}/999999`, /Es gibt keine Leistung mit der Nummer 999999\./],
      [`${API}/${await idOf('geheim')}`, /keine Leistung/],
      [`${API}/${await idOf('abgelaufen')}`, /keine Leistung/],
      [`${API}/leika/99999999999999`, /Zum LeiKa-Schlüssel 99999999999999 ist hier keine Leistung verzeichnet\./],
      [`${API}/authorities/999999`, /keine Behörde/],
      [`${API}/${await idOf('perso')}`, /keine Leistung/, WB],
    ];
    for (const [url, message, host] of cases) {
      const res = await get(url, host);
      assert.equal(res.status, 404, url);
      assert.equal(res.body.error.code, 'NOT_FOUND');
      assert.match(res.body.error.message, message);
    }
  });

  it('answers 400 with a German message for malformed input, never 500', async () => {
    const cases: [string, RegExp][] = [
      [`${API}/leika/123`, /genau 14 Ziffern/],
      [`${API}/leika/9901000400100x`, /genau 14 Ziffern/],
      [`${API}/abc`, /"abc" ist keine gültige Nummer/],
      [`${API}/0`, /keine gültige Nummer/],
      [`${API}/99999999999`, /keine gültige Nummer/],
      [`${API}/1e3`, /keine gültige Nummer/],
      [`${API}?limit=abc`, /limit: eine ganze Zahl von 0 bis 100/],
      [`${API}?limit=101`, /limit: höchstens 100/],
      [`${API}?offset=-1`, /offset: eine ganze Zahl/],
      [`${API}?offset=10001`, /offset: höchstens 10000/],
      [`${API}?q=a&q=b`, /q: ein Suchtext/],
      [`${API}?q=${'x'.repeat(201)}`, /zu lang/],
      [`${API}?lifeSituation=eins`, /lifeSituation/],
      [`${API}?leika=1`, /genau 14 Ziffern/],
      [`${API}/${1}?area=1`, /2 bis 12 Ziffern/],
      [`${API}/suggestions?limit=50`, /limit: höchstens 20/],
      [`${API}/life-situations?parent=x`, /parent/],
      [`${API}/authorities?limit=-5`, /limit/],
      [`${API}/authorities/zwei`, /keine gültige Nummer/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      assert.equal(res.status, 400, `${url}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'VALIDATION');
      assert.match(res.body.error.message, message, url);
    }
    for (const url of [`${API}?q=%27%3B--%20:*%20%26%20!`, `${API}?q=%00`, `${API}/suggestions?q=%E2%80%8B`, `${API}/%2e%2e`, `${API}/leika/`, `${API}/authorities?q=(`]) {
      const res = await get(url);
      assert.ok(res.status < 500, `${url}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });

  it('suggests, lists life situations and authorities, and tells the status', async () => {
    const { items } = await ok(`${API}/suggestions?q=Fahrerl`);
    assert.deepEqual(items.map((s: { name: string; matchedSynonym: string }) => [s.name, s.matchedSynonym]), [['Führerschein beantragen', 'Fahrerlaubnis']]);
    assert.deepEqual(await ok(`${API}/suggestions`), { items: [] });
    const top = (await ok(`${API}/life-situations`)).items;
    const familie = top.find((l: { name: string }) => l.name === 'Familie und Kinder');
    assert.equal(familie.servicesCount, 2);
    const [geburt, ...more] = (await ok(`${API}/life-situations?parent=${familie.id}`)).items;
    assert.equal(more.length, 0);
    assert.deepEqual(geburt, { id: geburt.id, name: 'Geburt', description: null, parentId: familie.id, servicesCount: 1 });
    const authorities = await ok(`${API}/authorities?q=Landkreis`);
    assert.equal(authorities.total, 2);
    assert.deepEqual(await ok(`${API}/authorities/${authorities.items[0].id}`), authorities.items[0]);
    assert.deepEqual(await ok(`${API}/status`), { servicesCount: 13, lastSuccessAt: null, lastAttemptAt: null, stale: false });
    assert.equal((await ok(`${API}/status`, WB)).servicesCount, 1);
  });
});
