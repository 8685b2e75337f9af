import type { Kysely } from 'kysely';
import type { TestPlatform } from '../../../test/harness.ts';
import { Catalog, type CatalogInput } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';
import { emptyServiceDirectory } from './empty-directory.ts';

/**
 * A small directory for the citizen app's tests, loaded with applyCatalog into Bad Belzig
 * (official key 120690017017; the district Potsdam-Mittelmark is 12069). Independent of the
 * demo seed. The Bürgeramt's hours are chosen so that Tuesday 10:30 in Berlin is open and
 * Tuesday 12:30 closed.
 */
export const BAD_BELZIG_ARS = '120690017017';

const sections = (name: string) => ({
  description: `<p>Beschreibung: ${name}.</p>`,
  requirements: '<p>Sie wohnen in Bad Belzig.</p>',
  documents: '<ul><li>Geburtsurkunde</li><li>biometrisches Passfoto</li></ul>',
  fees: '<p>37,00 Euro</p>',
  deadlines: '<p>Keine.</p>',
  procedure: '<h2>Ablauf</h2><p>Termin vereinbaren, Antrag stellen, Dokument abholen.</p>',
  legalBasis: '<p>§ 9 Personalausweisgesetz (PAuswG)</p>',
  hints: '<p>Bringen Sie Ihren alten Ausweis mit.</p>',
});

export const appCatalog: CatalogInput = {
  categories: [
    { sourceId: 'c-familie', name: 'Familie & Kinder', position: 1 },
    { sourceId: 'c-geburt', parentSourceId: 'c-familie', name: 'Geburt', position: 1 },
    { sourceId: 'c-ausweis', name: 'Ausweise & Dokumente', position: 2 },
    { sourceId: 'c-tiere', name: 'Tiere', position: 3 },
  ],
  services: [
    {
      sourceId: 's-perso',
      leikaKey: '99102013001000',
      name: 'Personalausweis beantragen',
      synonyms: ['Perso', 'Ausweis'],
      summary: 'Einen neuen Personalausweis beantragen.',
      texts: sections('Personalausweis'),
      categorySourceIds: ['c-ausweis'],
      onlineServices: [{ name: 'Personalausweis online', url: 'https://antrag.brandenburg.example/perso', trustLevel: 'high' }],
      forms: [{ name: 'Antrag auf einen Personalausweis (PDF)', url: 'https://formulare.brandenburg.example/perso.pdf' }],
    },
    {
      sourceId: 's-melde',
      name: 'Meldebescheinigung',
      synonyms: ['Wohnsitzbescheinigung'],
      summary: 'Bescheinigung über Ihren Wohnsitz.',
      texts: { description: '<p>Die Meldebescheinigung bestätigt Ihren Wohnsitz.</p>' },
      categorySourceIds: ['c-ausweis'],
      onlineServices: [{ name: 'Meldebescheinigung online', url: 'https://antrag.brandenburg.example/melde', trustLevel: 'substantial' }],
    },
    { sourceId: 's-hund', name: 'Hundesteuer anmelden', synonyms: ['Hund anmelden'], summary: 'Ihren Hund zur Hundesteuer anmelden.', texts: { description: '<p>Jeder Hund muss angemeldet werden.</p>' }, categorySourceIds: ['c-tiere'] },
    { sourceId: 's-geburt', name: 'Geburtsurkunde', summary: 'Eine Geburtsurkunde ausstellen lassen.', categorySourceIds: ['c-geburt'] },
    { sourceId: 's-pass', name: 'Reisepass beantragen', synonyms: ['Pass'], summary: 'Einen Reisepass beantragen.', categorySourceIds: ['c-ausweis'] },
    { sourceId: 's-parken', name: 'Parkausweis für Anwohner', summary: 'Bewohnerparkausweis beantragen.' },
    { sourceId: 's-bau', name: 'Baugenehmigung', summary: 'Eine Baugenehmigung beantragen.', texts: { description: '<p>Für viele Bauvorhaben brauchen Sie eine Genehmigung.</p>' } },
    { sourceId: 's-versteckt', name: 'Personalausweis versteckt', summary: 'Vom Rathaus ausgeblendet.' },
  ],
  authorities: [
    {
      sourceId: 'a-buergeramt',
      name: 'Bürgeramt Bad Belzig',
      description: '<p>Das Bürgeramt im Rathaus.</p>',
      addresses: [
        { kind: 'visitor', street: 'Wiesenburger Straße', houseNumber: '6', postalCode: '14806', city: 'Bad Belzig', latitude: 52.1427, longitude: 12.5924 },
        { kind: 'postal', street: 'Postfach 1234', postalCode: '14801', city: 'Bad Belzig' },
      ],
      openingHours: [
        { weekday: 1, opens: '09:00', closes: '12:00' },
        { weekday: 2, opens: '09:00', closes: '12:00' },
        { weekday: 2, opens: '13:00', closes: '18:00' },
        { weekday: 4, opens: '09:00', closes: '12:00' },
        { weekday: 4, opens: '13:00', closes: '16:00', note: 'nur mit Termin' },
        { weekday: 5, opens: '09:00', closes: '12:00' },
      ],
      openingHoursNote: 'An Feiertagen geschlossen.',
      contacts: [
        { kind: 'phone', value: '033841 94-0', label: 'Zentrale' },
        { kind: 'email', value: 'buergeramt@bad-belzig.example' },
        { kind: 'fax', value: '033841 94-100' },
        { kind: 'web', value: 'https://www.bad-belzig.example/buergeramt' },
      ],
      paymentMethods: ['Bargeld', 'girocard'],
    },
    { sourceId: 'a-bauamt', name: 'Bauordnungsamt Potsdam-Mittelmark', addresses: [{ kind: 'visitor', street: 'Niemöllerstraße', houseNumber: '1', postalCode: '14806', city: 'Bad Belzig' }] },
  ],
  responsibilities: [
    { serviceSourceId: 's-perso', authoritySourceId: 'a-buergeramt', area: BAD_BELZIG_ARS },
    { serviceSourceId: 's-melde', authoritySourceId: 'a-buergeramt', area: BAD_BELZIG_ARS },
    { serviceSourceId: 's-hund', authoritySourceId: 'a-buergeramt', area: BAD_BELZIG_ARS },
    { serviceSourceId: 's-pass', authoritySourceId: 'a-buergeramt', area: BAD_BELZIG_ARS },
    { serviceSourceId: 's-bau', authoritySourceId: 'a-bauamt', area: '12069' },
  ],
};

export type AppFixture = { db: Kysely<any>; ids: Record<string, string> };

/**
 * Loads the directory into Bad Belzig: top list Personalausweis, Hundesteuer, Meldebescheinigung;
 * "Personalausweis versteckt" hidden; the last ZuFi sync failed two days after the last success
 * (so the app says the copy may be outdated). Returns database ids by source id.
 */
export async function loadAppFixture(p: TestPlatform, lastSuccessAt = new Date(Date.now() - 3 * 86_400_000)): Promise<AppFixture> {
  const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  // Whatever the demo seed put there goes first: the tests count what they see.
  await emptyServiceDirectory(db);
  await applyCatalog(db, 'zufi', Catalog.parse(appCatalog));
  const top = ['s-perso', 's-hund', 's-melde'];
  for (const [i, id] of top.entries()) await db.updateTable('ozg_services').set({ top_position: i + 1 }).where('source_id', '=', id).execute();
  await db.updateTable('ozg_services').set({ hidden: true }).where('source_id', '=', 's-versteckt').execute();
  await db
    .insertInto('ozg_source_status')
    .values({ source: 'zufi', last_success_at: lastSuccessAt, last_attempt_at: new Date(lastSuccessAt.getTime() + 2 * 86_400_000), last_error: 'Zeitüberschreitung' })
    .execute();
  const ids: Record<string, string> = {};
  for (const table of ['ozg_services', 'ozg_categories', 'ozg_authorities'] as const) {
    for (const r of await db.selectFrom(table).select(['id', 'source_id']).execute()) ids[r.source_id] = String(r.id);
  }
  return { db, ids };
}
