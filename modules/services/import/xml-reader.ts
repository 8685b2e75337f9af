import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { badRequest } from '../../../core/errors.ts';

/**
 * A parsed XML element: attributes as "@_name", text as "#text", child elements always as lists
 * (whether the file has one or many). A leaf without attributes is just its text.
 */
export type XmlNode = string | { [key: string]: string | XmlNode[] };

/** Elements whose content is kept as written (HTML, escaped, in CDATA or as inline markup): see markupOf. */
const MARKUP_ELEMENTS = ['inhalt', 'beschreibung'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // XZuFi elements come with any prefix (xzufi:, ns2: …); only local names matter.
  removeNSPrefix: true,
  // Keys and codes are strings with leading zeros ("0101", ARS "120690017017"), never numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  stopNodes: MARKUP_ELEMENTS.map((name) => `*.${name}`),
  // Only XML's five entities and character references are ever resolved: a DOCTYPE is refused before.
  processEntities: true,
  htmlEntities: false,
});

/**
 * Parses an export safely: a document with a DOCTYPE is refused outright, so no entity can be
 * declared — nothing external is fetched (XXE) and nothing expands (billion laughs). Malformed XML
 * is refused with its line and column. Returns the root element.
 */
export function readXml(text: string): { name: string; node: XmlNode } {
  const doctype = doctypeLine(text);
  if (doctype) throw badRequest(`Die XML-Datei enthält in Zeile ${doctype} eine DOCTYPE-Deklaration. Aus Sicherheitsgründen werden XML-Dateien mit DTD nicht angenommen; XZuFi-Exporte brauchen keine.`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw badRequest(`Die XML-Datei ist fehlerhaft in Zeile ${valid.err.line}, Spalte ${valid.err.col}: ${validatorProblem(valid.err.code)} (${valid.err.msg})`);
  const doc = parser.parse(text) as Record<string, XmlNode[]>;
  const name = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!name) throw badRequest('Die XML-Datei enthält kein Element.');
  return { name, node: doc[name]![0]! };
}

/** The line of a DOCTYPE outside comments and CDATA (where it is only text), or null. */
function doctypeLine(text: string): number | null {
  const masked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const at = masked.search(/<!DOCTYPE/i);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

function validatorProblem(code: string): string {
  switch (code) {
    case 'InvalidTag':
      return 'Ein Element ist falsch geschrieben, nicht geschlossen oder falsch verschachtelt';
    case 'InvalidAttr':
      return 'Ein Attribut ist fehlerhaft';
    case 'InvalidChar':
      return 'Ein Zeichen ist an dieser Stelle nicht erlaubt';
    default:
      return 'Die Struktur ist ungültig';
  }
}

/** The child elements of a node with this local name. */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = Object.hasOwn(node, name) ? node[name] : undefined;
  return Array.isArray(v) ? v : [];
}

/** The first child element with this name, following a path of names. */
export function kid(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let n = node;
  for (const name of names) n = kids(n, name)[0];
  return n;
}

export function textOf(node: XmlNode | undefined): string {
  if (typeof node === 'string') return node.trim();
  const t = node && Object.hasOwn(node, '#text') ? node['#text'] : undefined;
  return typeof t === 'string' ? t.trim() : '';
}

export function attrOf(node: XmlNode | undefined, name: string): string | undefined {
  const v = node && typeof node === 'object' && Object.hasOwn(node, `@_${name}`) ? node[`@_${name}`] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/**
 * The HTML of a text element (inhalt, beschreibung), however the export wrote it: escaped
 * (`&lt;p&gt;`), in CDATA, or as inline markup. Escaped text is decoded; inline markup is already
 * HTML and kept. The store sanitises it (store/apply-catalog.ts).
 */
export function markupOf(node: XmlNode | undefined): string {
  const raw = typeof node === 'string' ? node : textOf(node);
  const parts = raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  const isCdata = (p: string) => p.startsWith('<![CDATA[');
  const inline = parts.some((p) => !isCdata(p) && p.includes('<'));
  return parts
    .map((p) => (isCdata(p) ? p.slice(9, -3) : inline ? p : decodeXmlEntities(p)))
    .join('')
    .trim();
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Of a multilingual element's versions (`languageCode` attribute), the German one, else one without language, else the first. */
export function german(nodes: XmlNode[]): XmlNode | undefined {
  const lang = (n: XmlNode) => attrOf(n, 'languageCode')?.toLowerCase();
  return nodes.find((n) => lang(n)?.startsWith('de')) ?? nodes.find((n) => lang(n) === undefined) ?? nodes[0];
}
