import type { UpstreamData } from '../../seed/zufi-fixture.ts';

/**
 * A large upstream in the ZuFi wire format for the bench: `services` services and `authorities`
 * authorities with texts of realistic length, responsibilities at district and municipality
 * level for `area`, life situations, online services and forms. Deterministic: the same
 * arguments give the same data, so a second sync changes nothing.
 */
const SUBJECTS = ['Personalausweis', 'Reisepass', 'Meldebescheinigung', 'Hundesteuer', 'Gewerbe', 'Wohngeld', 'Baugenehmigung', 'Führungszeugnis', 'Geburtsurkunde', 'Kita-Platz', 'Elterngeld', 'Fischereischein', 'Parkausweis', 'Sperrmüll', 'Fundsache', 'Fahrzeugzulassung', 'Führerschein', 'Waffenschein', 'Grundsteuer', 'Sondernutzung', 'Veranstaltung', 'Baumfällung', 'Jagdschein', 'Schwerbehindertenausweis', 'Pflegegeld', 'Kindergeld', 'Unterhaltsvorschuss', 'Einbürgerung', 'Aufenthaltstitel', 'Gaststättenerlaubnis'];
const ACTIONS = ['beantragen', 'verlängern', 'ändern', 'abmelden', 'anmelden', 'ersetzen', 'einsehen', 'widerrufen', 'übertragen', 'bescheinigen'];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const para = (i: number, topic: string, n: number) =>
  Array.from({ length: n }, (_, k) => `<p>${topic}: Hinweis ${k + 1} zur Leistung ${i}. Bitte halten Sie die nötigen Unterlagen bereit und beachten Sie die Fristen; die zuständige Stelle berät Sie gern vor Ort oder telefonisch.</p>`).join('');

export function generatedUpstream(services: number, authorities: number, area: string): UpstreamData {
  const district = area.slice(0, 5);
  const roots = 12;
  const categories = Array.from({ length: roots * 6 }, (_, i) => ({
    id: `${300000 + i}`,
    name: i < roots ? `Lebenslage ${i + 1}` : `Lebenslage ${(i % roots) + 1}.${Math.floor(i / roots)}`,
    description: `Leistungen der Lebenslage ${i + 1}`,
    parentId: i < roots ? null : `${300000 + (i % roots)}`,
    position: i,
    publicServiceTypes: [] as { id: string }[],
  }));
  const data: UpstreamData = { services: [], categories, authorities: [], competences: [], onlineServices: [], forms: [] };
  for (let j = 0; j < authorities; j++) {
    data.authorities.push({
      id: `${200000 + j}`,
      name: `Amt ${j + 1} – Fachdienst ${SUBJECTS[j % SUBJECTS.length]}`,
      description: `<p>Zuständig für ${SUBJECTS[j % SUBJECTS.length]} und verwandte Leistungen.</p>`,
      addresses: [{ type: { key: 'HAUSANSCHRIFT' }, street: `Hauptstraße`, houseNumber: String(1 + (j % 120)), zipcode: '14806', city: 'Bad Belzig', coordinates: { latitude: 52.1 + (j % 100) / 1000, longitude: 12.55 + (j % 90) / 1000 } }],
      communications: [
        { type: { key: 'TELEFON' }, value: `033841 ${pad(j, 4)}` },
        { type: { key: 'EMAIL' }, value: `amt${j}@landkreis.demo` },
      ],
      openingHours: '<p>Montag bis Freitag 9:00–12:00 Uhr<br>Dienstag 13:00–18:00 Uhr</p>',
      openingTimes: [...WEEKDAYS.map((weekday) => ({ weekday, timeFrom: '09:00', timeTo: '12:00' })), { weekday: 'TUESDAY', timeFrom: '13:00', timeTo: '18:00' }],
      paymentMethods: [{ name: 'EC-Karte (girocard)' }, { name: 'Überweisung' }],
    });
  }
  for (let i = 0; i < services; i++) {
    const id = `${100000 + i}`;
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const action = ACTIONS[Math.floor(i / SUBJECTS.length) % ACTIONS.length]!;
    const variant = Math.floor(i / (SUBJECTS.length * ACTIONS.length));
    data.services.push({
      id,
      leikaKey: `99${pad(i, 12)}`,
      name: `${subject} ${action}${variant ? ` (Fall ${variant + 1})` : ''}`,
      teaser: `${subject} ${action}: was Sie brauchen und wohin Sie sich wenden.`,
      synonyms: [`${subject}antrag`, `${subject} ${i}`, `Antrag ${subject}`],
      textModules: [
        { type: { key: 'VOLLTEXT' }, text: para(i, 'Beschreibung', 3) },
        { type: { key: 'VORAUSSETZUNGEN' }, text: `<ul><li>Wohnsitz im Gebiet</li><li>Volljährigkeit</li><li>Nachweis ${i}</li></ul>` },
        { type: { key: 'UNTERLAGEN' }, text: '<ul><li>Personalausweis</li><li>Antragsformular</li><li>Nachweise</li></ul>' },
        { type: { key: 'KOSTEN' }, text: `<p>${10 + (i % 90)},00 Euro</p>` },
        { type: { key: 'FRISTEN' }, text: para(i, 'Fristen', 1) },
        { type: { key: 'VERFAHRENSABLAUF' }, text: '<ol><li>Antrag stellen</li><li>Prüfung</li><li>Bescheid</li></ol>' },
        { type: { key: 'RECHTSGRUNDLAGE' }, externalLinks: [{ name: 'Verwaltungsverfahrensgesetz', url: 'https://www.gesetze-im-internet.de/vwvfg/' }] },
      ],
      validFrom: '2024-01-01',
    });
    categories[roots + (i % (roots * 5))]!.publicServiceTypes.push({ id });
    if (i % 7 === 0) categories[i % roots]!.publicServiceTypes.push({ id });
    data.competences.push({ id: `${id}-a`, pstId: id, ouId: `${200000 + (i % authorities)}`, areaId: i % 2 ? area : district });
    if (i % 3 === 0) data.competences.push({ id: `${id}-b`, pstId: id, ouId: `${200000 + ((i * 7 + 3) % authorities)}`, areaId: district });
    if (i % 3 === 1) data.onlineServices.push({ id: `${400000 + i}`, name: `${subject} online ${action}`, url: `https://service.landkreis.demo/leistung/${id}`, trustLevel: ['NIEDRIG', 'SUBSTANZIELL', 'HOCH'][Math.floor(i / 3) % 3], pstIds: [id], areaIds: [] });
    if (i % 2 === 0) data.forms.push({ id: `${500000 + i}`, name: `Antrag ${subject}`, links: [{ name: `Antrag ${subject} (PDF)`, url: `https://formulare.landkreis.demo/${id}.pdf` }], pstIds: [id] });
  }
  return data;
}
