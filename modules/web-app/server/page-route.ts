import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { AppError } from '../../../core/errors.ts';
import { App, type Boot } from '../client/app.tsx';
import type { PagePayload } from '../client/app-route.ts';
import { appRoutes } from '../client/routes.ts';
import { routeMatcher } from '../client/route-match.ts';
import { parsePrefs } from '../client/prefs.ts';
import { fillText } from '../client/i18n.ts';
import { shellTexts } from '../client/shell-texts.ts';
import { appLoaders } from './loaders.ts';
import { inProcessGraphql, GraphQLLoadError } from './in-process-graphql.ts';
import { inProcessApi, type Api } from './in-process-api.ts';
import { loadTenantSettings, type TenantSettings } from './tenant-settings.ts';
import { buildAppConfig } from './build-app-config.ts';
import { htmlDocument } from './html-document.ts';
import { tenantColors } from './theme-colors.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { currentWebAssets, type WebAssets } from './vite-assets.ts';
import type { Tenant } from '../../../core/tenancy/tenant.ts';

const match = routeMatcher(appRoutes);

/** Path segments of a data request: "/_data/nachrichten/5" is the page "/nachrichten/5". */
const DATA_PREFIX = '/_data';

/**
 * Every page of the citizen app: GET <path> answers server-rendered HTML with the page's data
 * inlined; GET /_data<path> answers the same data as JSON for navigation inside the app. Both run
 * the screen's loader, which reads the public GraphQL API in process.
 */
export function pageRoutes(assets: () => WebAssets | null): RoutePlugin {
  return (app, scopeOf) => {
    const handle = async (req: FastifyRequest, reply: FastifyReply, asData: boolean) => {
      const url = new URL(req.url, 'http://x');
      const path = asData ? url.pathname.slice(DATA_PREFIX.length) || '/' : url.pathname;
      if (!asData && !acceptsHtml(req)) throw new AppError('NOT_FOUND', `No route GET ${url.pathname}.`);
      const { tenant } = await scopeOf(req);
      const loaded = await loadPageWithSettings(app, req, tenant, path, url.searchParams, {});
      reply.code(loaded.page.status).header('cache-control', 'no-cache').header('vary', 'cookie');
      if (asData) return loaded.page;
      const built = assets();
      if (!built) throw new AppError('UNAVAILABLE', 'The web app has not been built yet: run "npm run build".');
      const { html, csp } = await pageDocument(req, tenant, loaded, path, built);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', csp).send(html);
    };
    app.get(`${DATA_PREFIX}/*`, (req, reply) => handle(req, reply, true));
    app.get(DATA_PREFIX, (req, reply) => handle(req, reply, true));
    app.get('/*', (req, reply) => handle(req, reply, false));
  };
}

/**
 * What the studio previews: a page of the app (default: home), optionally with unsaved settings
 * (configuration files by lower-case name, theme fields) and read through an editor's account
 * (`credentials`, headers for the in-process API: drafts that account may see are shown).
 */
export type PagePreview = { path?: string; files?: Record<string, unknown>; theme?: Partial<Tenant['theme']>; credentials?: Record<string, string> };

/**
 * A page as this web app renders it, for the studio's preview in an iframe. Rendered on the
 * server without the app's script: hydration would route by the iframe's /studio/… path; the
 * preview is a picture of the page, its links lead into the real app.
 */
export async function renderPreview(app: FastifyInstance, req: FastifyRequest, tenant: Tenant, preview: PagePreview): Promise<{ status: number; html: string; csp: string }> {
  const built = currentWebAssets();
  if (!built) throw new AppError('UNAVAILABLE', 'The web app has not been built yet: run "npm run build".');
  const path = preview.path ?? '/';
  const previewTenant = { ...tenant, theme: { ...tenant.theme, ...preview.theme } };
  const loaded = await loadPageWithSettings(app, req, previewTenant, path, new URLSearchParams(), preview.files ?? {}, preview.credentials);
  const { html, csp } = await pageDocument(req, previewTenant, loaded, path, { ...built, script: '' });
  return { status: loaded.page.status, html, csp };
}

type LoadedPage = { page: PagePayload; settings: TenantSettings };

async function loadPageWithSettings(app: FastifyInstance, req: FastifyRequest, tenant: Tenant, path: string, query: URLSearchParams, overrides: Record<string, unknown>, credentials?: Record<string, string>): Promise<LoadedPage> {
  const gql = inProcessGraphql(app, req, credentials);
  const settings = await loadTenantSettings(gql, tenant.enabledModules.includes('static-content'), overrides);
  const page = await loadPage(tenant, settings, gql, inProcessApi(app, req), path, query, parsePrefs(req.headers.cookie).lang, `${req.protocol}://${req.host}`, overrides);
  return { page, settings };
}

async function pageDocument(req: FastifyRequest, tenant: Tenant, { page, settings }: LoadedPage, path: string, built: WebAssets): Promise<{ html: string; csp: string }> {
  const prefs = parsePrefs(req.headers.cookie);
  const config = buildAppConfig(tenant, settings, (href) => routeFor(tenant, new URL(href, 'http://x').pathname) !== null);
  const route = appRoutes.find((r) => r.name === page.route);
  const View = page.status === 200 && route ? (await route.view()).default : null;
  const body = renderToString(h(App, { config, prefs, setPrefs: () => {}, page, path, View, offline: false }));
  const boot: Boot = { config, page };
  const { html, styleHash } = htmlDocument({
    title: page.title === config.tenantName ? page.title : `${page.title} – ${config.tenantName}`,
    description: fillText(shellTexts(prefs.lang).description, { name: config.tenantName }),
    lang: prefs.lang,
    prefs,
    colors: tenantColors(tenant.theme),
    assets: built,
    body,
    boot,
  });
  return { html, csp: contentSecurityPolicy(styleHash, settings.mapSettings) };
}

function routeFor(tenant: Tenant, pathname: string) {
  const m = match(pathname);
  return m && tenant.enabledModules.includes(m.route.module) ? m : null;
}

async function loadPage(tenant: Tenant, settings: TenantSettings, gql: ReturnType<typeof inProcessGraphql>, api: Api, path: string, query: URLSearchParams, lang: 'de' | 'en', origin: string, overrides: Record<string, unknown>): Promise<PagePayload> {
  const search = query.toString();
  const notFound: PagePayload = { route: 'not-found', params: {}, search, title: shellTexts(lang).notFoundTitle, status: 404, data: null };
  const m = routeFor(tenant, path);
  const loader = m && appLoaders[m.route.name];
  if (!m || !loader) return notFound;
  try {
    const loaded = await loader({ gql, api, tenant, settings, params: m.params, query, lang, origin, overrides });
    return loaded ? { route: m.route.name, params: m.params, search, title: loaded.title, status: 200, data: loaded.data } : notFound;
  } catch (err) {
    // Ids or arguments the API rejects (e.g. "abc" as an id) are pages that do not exist.
    if (err instanceof GraphQLLoadError) return notFound;
    throw err;
  }
}

function acceptsHtml(req: FastifyRequest): boolean {
  const accept = req.headers.accept;
  return !!accept && accept.includes('text/html');
}

export type { FastifyInstance };
