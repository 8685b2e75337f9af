import type { ServiceSection } from '../model/catalog.ts';

/**
 * The code lists an XZuFi-style export uses, mapped to the catalogue. Where an export names the
 * entry (`<name>Volltext</name>` beside `<code>`), the name decides, so an export whose codes
 * differ from this table is still read right; the codes are the fallback.
 */

/** What a text module (modulText/leikaTextmodul) of a service becomes. */
export type TextRole = { section: ServiceSection } | { role: 'name' | 'altName' | 'summary' | 'teaser' | 'forms' } | null;

/** LeiKa text modules by code (XZuFi 2.x "leikaTextmodul"). */
const TEXT_MODULE_CODES: Record<string, TextRole> = {
  '02': { role: 'altName' }, // Leistungsbezeichnung (the systematic name)
  '03': { role: 'name' }, // Leistungsbezeichnung II (the name citizens read)
  '04': { section: 'description' }, // Volltext
  '05': { section: 'documents' }, // Erforderliche Unterlagen
  '06': { section: 'requirements' }, // Voraussetzungen
  '07': { section: 'fees' }, // Kosten
  '08': { section: 'deadlines' }, // Bearbeitungsdauer
  '09': { section: 'procedure' }, // Verfahrensablauf
  '10': { section: 'deadlines' }, // Frist
  '11': { section: 'hints' }, // Weiterführende Informationen
  '12': { section: 'hints' }, // Hinweise (Besonderheiten)
  '13': { section: 'legalBasis' }, // Rechtsgrundlage(n)
  '14': { section: 'legalBasis' }, // Rechtsbehelf
  '15': { role: 'summary' }, // Kurztext
  '18': { role: 'forms' }, // Formulare
  '22': { role: 'teaser' }, // Teaser
};

/** The same by the module's name, for exports that name it (lower case, umlauts as written). */
const TEXT_MODULE_NAMES: [RegExp, TextRole][] = [
  [/^leistungsbezeichnung\s*(ii|2)$/, { role: 'name' }],
  [/^leistungsbezeichnung$/, { role: 'altName' }],
  [/^volltext|^beschreibung/, { section: 'description' }],
  [/unterlagen/, { section: 'documents' }],
  [/voraussetzung/, { section: 'requirements' }],
  [/kosten|gebühr/, { section: 'fees' }],
  [/bearbeitungsdauer|frist/, { section: 'deadlines' }],
  [/verfahrensablauf|ablauf/, { section: 'procedure' }],
  [/weiterführende|hinweis|besonderheit/, { section: 'hints' }],
  [/rechtsgrundlage|rechtsbehelf/, { section: 'legalBasis' }],
  [/^kurztext/, { role: 'summary' }],
  [/^teaser/, { role: 'teaser' }],
  [/formular/, { role: 'forms' }],
];

/** null: a module the app does not show (Ansprechpunkt, Zuständige Stelle, Freigabe …). */
export function textRole(code: string, name: string): TextRole {
  const n = name.trim().toLowerCase();
  if (n) for (const [pattern, role] of TEXT_MODULE_NAMES) if (pattern.test(n)) return role;
  return TEXT_MODULE_CODES[code.padStart(2, '0')] ?? null;
}

export type ContactKind = 'phone' | 'fax' | 'email' | 'web' | 'mobile';

/** XÖV "Erreichbarkeit" channels (kommunikation/kanal): 01 E-Mail, 02 Telefon, 03 Mobil, 04 Fax, 09 Web. */
const CHANNELS: Record<string, ContactKind> = { '01': 'email', '02': 'phone', '03': 'mobile', '04': 'fax', '08': 'email', '09': 'web' };

/** The kind of a contact by its channel code, else guessed from the value itself. */
export function contactKind(code: string, value: string): ContactKind {
  const known = CHANNELS[code.padStart(2, '0')];
  if (known) return known;
  if (value.includes('@')) return 'email';
  if (/^https?:\/\//i.test(value)) return 'web';
  return 'phone';
}

/** Address kinds (anschrift/typ): Dorfplatz's reading, by code or name; without one a visitor address. */
export function addressKind(code: string, name: string): 'visitor' | 'postal' | 'delivery' {
  const n = `${code} ${name}`.toLowerCase();
  if (/post|\b0?2\b/.test(n)) return 'postal';
  if (/liefer|\b0?3\b/.test(n)) return 'delivery';
  return 'visitor';
}

/** eIDAS levels (vertrauensniveau) by name or code 1–3; null when unknown. */
export function trustLevel(code: string, name: string): 'low' | 'substantial' | 'high' | null {
  const n = `${name} ${code}`.toLowerCase();
  if (/niedrig|low|basis|\b0?1\b/.test(n)) return 'low';
  if (/substan|\b0?2\b/.test(n)) return 'substantial';
  if (/hoch|high|\b0?3\b/.test(n)) return 'high';
  return null;
}

const WEEKDAYS = ['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'];

/** ISO weekday 1–7 from "1".."7", "Montag", "Mo" or "Mo." (English "Monday" too); null otherwise. */
export function weekday(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (/^[1-7]$/.test(v)) return Number(v);
  const de = WEEKDAYS.findIndex((d) => v.startsWith(d));
  if (de >= 0) return de + 1;
  const en = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].findIndex((d) => v.startsWith(d));
  return en >= 0 ? en + 1 : null;
}
