import type { ServiceSection } from '../model/catalog.ts';
import type { WirePst } from './zufi-wire.ts';
import { escapeHtml, plain } from './plain.ts';

type Target = ServiceSection | 'summary';

/**
 * Text module types ("Textmodule") by key, or by the start of their German name when a key is
 * missing, and the section each fills. Editorial metadata (approved by/on, author) and what we
 * hold as structured data (forms, responsible authority, contact point) are left out.
 */
const TEXT_TYPES: { key: string; name: string; section: Target; heading?: string }[] = [
  { key: 'KURZTEXT', name: 'kurztext', section: 'summary' },
  { key: 'VOLLTEXT', name: 'volltext', section: 'description' },
  { key: 'VORAUSSETZUNGEN', name: 'voraussetzung', section: 'requirements' },
  { key: 'UNTERLAGEN', name: 'erforderliche unterlagen', section: 'documents' },
  { key: 'KOSTEN', name: 'kosten', section: 'fees' },
  { key: 'FRISTEN', name: 'frist', section: 'deadlines' },
  { key: 'BEARBEITUNGSDAUER', name: 'bearbeitungsdauer', section: 'deadlines', heading: 'Bearbeitungsdauer' },
  { key: 'VERFAHRENSABLAUF', name: 'verfahrensablauf', section: 'procedure' },
  { key: 'RECHTSGRUNDLAGE', name: 'rechtsgrundlage', section: 'legalBasis' },
  { key: 'HINWEISE', name: 'hinweis', section: 'hints' },
];

function targetOf(type: { key?: string | null; name?: string | null }) {
  const key = type.key?.trim().toUpperCase();
  const name = type.name?.trim().toLowerCase();
  return TEXT_TYPES.find((t) => (key && t.key === key) || (!key && name && name.startsWith(t.name)));
}

function linkList(links: { name?: string | null; url: string }[]): string {
  const items = links.filter((l) => /^https?:\/\//i.test(l.url)).map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(plain(l.name, 500) || l.url)}</a></li>`);
  return items.length ? `<ul>${items.join('')}</ul>` : '';
}

/**
 * A service's text modules as our sections (HTML, sanitised later by the store) and its summary
 * (plain text: the teaser, else the short text). Several modules of one section are joined.
 */
export function serviceTexts(pst: WirePst): { summary: string | null; texts: Partial<Record<ServiceSection, string>> } {
  const parts = new Map<Target, string[]>();
  for (const m of pst.textModules) {
    const target = targetOf(m.type);
    if (!target) continue;
    const body = (m.text ?? '').trim() + linkList(m.externalLinks);
    if (!body) continue;
    const list = parts.get(target.section) ?? [];
    list.push(target.heading ? `<h3>${target.heading}</h3>${body}` : body);
    parts.set(target.section, list);
  }
  const texts: Partial<Record<ServiceSection, string>> = {};
  for (const [section, list] of parts) if (section !== 'summary') texts[section] = list.join('\n');
  const short = parts.get('summary')?.join('\n');
  if (!texts.description && short) texts.description = short;
  const summary = plain(pst.teaser, 2000) || plain(short, 2000);
  return { summary: summary || null, texts };
}
