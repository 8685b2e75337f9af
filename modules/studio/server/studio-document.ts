import { readFileSync } from 'node:fs';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { LangContext, type Lang } from '../../web-app/client/i18n.ts';

const css = readFileSync(new URL('../pages/studio.css', import.meta.url), 'utf8');

/**
 * Studio pages are rendered on the server and work without script; the CSP forbids any, except
 * on screens that load one of the studio's own built scripts (then only from this origin).
 * Images come from here, except a track map's tiles from the tenant's own tile server.
 */
export const studioCsp = (withScripts: boolean, imageOrigins: string[] = []) =>
  `default-src 'self'; script-src ${withScripts ? "'self'" : "'none'"}; style-src 'self'; img-src ${["'self'", 'data:', ...imageOrigins].join(' ')}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
export const STUDIO_CSP = studioCsp(false);

export function studioCss(): string {
  return css;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function studioDocument(lang: Lang, title: string, tenantName: string, page: VNode<any>, scripts: string[] = []): string {
  const body = renderToString(h(LangContext.Provider, { value: lang }, page));
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Studio ${escapeHtml(tenantName)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/studio/studio.css">
${scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>\n`).join('')}</head>
<body>${body}</body>
</html>
`;
}
