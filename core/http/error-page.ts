import type { FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';

/**
 * A form posted by a browser that fails before any route sees it (a body over the size limit, an
 * unreadable body) would otherwise answer with JSON the person cannot read. Browsers ask for
 * text/html; they get a short page in German or English with a way back. No script, no styles
 * from elsewhere: it passes any page's CSP.
 */
export function wantsHtml(req: FastifyRequest): boolean {
  return /\btext\/html\b/.test(req.headers.accept ?? '') && !req.url.startsWith('/graphql');
}

const texts = {
  de: {
    title: 'Das hat nicht geklappt',
    back: 'Zurück',
    byCode: {
      PAYLOAD_TOO_LARGE: 'Die gesendeten Daten sind zu groß. Bitte kürzen Sie die Eingabe; große Dateien laden Sie in der Mediathek hoch.',
      UNSUPPORTED_MEDIA_TYPE: 'Diese Art von Daten wird hier nicht angenommen.',
      NOT_FOUND: 'Diese Seite gibt es nicht.',
    } as Record<string, string>,
    fallback: 'Die Anfrage konnte nicht verarbeitet werden.',
  },
  en: {
    title: 'That did not work',
    back: 'Back',
    byCode: {
      PAYLOAD_TOO_LARGE: 'The data sent is too large. Please shorten your input; upload large files in the media library.',
      UNSUPPORTED_MEDIA_TYPE: 'This kind of data is not accepted here.',
      NOT_FOUND: 'This page does not exist.',
    } as Record<string, string>,
    fallback: 'The request could not be processed.',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Back to the page the form came from when it is on this host, else to the start. */
function backLink(req: FastifyRequest): string {
  const referer = req.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === req.headers.host ? url.pathname + url.search : '/';
  } catch {
    return '/';
  }
}

export function errorPage(req: FastifyRequest, err: AppError): string {
  const lang = /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'de';
  const t = texts[lang];
  // The framework's own messages are English; a person gets the sentence in their language.
  const message = t.byCode[err.code] ?? (lang === 'en' ? err.message : t.fallback);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head>
<body><main><h1>${t.title}</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(backLink(req))}">${t.back}</a></p></main></body></html>`;
}
