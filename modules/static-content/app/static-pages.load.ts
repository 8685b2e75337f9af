import type { Loader, LoaderContext } from '../../web-app/server/loader.ts';
import { WEB_APP_VERSION } from '../../web-app/server/tenant-settings.ts';
import { tileLink } from '../../web-app/server/route-descriptor.ts';
import type { HtmlPageData, TilesData } from './static-pages.ts';

const HTML = `query WebHtmlPage($name: String!, $v: String) { publicHtmlFile(name: $name, version: $v) { id content } }`;
const JSON_FILE = `query WebTileSet($name: String!, $v: String) { publicJsonFile(name: $name, version: $v) { id content } }`;

/** Titles of well-known pages; other pages take their first heading or their name. */
const knownTitles: Record<string, { de: string; en: string }> = {
  impressum: { de: 'Impressum', en: 'Imprint' },
  datenschutz: { de: 'Datenschutz', en: 'Privacy' },
  barrierefreiheit: { de: 'Erklärung zur Barrierefreiheit', en: 'Accessibility statement' },
};

async function htmlPage(ctx: LoaderContext, name: string): Promise<{ title: string; data: HtmlPageData } | null> {
  const data = await ctx.gql(HTML, { name, v: WEB_APP_VERSION });
  const file = data.publicHtmlFile;
  if (!file || file.id === null) return null;
  const title = knownTitles[name.toLowerCase()]?.[ctx.lang] ?? firstHeading(file.content) ?? name;
  return { title, data: { title, html: file.content } };
}

export const htmlPageLoader: Loader = (ctx) => htmlPage(ctx, ctx.params.name ?? '');

/** The statement of the tenant, or a general one naming the standard until the tenant wrote its own. */
export const accessibilityLoader: Loader = async (ctx) => {
  const own = await htmlPage(ctx, 'barrierefreiheit');
  if (own) return own;
  const title = knownTitles.barrierefreiheit![ctx.lang];
  const html =
    ctx.lang === 'en'
      ? `<p>${escape(ctx.tenant.name)} aims to make this web app accessible according to WCAG 2.1 level AA (BITV 2.0). The municipality has not published its own statement yet.</p>`
      : `<p>${escape(ctx.tenant.name)} ist bemüht, diese Web-App gemäß WCAG 2.1 Stufe AA (BITV 2.0) barrierefrei zugänglich zu machen. Die Kommune hat noch keine eigene Erklärung veröffentlicht.</p>`;
  return { title, data: { title, html } };
};

/** Service tiles: "/service" shows homeService, "/kacheln/<name>" any other tile set. */
export const tilesLoader: Loader = async (ctx) => {
  const name = ctx.params.name ?? 'homeService';
  const data = await ctx.gql(JSON_FILE, { name, v: WEB_APP_VERSION });
  const file = data.publicJsonFile;
  if (!file || file.id === null) return null;
  let content = file.content;
  if (typeof content === 'string') {
    try {
      content = JSON.parse(content);
    } catch {
      return null;
    }
  }
  if (!Array.isArray(content)) return null;
  const title = name === 'homeService' ? 'Service' : name;
  const page: TilesData = { title, tiles: content.map(tileLink).filter((t) => t !== null) };
  return { title, data: page };
};

function firstHeading(html: string): string | null {
  const m = /<h[12][^>]*>(.*?)<\/h[12]>/is.exec(html);
  return m ? m[1]!.replace(/<[^>]+>/g, '').trim() || null : null;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
