import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, type TestPlatform } from '../../../test/harness.ts';
import { platformWithApiCatalogs } from './api-catalog.ts';

const SEARCH = /* GraphQL */ `
  query Search($q: String, $limit: Int, $skip: Int) {
    administrativeServices(search: $q, limit: $limit, skip: $skip) { name pinned }
    administrativeServicesCount(search: $q)
  }
`;
const SUGGEST = /* GraphQL */ `
  query Suggest($q: String!, $limit: Int) {
    administrativeServiceSuggestions(search: $q, limit: $limit) { id name matchedSynonym }
  }
`;

describe('searching administrative services', () => {
  let p: TestPlatform;
  before(async () => {
    ({ p } = await platformWithApiCatalogs());
  });
  after(() => p.close());

  const search = async (q: string, extra: Record<string, unknown> = {}) => {
    const res = await p.gql(BB, SEARCH, { q, ...extra });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return { names: res.body.data.administrativeServices.map((s: { name: string }) => s.name) as string[], count: res.body.data.administrativeServicesCount as number };
  };
  const suggest = async (q: string, limit?: number) => {
    const res = await p.gql(BB, SUGGEST, { q, limit });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.administrativeServiceSuggestions as { id: string; name: string; matchedSynonym: string | null }[];
  };

  it('finds services by the beginning of a word while typing, pinned ones first', async () => {
    const perso = await search('Perso');
    assert.deepEqual(perso.names, ['Terminvereinbarung Bürgerbüro', 'Personalausweis beantragen', 'Personenstandsurkunde anfordern']);
    assert.equal(perso.count, 3);
    assert.deepEqual((await search('Hund')).names, ['Hundesteuer anmelden']);
    assert.deepEqual(new Set((await search('Führ')).names), new Set(['Führerschein beantragen', 'Führungszeugnis beantragen']));
    assert.deepEqual((await search('Gewerbe anm')).names, ['Gewerbeanmeldung'], 'by its synonym "Gewerbe anmelden"');
    assert.deepEqual((await search('Gewerbe a')).names, ['Gewerbeanmeldung'], 'a one-letter last word being typed is left out');
  });

  it('meets umlauts however they are typed', async () => {
    for (const q of ['Fuehrerschein', 'führerschein', 'FUHRERSCHEIN', 'Führerscheins']) assert.deepEqual((await search(q)).names, ['Führerschein beantragen'], q);
    assert.deepEqual((await search('Identitaetskarte')).names, ['Personalausweis beantragen'], 'a synonym, umlaut spelled out');
  });

  it('looks in names and synonyms first (the last word as a beginning), then for whole words in every text', async () => {
    assert.deepEqual((await search('Bürgeramt')).names, ['Personalausweis beantragen'], 'a word of its summary and description');
    assert.deepEqual((await search('Buergeramt')).names, ['Personalausweis beantragen']);
    assert.deepEqual((await search('Bürgeram')).names, [], 'not the beginning of a word in the long texts');
    assert.deepEqual((await search('Wohnung')).names, ['Wohnsitz anmelden'], 'names and synonyms, when they match, alone (not the summary of "Meldebescheinigung")');
    assert.deepEqual((await search('Bescheinigung')).names, ['Meldebescheinigung'], 'the texts when no name or synonym matches');
    assert.deepEqual((await search('f')).names, ['Führerschein beantragen', 'Führungszeugnis beantragen'], 'first letter, German order');
    assert.deepEqual((await search('Fü')).names, ['Führerschein beantragen', 'Führungszeugnis beantragen'], 'two letters: names beginning with them');
    assert.deepEqual(new Set((await search('Fueh')).names), new Set(['Führerschein beantragen', 'Führungszeugnis beantragen']), 'more: the full text');
  });

  it('ranks an exact name before names that begin with the text, before other matches', async () => {
    const { names } = await search('Wohngeld');
    assert.deepEqual(names, ['Wohngeld', 'Wohngeld für Eigentümer (Lastenzuschuss)']);
    assert.deepEqual((await search('Miete')).names, ['Wohngeld'], 'by its synonym "Mietzuschuss"');
  });

  it('falls back to words inside names and synonyms when the full text finds nothing', async () => {
    const { names, count } = await search('bescheinigung');
    assert.deepEqual(names, ['Meldebescheinigung']);
    assert.equal(count, 1);
    assert.deepEqual((await search('xylophon')).names, []);
    assert.equal((await search('xylophon')).count, 0);
  });

  it('lists names by their first letters for a search of one or two letters', async () => {
    const { names, count } = await search('p');
    assert.deepEqual(names, ['Personalausweis beantragen', 'Personenstandsurkunde anfordern']);
    assert.equal(count, 2, '"Personalakte einsehen" is hidden');
  });

  it('never shows hidden services or those outside their validity', async () => {
    assert.deepEqual((await search('Personalakte')).names, []);
    assert.deepEqual((await search('Abwrackprämie')).names, []);
    assert.deepEqual((await search('Klimageld')).names, []);
    assert.deepEqual(await suggest('Personalak'), [], 'the hidden "Personalakte einsehen" is not suggested');
    const all = await search('');
    assert.equal(all.count, 13, 'sixteen delivered: one hidden, one expired, one not yet valid');
    assert.ok(!all.names.includes('Personalakte einsehen'));
  });

  it('pages through the ranked results', async () => {
    const first = await search('Perso', { limit: 2 });
    const second = await search('Perso', { limit: 2, skip: 2 });
    assert.deepEqual([...first.names, ...second.names], (await search('Perso')).names);
    assert.equal(second.count, 3);
    const beyond = await search('Perso', { skip: 50 });
    assert.deepEqual(beyond, { names: [], count: 3 });
  });

  it('suggests names, with the synonym that matched when the name did not', async () => {
    const perso = await suggest('Perso');
    assert.deepEqual(
      perso.map(({ name, matchedSynonym }) => ({ name, matchedSynonym })),
      [
        { name: 'Terminvereinbarung Bürgerbüro', matchedSynonym: 'Personalausweis Termin' },
        { name: 'Personalausweis beantragen', matchedSynonym: null },
        { name: 'Personenstandsurkunde anfordern', matchedSynonym: null },
      ],
    );
    assert.deepEqual(await suggest('Fahrerl').then((s) => s.map((x) => [x.name, x.matchedSynonym])), [['Führerschein beantragen', 'Fahrerlaubnis']]);
    assert.deepEqual(await suggest('Wohnsitzbesch').then((s) => s.map((x) => [x.name, x.matchedSynonym])), [['Meldebescheinigung', 'Wohnsitzbescheinigung']]);
    assert.equal((await suggest('Perso', 1)).length, 1);
    assert.deepEqual(await suggest('   '), []);
  });
});
