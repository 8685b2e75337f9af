import { plainText } from '../../../lib/sanitize.ts';
import { LEIKA_KEY, SERVICE_SECTIONS, type CatalogInput, type ServiceSection } from '../model/catalog.ts';
import { german, kid, kids, markupOf, textOf, type XmlNode } from './xml-reader.ts';
import { textRole } from './xzufi-codes.ts';

type ServiceInput = CatalogInput['services'][number];
type CategoryInput = NonNullable<CatalogInput['categories']>[number];
type Warn = (message: string) => void;

/** Links the app can open (relative ones would point into Dorfplatz). */
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Extra modules of XZuFi 2.x that carry a description beside the text modules. */
const DESCRIBED_MODULES: [string, ServiceSection][] = [
  ['modulKosten', 'fees'],
  ['modulFrist', 'deadlines'],
  ['modulBearbeitungsdauer', 'deadlines'],
];

/**
 * One XZuFi `leistung` as a catalogue service with the life situations (`kategorie`) it names.
 * A service without id or name cannot be kept and is skipped with a warning (null); a bad LeiKa
 * key or validity date is dropped with a warning and the service kept.
 */
export function serviceOf(node: XmlNode, position: number, warn: Warn): { service: ServiceInput; categories: CategoryInput[] } | null {
  const id = textOf(kid(node, 'id'));
  const sections = new Map<ServiceSection, string[]>();
  const add = (section: ServiceSection, html: string) => {
    if (html) sections.set(section, [...(sections.get(section) ?? []), html]);
  };
  const named: Partial<Record<'name' | 'altName' | 'summary' | 'teaser', string>> = {};
  const forms: ServiceInput['forms'] = [];

  for (const module of kids(node, 'modulText')) {
    const code = kid(module, 'leikaTextmodul');
    const role = textRole(textOf(kid(code, 'code')) || textOf(code), textOf(kid(code, 'name')));
    if (!role) continue;
    const html = markupOf(german(kids(module, 'inhalt')));
    const found = kids(module, 'weiterfuehrenderLink').map(linkOf).filter((l) => l.url);
    const links = found.filter((l) => WEB_ADDRESS.test(l.url));
    for (const l of found) if (!links.includes(l)) warn(`Leistung ${id || `Nr. ${position + 1}`}: Link „${l.url}“ ist keine http(s)-Adresse; ausgelassen.`);
    if ('section' in role) add(role.section, html + linkList(links));
    else if (role.role === 'forms') {
      forms.push(...links.map((l) => ({ name: l.title || l.url, url: l.url })));
      add('hints', html);
    } else if (html) named[role.role] ??= plainText(html);
  }
  for (const [module, section] of DESCRIBED_MODULES) add(section, markupOf(german(kids(kid(node, module), 'beschreibung'))));

  const name = named.name || named.altName || plainText(textOf(german(kids(node, 'bezeichnung'))));
  const label = `Leistung ${id || `Nr. ${position + 1}`}${name && !id ? ` („${name}“)` : ''}`;
  if (!id) {
    warn(`${label}: ohne ID, übersprungen.`);
    return null;
  }
  if (!name) {
    warn(`${label}: ohne Bezeichnung, übersprungen.`);
    return null;
  }

  const texts: Partial<Record<ServiceSection, string>> = {};
  for (const s of SERVICE_SECTIONS) if (sections.has(s)) texts[s] = sections.get(s)!.join('\n');

  const validity = kid(node, 'gueltigkeit');
  const categories = categoriesOf(node, label, warn);
  return {
    service: {
      sourceId: id,
      leikaKey: leikaKeyOf(node, label, warn),
      name,
      synonyms: synonymsOf(node, name),
      summary: named.summary || named.teaser || null,
      texts,
      validFrom: dateOf(textOf(kid(validity, 'beginn')), `${label}: Gültigkeitsbeginn`, warn),
      validUntil: dateOf(textOf(kid(validity, 'ende')), `${label}: Gültigkeitsende`, warn),
      categorySourceIds: categories.map((c) => c.sourceId),
      onlineServices: [],
      forms,
    },
    categories,
  };
}

function leikaKeyOf(node: XmlNode, label: string, warn: Warn): string | null {
  const keys = kids(node, 'referenzLeiKa').map((r) => textOf(kid(r, 'code')) || textOf(r)).filter(Boolean);
  const key = keys.find((k) => LEIKA_KEY.test(k));
  if (!key && keys.length) warn(`${label}: LeiKa-Schlüssel „${keys[0]}“ hat nicht 14 Ziffern; ohne Schlüssel übernommen.`);
  return key ?? null;
}

/** Terms in context (modulBegriffImKontext), the search words of a service; without the name itself. */
function synonymsOf(node: XmlNode, name: string): string[] {
  const terms = kids(kid(node, 'modulBegriffImKontext'), 'begriffImKontext').map((b) => plainText(textOf(german(kids(b, 'begriff')))));
  return [...new Set(terms.filter((t) => t && t !== name && t.length <= 200))];
}

/** A date of YYYY-MM-DD (a dateTime is cut to its date); anything else is dropped with a warning. */
function dateOf(value: string, what: string, warn: Warn): string | null {
  if (!value) return null;
  const date = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(value)?.[1];
  if (date && !Number.isNaN(Date.parse(date))) return date;
  warn(`${what} „${value}“ ist kein Datum (JJJJ-MM-TT); ausgelassen.`);
  return null;
}

function categoriesOf(node: XmlNode, label: string, warn: Warn): CategoryInput[] {
  const out: CategoryInput[] = [];
  for (const k of kids(node, 'kategorie')) {
    const id = textOf(kid(k, 'id'));
    const name = plainText(textOf(german(kids(k, 'bezeichnung'))));
    if (!id || !name) {
      warn(`${label}: Kategorie ohne ID oder Bezeichnung ausgelassen.`);
      continue;
    }
    const description = plainText(markupOf(german(kids(k, 'beschreibung'))));
    out.push({ sourceId: id, parentSourceId: textOf(kid(k, 'uebergeordneteKategorieID')) || null, name, description: description || null });
  }
  return out;
}

type Link = { url: string; title: string };
const linkOf = (n: XmlNode): Link => ({ url: textOf(kid(n, 'uri')) || textOf(kid(n, 'link')), title: plainText(textOf(kid(n, 'titel'))) });

/** Further links of a text module, appended to its section as a list (the store keeps only http(s) links). */
function linkList(links: Link[]): string {
  if (!links.length) return '';
  const item = (l: Link) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.title || l.url)}</a></li>`;
  return `<ul>${links.map(item).join('')}</ul>`;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
