import type { Loader, LoaderContext } from '../server/loader.ts';
import type { HomeBlock, Slide, Widget, HomeData } from './home-blocks.ts';
import { resolveDescriptor, tileLink } from '../server/route-descriptor.ts';
import { asObject, WEB_APP_VERSION } from '../server/tenant-settings.ts';
import { NEWS_TEASER, EVENT_TEASER, POI_TEASER, TOUR_TEASER, newsTeaser, eventTeaser, poiTeaser, tourTeaser } from '../server/teasers.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';

type Entry = Record<string, any>;

/**
 * The home screen as the native app builds it: `homeScreenConfig` entries in order, or — without
 * one — the older `sections` switches (app-client.md 3.2). Blocks of switched-off modules and
 * empty blocks are left out.
 */
export const homeLoader: Loader = async (ctx) => {
  const g = ctx.settings.globalSettings;
  const entries: Entry[] = Array.isArray(g.homeScreenConfig) ? g.homeScreenConfig.filter((e: Entry) => e && e.show !== false) : defaultEntries(g.sections ?? {});
  const blocks = (await Promise.all(entries.map((e) => block(ctx, e, g)))).flat().filter((b): b is HomeBlock => b !== null);
  const data: HomeData = { title: ctx.tenant.name, blocks };
  return { title: ctx.tenant.name, data };
};

function defaultEntries(s: Entry): Entry[] {
  return [
    { type: 'carousel', publicJsonFile: 'homeCarousel' },
    { type: 'widgets' },
    ...(s.showNews !== false ? [{ query: 'newsItems', limit: s.limitNews, categoriesNews: s.categoriesNews, title: s.headlineNews }] : []),
    ...(s.showPointsOfInterestAndTours !== false ? [{ query: 'pointsOfInterestAndTours', limit: s.limitPointsOfInterestAndTours, title: s.headlinePointsOfInterestAndTours, buttonTitle: s.buttonPointsOfInterestAndTours }] : []),
    ...(s.showEvents !== false ? [{ query: 'eventRecords', limit: s.limitEvents, title: s.headlineEvents, buttonTitle: s.buttonEvents }] : []),
    { type: 'homeService', publicJsonFile: 'homeService' },
  ];
}

const has = (ctx: LoaderContext, module: string) => ctx.tenant.enabledModules.includes(module);
const limitOf = (e: Entry, fallback = 3) => Math.min(Math.max(Number(e.limit ?? e.queryVariables?.limit) || fallback, 1), 20);

async function block(ctx: LoaderContext, e: Entry, g: Entry): Promise<HomeBlock | HomeBlock[] | null> {
  const en = ctx.lang === 'en';
  switch (e.query ?? e.type) {
    case 'carousel':
      return carousel(ctx, e.publicJsonFile ?? 'homeCarousel');
    case 'widgets':
      return widgets(ctx, Array.isArray(g.widgets) ? g.widgets : ['event', 'weather']);
    case 'homeService':
    case 'homeButtons':
    case 'about': {
      // The native app shows service tiles and "about" on home only in drawer mode (module 1).
      if (g.navigation !== 'drawer' && e.type !== 'homeButtons') return null;
      const tiles = await staticJson(ctx, e.publicJsonFile ?? (e.type === 'about' ? 'homeAbout' : e.type));
      const links = (Array.isArray(tiles) ? tiles : []).map(tileLink).filter((l) => l !== null);
      return links.length ? { kind: 'tiles', title: e.title ?? (e.type === 'about' ? (en ? 'About the app' : 'Über die App') : 'Service'), tiles: links } : null;
    }
    case 'newsItems': {
      if (!has(ctx, 'news')) return null;
      const cats: Entry[] = Array.isArray(e.categoriesNews) && e.categoriesNews.length ? e.categoriesNews : [{ categoryTitle: e.title ?? (en ? 'News' : 'Nachrichten'), categoryButton: e.buttonTitle }];
      const lists = await Promise.all(
        cats.map(async (c): Promise<HomeBlock | null> => {
          const categoryId = c.categoryId ?? null;
          const data = await ctx.gql(`query HomeNews($limit: Int, $categoryId: ID) { newsItems(limit: $limit, categoryId: $categoryId) { ${NEWS_TEASER} } }`, { limit: limitOf(e), categoryId });
          const items = (data.newsItems ?? []).map(newsTeaser);
          if (!items.length) return null;
          const href = categoryId ? `/nachrichten?kategorie=${encodeURIComponent(categoryId)}` : '/nachrichten';
          return { kind: 'teasers', type: 'news', title: c.categoryTitle ?? e.title ?? (en ? 'News' : 'Nachrichten'), buttonTitle: c.categoryButton ?? (en ? 'Show all news' : 'Alle Nachrichten anzeigen'), href, items };
        }),
      );
      return lists.filter((b): b is HomeBlock => b !== null);
    }
    case 'eventRecords': {
      if (!has(ctx, 'events')) return null;
      const data = await ctx.gql(`query HomeEvents($limit: Int) { eventRecords(limit: $limit, order: listDate_ASC) { ${EVENT_TEASER} } }`, { limit: limitOf(e) });
      const items = (data.eventRecords ?? []).map(eventTeaser);
      return items.length ? { kind: 'teasers', type: 'events', title: e.title ?? (en ? 'Events' : 'Veranstaltungen'), buttonTitle: e.buttonTitle ?? (en ? 'Show all events' : 'Alle Veranstaltungen anzeigen'), href: '/veranstaltungen', items } : null;
    }
    case 'pointsOfInterestAndTours': {
      if (!has(ctx, 'places')) return null;
      const limit = limitOf(e, 4);
      const data = await ctx.gql(`query HomePlaces($limit: Int) { pointsOfInterest(limit: $limit, order: RAND) { ${POI_TEASER} } tours(limit: $limit, order: RAND) { ${TOUR_TEASER} } }`, { limit });
      const items = [...(data.pointsOfInterest ?? []).map(poiTeaser), ...(data.tours ?? []).map(tourTeaser)].slice(0, limit);
      return items.length ? { kind: 'teasers', type: 'places', title: e.title ?? (en ? 'Places & tours' : 'Orte & Touren'), buttonTitle: e.buttonTitle ?? (en ? 'Show all places' : 'Alle Orte anzeigen'), href: '/orte', items } : null;
    }
    case 'liveTicker': {
      const ticker = await staticJson(ctx, e.publicJsonFile ?? 'homeLiveTicker');
      const text = typeof ticker === 'string' ? ticker : typeof ticker?.text === 'string' ? ticker.text : null;
      return text ? { kind: 'ticker', text } : null;
    }
    default:
      return null;
  }
}

async function staticJson(ctx: LoaderContext, name: string): Promise<any> {
  if (!has(ctx, 'static-content')) return null;
  const override = ctx.overrides?.[name.toLowerCase()];
  const content =
    override !== undefined ? override : (await ctx.gql(`query HomeJson($name: String!, $v: String) { publicJsonFile(name: $name, version: $v) { content } }`, { name, v: WEB_APP_VERSION })).publicJsonFile?.content;
  if (Array.isArray(content)) return content;
  if (typeof content === 'string') {
    try {
      return JSON.parse(content);
    } catch {
      return null;
    }
  }
  return asObject(content);
}

async function carousel(ctx: LoaderContext, name: string): Promise<HomeBlock | null> {
  const raw = await staticJson(ctx, name);
  const slides: Slide[] = (Array.isArray(raw) ? raw : []).map((item: Entry) => {
    const pic = item?.picture ?? {};
    const target = item?.button ?? (Array.isArray(item?.buttons) ? item.buttons[0] : null) ?? (pic.routeName ? { routeName: pic.routeName, params: pic.params, title: pic.params?.title } : null);
    const link = target ? resolveDescriptor(target) : null;
    return {
      image: typeof pic.uri === 'string' ? { url: pic.uri, alt: String(pic.captionText ?? ''), copyright: pic.copyright ? String(pic.copyright) : null } : null,
      message: typeof item?.message === 'string' ? item.message : null,
      link: link ? { ...link, label: String(target.title ?? target.params?.title ?? (ctx.lang === 'en' ? 'More' : 'Mehr')) } : null,
    };
  });
  const shown = slides.filter((s) => s.image || s.message);
  return shown.length ? { kind: 'carousel', slides: shown } : null;
}

async function widgets(ctx: LoaderContext, list: unknown[]): Promise<HomeBlock | null> {
  const out: Widget[] = [];
  for (const w of list) {
    const name = typeof w === 'string' ? w : (w as Entry)?.widgetName;
    if (name === 'event' && has(ctx, 'events')) {
      const today = berlinDate(new Date());
      const data = await ctx.gql(`query TodayEvents($range: [String]) { eventRecords(dateRange: $range, limit: 1000) { id } }`, { range: [today, today] });
      out.push({ kind: 'event', count: (data.eventRecords ?? []).length, href: `/veranstaltungen?von=${today}&bis=${today}` });
    } else if (name === 'weather') out.push({ kind: 'weather' });
    else if (name === 'web' || name === 'custom') {
      const p = (w as Entry).additionalProps ?? {};
      const link = resolveDescriptor(p.webUrl ? { routeName: 'Web', params: { webUrl: p.webUrl } } : { routeName: p.routeName, params: p.params });
      if (link && (w as Entry).text) out.push({ kind: 'link', label: String((w as Entry).text), ...link });
    }
  }
  return out.length ? { kind: 'widgets', widgets: out } : null;
}
