import type { Kysely } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { Catalog, type CatalogInput } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';

/**
 * A small catalogue for the API tests of Bad Belzig (ARS 120690017017, district Potsdam-Mittelmark
 * 12069): services with synonyms, validity, online services for some areas, life situations in a
 * tree, and authorities responsible at state, district and municipality level.
 */
export const BAD_BELZIG_CATALOG: CatalogInput = {
  categories: [
    { sourceId: 'familie', name: 'Familie und Kinder', position: 1 },
    { sourceId: 'geburt', parentSourceId: 'familie', name: 'Geburt', position: 1 },
    { sourceId: 'ausweise', name: 'Ausweise und Dokumente', position: 2 },
    { sourceId: 'umzug', name: 'Umzug', position: 3 },
    { sourceId: 'tiere', name: 'Tiere', position: 4 },
    { sourceId: 'beruf', name: 'Arbeit und Beruf', position: 5 },
    { sourceId: 'gewerbe', parentSourceId: 'beruf', name: 'Gewerbe', position: 1 },
    { sourceId: 'verkehr', name: 'Auto und Verkehr', position: 6 },
  ],
  services: [
    {
      sourceId: 'perso',
      leikaKey: '99010004001000',
      name: 'Personalausweis beantragen',
      synonyms: ['Perso', 'Ausweis', 'Identitätskarte'],
      summary: 'Einen neuen Personalausweis beim Bürgeramt beantragen.',
      texts: {
        description: '<p>Den Personalausweis beantragen Sie persönlich im Bürgeramt.</p>',
        fees: '<p>37,00 Euro</p>',
        documents: '<ul><li>biometrisches Passfoto</li></ul>',
      },
      categorySourceIds: ['ausweise'],
      onlineServices: [
        { name: 'Termin online buchen', url: 'https://termine.example.org/bad-belzig', areas: ['120690017017'] },
        { name: 'Online-Ausweisfunktion einrichten', url: 'https://ausweis.example.org/', trustLevel: 'high' },
        { name: 'Nur für Wiesenburg', url: 'https://wiesenburg.example.org/termin', areas: ['120690665665'] },
      ],
      forms: [{ name: 'Antrag (PDF)', url: 'https://example.org/antrag.pdf' }],
    },
    { sourceId: 'pass', leikaKey: '99010006001000', name: 'Reisepass beantragen', synonyms: ['Pass', 'Reisedokument'], summary: 'Ein Reisepass für Reisen außerhalb der EU.', categorySourceIds: ['ausweise'] },
    { sourceId: 'personenstand', name: 'Personenstandsurkunde anfordern', summary: 'Urkunden aus dem Personenstandsregister.', categorySourceIds: ['familie'] },
    {
      sourceId: 'hund',
      leikaKey: '99107003001000',
      name: 'Hundesteuer anmelden',
      synonyms: ['Hund anmelden', 'Hundemarke'],
      summary: 'Einen Hund zur Hundesteuer anmelden.',
      categorySourceIds: ['tiere'],
      onlineServices: [{ name: 'Hund online anmelden', url: 'https://steuer.example.org/hund', areas: ['12069'] }],
    },
    { sourceId: 'fuehrerschein', name: 'Führerschein beantragen', synonyms: ['Fahrerlaubnis'], summary: 'Die erste Fahrerlaubnis beantragen.', categorySourceIds: ['verkehr'] },
    { sourceId: 'zeugnis', name: 'Führungszeugnis beantragen', synonyms: ['Polizeiliches Führungszeugnis'], summary: 'Ein Führungszeugnis für den Arbeitgeber.', categorySourceIds: ['beruf'] },
    { sourceId: 'gewerbe', leikaKey: '99050012104000', name: 'Gewerbeanmeldung', synonyms: ['Gewerbe anmelden', 'Gewerbeschein'], summary: 'Ein Gewerbe anmelden.', categorySourceIds: ['gewerbe'] },
    { sourceId: 'melde', name: 'Meldebescheinigung', synonyms: ['Wohnsitzbescheinigung'], summary: 'Eine Bescheinigung über die Wohnung.', categorySourceIds: ['umzug'] },
    { sourceId: 'wohnsitz', name: 'Wohnsitz anmelden', synonyms: ['Ummeldung', 'Anmeldung Wohnung'], summary: 'Nach dem Umzug die neue Wohnung anmelden.', categorySourceIds: ['umzug'] },
    { sourceId: 'wohngeld', name: 'Wohngeld', synonyms: ['Mietzuschuss'], summary: 'Zuschuss zur Miete.', categorySourceIds: ['umzug'] },
    { sourceId: 'wohngeld-eigentum', name: 'Wohngeld für Eigentümer (Lastenzuschuss)', synonyms: ['Lastenzuschuss'], summary: 'Wohngeld für selbst genutztes Eigentum.', categorySourceIds: ['umzug'] },
    { sourceId: 'geburtsurkunde', name: 'Geburtsurkunde beantragen', summary: 'Eine Geburtsurkunde ausstellen lassen.', categorySourceIds: ['geburt', 'familie'] },
    { sourceId: 'termin', name: 'Terminvereinbarung Bürgerbüro', synonyms: ['Personalausweis Termin'], summary: 'Einen Termin im Bürgerbüro vereinbaren.', categorySourceIds: ['ausweise'] },
    { sourceId: 'geheim', name: 'Personalakte einsehen', summary: 'Von der Redaktion ausgeblendet.', categorySourceIds: ['ausweise'] },
    { sourceId: 'abgelaufen', name: 'Abwrackprämie beantragen', validUntil: '2020-12-31', categorySourceIds: ['verkehr'] },
    { sourceId: 'kuenftig', name: 'Klimageld beantragen', validFrom: '2099-01-01', categorySourceIds: ['familie'] },
  ],
  authorities: [
    {
      sourceId: 'buergeramt',
      name: 'Bürgeramt Bad Belzig',
      addresses: [{ kind: 'visitor', street: 'Wittenberger Straße', houseNumber: '14', postalCode: '14806', city: 'Bad Belzig', latitude: 52.14, longitude: 12.59 }],
      openingHours: [
        { weekday: 2, opens: '09:00', closes: '12:00' },
        { weekday: 4, opens: '13:00', closes: '18:00' },
      ],
      contacts: [
        { kind: 'phone', value: '033841 94-0' },
        { kind: 'email', value: 'buergeramt@bad-belzig.example' },
      ],
      paymentMethods: ['Bar', 'EC-Karte'],
    },
    { sourceId: 'wiesenburg', name: 'Gemeindeverwaltung Wiesenburg/Mark' },
    { sourceId: 'kreis', name: 'Landkreis Potsdam-Mittelmark, Fahrerlaubnisbehörde' },
    { sourceId: 'steueramt', name: 'Landkreis Potsdam-Mittelmark, Steueramt' },
    { sourceId: 'land', name: 'Landesamt für Bürgerdienste Brandenburg' },
  ],
  responsibilities: [
    { serviceSourceId: 'perso', authoritySourceId: 'buergeramt', area: '120690017017' },
    { serviceSourceId: 'perso', authoritySourceId: 'wiesenburg', area: '120690665665' },
    { serviceSourceId: 'perso', authoritySourceId: 'kreis', area: '12069' },
    { serviceSourceId: 'perso', authoritySourceId: 'land', area: '12' },
    { serviceSourceId: 'hund', authoritySourceId: 'steueramt', area: '12069' },
    { serviceSourceId: 'fuehrerschein', authoritySourceId: 'kreis', area: '12069' },
    { serviceSourceId: 'gewerbe', authoritySourceId: 'buergeramt', area: '120690017017' },
    { serviceSourceId: 'geheim', authoritySourceId: 'buergeramt', area: '120690017017' },
  ],
};

/** Wiesenburg's own small catalogue: Bad Belzig's services must not show there, nor these in Bad Belzig. */
export const WIESENBURG_CATALOG: CatalogInput = {
  services: [{ sourceId: 'schloss', name: 'Schlosspark-Führung anmelden', synonyms: ['Parkführung'] }],
};

/** Loads the catalogues and sets the editors' columns: one service hidden, one pinned, a top list. */
async function loadApiCatalogs(bb: Kysely<any>, wb: Kysely<any>): Promise<void> {
  await applyCatalog(bb, 'zufi', Catalog.parse(BAD_BELZIG_CATALOG));
  await applyCatalog(wb, 'zufi', Catalog.parse(WIESENBURG_CATALOG));
  await bb.updateTable('ozg_services').set({ hidden: true }).where('source_id', '=', 'geheim').execute();
  await bb.updateTable('ozg_services').set({ pinned: true }).where('source_id', '=', 'termin').execute();
  for (const [sourceId, top] of [['hund', 2], ['perso', 1], ['geheim', 3]] as const) {
    await bb.updateTable('ozg_services').set({ top_position: top }).where('source_id', '=', sourceId).execute();
  }
}

/** A test platform with both catalogues loaded; `idOf` gives a row's database id by its source id. */
export async function platformWithApiCatalogs(): Promise<{ p: TestPlatform; bb: Kysely<any>; idOf: (sourceId: string, table?: string) => Promise<string> }> {
  const p = await startTestPlatform();
  const bb = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  await loadApiCatalogs(bb, p.database.forTenant(p.tenants.get('wiesenburg')!.id));
  const idOf = async (sourceId: string, table = 'ozg_services') => String((await bb.selectFrom(table).select('id').where('source_id', '=', sourceId).executeTakeFirstOrThrow()).id);
  return { p, bb, idOf };
}
