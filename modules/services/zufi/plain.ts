import { plainText } from '../../../lib/sanitize.ts';

/**
 * Upstream strings that are stored as plain text (names, synonyms, notes). Only the text
 * sections are HTML (sanitised by the store); everywhere else markup is dropped here, so no
 * upstream HTML reaches the copy unsanitised.
 */
export function plain(s: string | null | undefined, max = 5000): string {
  if (!s) return '';
  const text = /[<&]/.test(s) ? plainText(s) : s.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…` : text;
}

const LINE = '\uE000';

/** Like plain(), but keeps the line structure of <br>, paragraphs and list items (opening hours). */
export function plainLines(html: string | null | undefined, max = 5000): string {
  if (!html) return '';
  const marked = html.replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, `$&${LINE}`);
  const text = plainText(marked)
    .split(LINE)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  return text.slice(0, max);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
