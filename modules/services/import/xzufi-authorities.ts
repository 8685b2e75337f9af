import { plainText } from '../../../lib/sanitize.ts';
import type { CatalogInput } from '../model/catalog.ts';
import { german, kid, kids, markupOf, textOf, type XmlNode } from './xml-reader.ts';
import { addressKind, contactKind, weekday } from './xzufi-codes.ts';

type AuthorityInput = NonNullable<CatalogInput['authorities']>[number];
type Warn = (message: string) => void;

/**
 * One XZuFi `organisationseinheit` as a catalogue authority: name, description, addresses,
 * contacts (kommunikation), opening hours and payment methods. Without id or name it is skipped
 * with a warning (null); a bad opening span or contact is dropped with a warning.
 */
export function authorityOf(node: XmlNode, position: number, warn: Warn): AuthorityInput | null {
  const id = textOf(kid(node, 'id'));
  const nameNode = kid(node, 'name');
  // XZuFi nests the multilingual names: <name><name languageCode="de">…</name></name>.
  const name = plainText(textOf(german(kids(nameNode, 'name'))) || textOf(nameNode));
  const label = `Organisationseinheit ${id || `Nr. ${position + 1}${name ? ` („${name}“)` : ''}`}`;
  if (!id || !name) {
    warn(`${label}: ohne ${id ? 'Namen' : 'ID'}, übersprungen.`);
    return null;
  }
  const description = markupOf(german(kids(node, 'beschreibung')));
  const hours = kid(node, 'oeffnungszeiten');
  const note = plainText(markupOf(german(kids(hours, 'beschreibung'))));
  return {
    sourceId: id,
    name,
    description: description || null,
    addresses: kids(node, 'anschrift').map(addressOf),
    openingHours: kids(hours, 'zeitraum').flatMap((span) => spansOf(span, label, warn)),
    openingHoursNote: note || null,
    contacts: kids(node, 'kommunikation').flatMap((k) => {
      const value = textOf(kid(k, 'kennung'));
      if (!value) return [];
      const channel = kid(k, 'kanal');
      return [{ kind: contactKind(textOf(kid(channel, 'code')) || textOf(channel), value), value, label: textOf(kid(k, 'zusatz')) || null }];
    }),
    paymentMethods: [...new Set(kids(node, 'zahlungsweise').map((z) => textOf(kid(z, 'name')) || textOf(z)).filter((z) => z && !/^\d+$/.test(z)))],
  };
}

function addressOf(a: XmlNode): NonNullable<AuthorityInput['addresses']>[number] {
  const typ = kid(a, 'typ');
  const geo = kid(a, 'geokodierung');
  const field = (name: string) => textOf(kid(a, name)) || null;
  return {
    kind: addressKind(textOf(kid(typ, 'code')) || textOf(typ), textOf(kid(typ, 'name'))),
    street: field('strasse'),
    houseNumber: field('hausnummer'),
    postalCode: field('postleitzahl'),
    city: field('ort'),
    latitude: coordinate(textOf(kid(geo, 'breite')), 90),
    longitude: coordinate(textOf(kid(geo, 'laenge')), 180),
  };
}

/** A decimal degree (comma or point), null when missing or out of range. */
function coordinate(value: string, limit: number): number | null {
  const n = Number(value.replace(',', '.'));
  return value && Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)/;

/** A `zeitraum` (one or more `wochentag`, `von`, `bis`, `hinweis`) as spans per weekday. */
function spansOf(span: XmlNode, label: string, warn: Warn) {
  const time = (v: string) => {
    const m = TIME.exec(v);
    return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
  };
  const opens = time(textOf(kid(span, 'von')));
  const closes = time(textOf(kid(span, 'bis')));
  const days = kids(span, 'wochentag').map((d) => weekday(textOf(d)));
  if (!opens || !closes || !days.length || days.includes(null) || opens >= closes) {
    warn(`${label}: Öffnungszeit (${['wochentag', 'von', 'bis'].map((n) => kids(span, n).map(textOf).join('/') || '–').join(', ')}) ist unvollständig oder ungültig; ausgelassen.`);
    return [];
  }
  const note = textOf(kid(span, 'hinweis')) || null;
  return days.map((d) => ({ weekday: d!, opens, closes, note }));
}
