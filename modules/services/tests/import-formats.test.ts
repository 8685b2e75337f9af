import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../core/errors.ts';
import { parseJsonExport } from '../import/json-format.ts';
import { MAX_IMPORT_BYTES, readUploadText } from '../import/upload-text.ts';
import { parseXzufiExport } from '../import/xzufi-format.ts';

const fixture = (name: string) => readFileSync(new URL(`./import-fixtures/${name}`, import.meta.url), 'utf8');
const xml = fixture('xzufi-export.xml');
const json = fixture('catalog.json');

/** Asserts that `fn` throws an AppError with this status whose message matches. */
function refuses(fn: () => unknown, status: number, message: RegExp) {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof AppError, `an AppError, got ${String(err)}`);
    assert.equal(err.httpStatus, status, err.message);
    assert.match(err.message, message);
    return true;
  });
}

/** A minimal XZuFi-style document around some `schreibe` content. */
const xzufi = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<x:transfer xmlns:x="http://xoev.de/schemata/xzufi/2_2_0"><x:schreibe>
${body}
</x:schreibe></x:transfer>`;
const leistung = (id: string, name: string, extra = '') =>
  `<x:leistung>${id ? `<x:id>${id}</x:id>` : ''}<x:modulText><x:leikaTextmodul><code>03</code></x:leikaTextmodul><x:inhalt>${name}</x:inhalt></x:modulText>${extra}</x:leistung>`;

describe('reading export files', () => {
  it('reads the XZuFi-style XML fixture into the same catalogue as the JSON fixture', () => {
    const fromXml = parseXzufiExport(xml);
    const fromJson = parseJsonExport(json);
    assert.deepEqual(fromXml.warnings, []);
    assert.deepEqual(fromXml.catalog, fromJson.catalog);
    const [perso, , gewerbe] = fromXml.catalog.services;
    // Escaped HTML, CDATA and inline markup all arrive as HTML (the store sanitises it).
    assert.match(perso!.texts.description!, /^<p>Deutsche ab 16 Jahren/, 'the German text, not the English one');
    assert.equal(perso!.texts.documents, '<ul><li>bisheriger Ausweis</li><li>ein biometrisches Passfoto</li></ul>');
    assert.equal(perso!.texts.requirements, '<p>Sie sind Deutsche oder Deutscher &amp; wohnen in der Stadt.</p>');
    assert.equal(perso!.name, 'Personalausweis beantragen', 'Leistungsbezeichnung II is the name');
    assert.deepEqual(perso!.synonyms, ['Perso', 'Ausweis']);
    assert.deepEqual(gewerbe!.onlineServices, [
      { name: 'Gewerbe-Service-Portal Brandenburg', url: 'https://gewerbe.service.brandenburg.example/anmeldung', trustLevel: 'substantial', description: 'Gewerbe online an-, um- und abmelden.', areas: ['12'] },
    ]);
    assert.equal(fromXml.catalog.responsibilities.length, 4);
  });

  it('refuses JSON that is not ours, not valid or not JSON at all, naming where in German', () => {
    const catalog = JSON.parse(json);
    refuses(() => parseJsonExport(JSON.stringify({ services: catalog.services })), 400, /kein Dorfplatz-Export.*"format": "dorfplatz-services"/);
    refuses(() => parseJsonExport(JSON.stringify({ ...catalog, version: 2 })), 400, /Formatversion 2; gelesen wird Version 1/);
    refuses(() => parseJsonExport('[1, 2]'), 400, /kein JSON-Objekt/);
    refuses(() => parseJsonExport('{\n  "format": "dorfplatz-services",\n  "version": 1,\n  "services": [,]\n}'), 400, /fehlerhaft \(Zeile 4, Spalte 16\)/);
    refuses(() => parseJsonExport('{"format": "dorfplatz-services", "version": 1, "services": ['), 400, /fehlerhaft \(Zeile 1, Spalte 61\)/);
    refuses(() => parseJsonExport(JSON.stringify({ ...catalog, services: [] })), 400, /keine Leistungen/);

    const broken = structuredClone(catalog);
    broken.services[1].leikaKey = '9901';
    broken.services[2].onlineServices[0].url = 'javascript:alert(1)';
    broken.authorities[0].openingHours[0].opens = '9 Uhr';
    delete broken.services[0].name;
    broken.responsibilities[3].area = 'Bad Belzig';
    let message = '';
    try {
      parseJsonExport(JSON.stringify(broken));
    } catch (err) {
      message = (err as Error).message;
    }
    assert.match(message, /services\[1\]\.leikaKey: Der LeiKa-Schlüssel muss 14 Ziffern haben\./);
    assert.match(message, /services\[0\]\.name: Diese Angabe fehlt\./);
    assert.match(message, /services\[2\]\.onlineServices\[0\]\.url: Erwartet wird eine Internetadresse, die mit http:\/\/ oder https:\/\/ beginnt\./);
    assert.match(message, /authorities\[0\]\.openingHours\[0\]\.opens: Erwartet wird eine Uhrzeit im Format HH:MM\./);
    assert.match(message, /responsibilities\[3\]\.area: Der Gebietsschlüssel muss ein amtlicher Regionalschlüssel \(ARS\)/);
  });

  it('refuses XML with a DOCTYPE: no external entity is read and no entity expands', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<x>${leistung('L1', '&xxe;')}</x>`;
    refuses(() => parseXzufiExport(xxe), 400, /in Zeile 2 eine DOCTYPE-Deklaration/);
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<lolz>${leistung('L1', '&lol9;')}</lolz>`;
    const started = performance.now();
    refuses(() => parseXzufiExport(laughs), 400, /DOCTYPE/);
    assert.ok(performance.now() - started < 1000, 'refused at once, nothing expanded');
    // A DOCTYPE after the root (where a parser could still read it) is refused too …
    refuses(() => parseXzufiExport(xzufi(`${leistung('L1', 'Name')}<!DOCTYPE y [<!ENTITY e "x">]>`)), 400, /DOCTYPE/);
    // … but one quoted as text in CDATA is just text.
    const quoted = parseXzufiExport(xzufi(leistung('L1', 'Ausweis', '<x:modulText><x:leikaTextmodul><code>04</code></x:leikaTextmodul><x:inhalt><![CDATA[<p>Kein <!DOCTYPE html> hier</p>]]></x:inhalt></x:modulText>')));
    assert.equal(quoted.catalog.services[0]!.texts.description, '<p>Kein <!DOCTYPE html> hier</p>');
  });

  it('refuses malformed XML with its line, and XML without services', () => {
    refuses(() => parseXzufiExport(xzufi(`${leistung('L1', 'Ausweis')}\n<x:leistung><x:id>L2</x:leistung>`)), 400, /fehlerhaft in Zeile 4, Spalte \d+/);
    refuses(() => parseXzufiExport('<?xml version="1.0"?><rss><channel/></rss>'), 400, /keine Leistungen \(Elemente „leistung“\)/);
    refuses(() => parseXzufiExport(xzufi(leistung('', 'Ohne ID'))), 400, /keine verwendbaren Leistungen.*ohne ID/);
  });

  it('skips unusable XZuFi entries with a warning and keeps the rest', () => {
    const parsed = parseXzufiExport(
      xzufi(`
      ${leistung('', 'Meldebescheinigung')}
      ${leistung('L1', 'Ausweis', '<x:referenzLeiKa><code>9901</code></x:referenzLeiKa><x:gueltigkeit><x:beginn>demnächst</x:beginn></x:gueltigkeit><x:modulText><x:leikaTextmodul><code>18</code></x:leikaTextmodul><x:weiterfuehrenderLink><x:uri>/formulare/antrag.pdf</x:uri></x:weiterfuehrenderLink></x:modulText>')}
      ${leistung('L2', '')}
      ${leistung('L3', 'x'.repeat(600))}
      <x:organisationseinheit><x:id>OE1</x:id><x:name><x:name>Bürgerbüro</x:name></x:name>
        <x:oeffnungszeiten><x:zeitraum><x:wochentag>Feiertag</x:wochentag><x:von>09:00</x:von><x:bis>12:00</x:bis></x:zeitraum></x:oeffnungszeiten>
        <x:zustaendigkeit><x:leistungID>L1</x:leistungID><x:leistungID>L9</x:leistungID><x:gebietID>120690017017</x:gebietID><x:gebietID>Bad Belzig</x:gebietID></x:zustaendigkeit>
      </x:organisationseinheit>
      <x:organisationseinheit><x:name><x:name>Ohne ID</x:name></x:name></x:organisationseinheit>
      <x:zustaendigkeitTransferObjekt><x:uebergeordnetesObjektID>OE9</x:uebergeordnetesObjektID><x:zustaendigkeit><x:leistungID>L1</x:leistungID><x:gebietID>12</x:gebietID></x:zustaendigkeit></x:zustaendigkeitTransferObjekt>
    `),
    );
    assert.deepEqual(
      parsed.catalog.services.map((s) => [s.sourceId, s.leikaKey, s.validFrom, s.forms]),
      [['L1', null, null, []]],
    );
    assert.deepEqual(parsed.catalog.responsibilities, [{ serviceSourceId: 'L1', authoritySourceId: 'OE1', area: '120690017017' }]);
    assert.deepEqual(parsed.catalog.authorities[0]!.openingHours, []);
    const expected = [
      /^Leistung Nr\. 1 \(„Meldebescheinigung“\): ohne ID, übersprungen\.$/,
      /^Leistung L1: LeiKa-Schlüssel „9901“ hat nicht 14 Ziffern; ohne Schlüssel übernommen\.$/,
      /^Leistung L1: Gültigkeitsbeginn „demnächst“ ist kein Datum/,
      /^Leistung L1: Link „\/formulare\/antrag\.pdf“ ist keine http\(s\)-Adresse; ausgelassen\.$/,
      /^Leistung L2: ohne Bezeichnung, übersprungen\.$/,
      /^Leistung L3: name: Höchstens 500 Zeichen\. Übersprungen\.$/,
      /^Organisationseinheit OE1: Öffnungszeit \(Feiertag, 09:00, 12:00\) ist unvollständig oder ungültig; ausgelassen\.$/,
      /^Organisationseinheit Nr\. 2 \(„Ohne ID“\): ohne ID, übersprungen\.$/,
      /^Zuständigkeit von OE1: Gebiet „Bad Belzig“ ist kein Regionalschlüssel/,
      /^Zuständigkeit von OE1: Leistung „L9“ ist nicht in der Datei/,
      /^Zuständigkeit von „OE9“: weder Organisationseinheit noch Onlinedienst/,
    ];
    assert.equal(parsed.warnings.length, expected.length, parsed.warnings.join('\n'));
    for (const pattern of expected) assert.ok(parsed.warnings.some((w) => pattern.test(w)), `${pattern} in\n${parsed.warnings.join('\n')}`);
  });

  it('tells JSON from XML by content and refuses other files, empty files and wrong encodings', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    assert.equal(readUploadText('export.xml', enc(`\uFEFF  ${json}`)).format, 'json', 'the content decides, not the name');
    assert.equal(readUploadText('export.json', enc(xml)).format, 'xml');
    refuses(() => readUploadText('antrag.pdf', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj')), 415, /„antrag\.pdf“ ist weder JSON noch XML/);
    refuses(() => readUploadText('bild.xml', new Uint8Array([0x3c, 0x00, 0x01, 0x02])), 415, /weder JSON noch XML/);
    refuses(() => readUploadText('seite.xml', enc('<!DOCTYPE html>\n<html lang="de"><body>Bürgerservice</body></html>')), 415, /weder JSON noch XML/);
    refuses(() => readUploadText('leer.json', enc(' \n\t ')), 400, /ist leer/);
    refuses(() => readUploadText('kaputt.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400, /nicht in UTF-8/);
    refuses(() => readUploadText('gross.json', new Uint8Array(MAX_IMPORT_BYTES + 1)), 413, /höchstens 20 MB/);
    refuses(() => readUploadText('alt.xml', enc('<?xml version="1.0" encoding="EBCDIC-CP-DE"?><a/>')), 400, /Zeichenkodierung „ebcdic-cp-de“/);

    const latin1 = Buffer.from(xzufi(leistung('L1', 'Hundesteuer für Rüden')).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    const read = readUploadText('latin1.xml', latin1);
    assert.equal(parseXzufiExport(read.text).catalog.services[0]!.name, 'Hundesteuer für Rüden');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]);
    assert.equal(parseJsonExport(readUploadText('utf16.json', utf16).text).catalog.services.length, 3);
  });
});
