/**
 * Rich text (already sanitised when it was saved) placed under a page's own headings: editors'
 * h1/h2 become h3 and below, so a page keeps exactly one h1 and its heading order. Only tag names
 * change; sanitised HTML has no raw "<" inside attributes, so the pattern cannot hit anything else.
 */
export function demoteHeadings(html: string, top = 3): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_m, slash: string, level: string) => `<${slash}h${Math.min(Number(level) + top - 1, 6)}`);
}

/** Whether a text field holds HTML (importers send HTML or plain text in the same fields). */
export const isHtml = (s: string): boolean => /<[a-z!/]/i.test(s);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Sanitised HTML as plain text for places that cannot show markup (calendar files): paragraphs,
 * line breaks and list items become new lines, tags go, the entities sanitize-html writes are decoded.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|h[1-6]|tr|blockquote|ul|ol|table|figure|figcaption|address)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return entities[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    })
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
