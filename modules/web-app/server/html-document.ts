import { createHash } from 'node:crypto';
import type { Prefs } from '../client/prefs.ts';
import { prefsAttributes } from '../client/prefs.ts';
import type { WebAssets } from './vite-assets.ts';
import type { ThemeColors } from './theme-colors.ts';

export type DocumentParts = {
  title: string;
  description: string;
  lang: string;
  prefs: Prefs;
  colors: ThemeColors;
  assets: WebAssets;
  body: string;
  boot: unknown;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside <script> must not close the element or open a comment. */
const inlineJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * The first HTML of every page: server-rendered content (so the first paint needs no second round
 * trip), the page's data for hydration, and the tenant's colours as CSS variables. Returns the
 * hash of the inline style for the page's Content-Security-Policy.
 */
export function htmlDocument(p: DocumentParts): { html: string; styleHash: string } {
  const style = `:root{--primary:${p.colors.primary};--on-primary:${p.colors.onPrimary};--primary-text:${p.colors.primaryText};--primary-text-dark:${p.colors.primaryTextDark}}`;
  const styleHash = createHash('sha256').update(style).digest('base64');
  const attrs = Object.entries(prefsAttributes(p.prefs))
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  const html = `<!doctype html>
<html lang="${escapeHtml(p.lang)}"${attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<meta name="description" content="${escapeHtml(p.description)}">
<meta name="theme-color" content="${escapeHtml(p.colors.primary)}">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="icon" href="/app-icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/app-icon-192.png">
${p.assets.styles.map((s) => `<link rel="stylesheet" href="${escapeHtml(s)}">`).join('\n')}
<style>${style}</style>
${p.assets.script ? `<script type="module" src="${escapeHtml(p.assets.script)}"></script>\n` : ''}</head>
<body>
<div id="app">${p.body}</div>
<script id="dp-boot" type="application/json">${inlineJson(p.boot)}</script>
</body>
</html>
`;
  return { html, styleHash };
}
