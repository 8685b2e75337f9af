import type { NavLink } from '../client/app-config.ts';

/**
 * Turns the app's route descriptors ({routeName, params: {query, queryVariables}} — see
 * app-client.md 3.3) into web app paths, so tiles, tabs, carousel buttons and the drawer of the
 * native app's configuration link to the same content here. Unknown screens give null: the item
 * is left out rather than linking to nothing.
 */
export type RouteDescriptor = { routeName?: unknown; screen?: unknown; params?: any; tilesScreenParams?: any };

const indexPaths: Record<string, (vars: any) => string> = {
  newsItems: (v) => withQuery('/nachrichten', { kategorie: v?.categoryId }),
  eventRecords: (v) => withQuery('/veranstaltungen', { kategorie: v?.categoryId }),
  categories: () => '/orte',
  pointsOfInterest: (v) => withQuery('/orte/liste', { kategorie: v?.categoryId }),
  tours: () => '/touren',
  genericItems: (v) => (typeof v?.genericType === 'string' ? `/eintraege/${encodeURIComponent(v.genericType)}` : '/eintraege/Offer'),
};

const detailPaths: Record<string, string> = {
  newsItem: '/nachrichten/',
  eventRecord: '/veranstaltungen/',
  pointOfInterest: '/orte/',
  tour: '/touren/',
  genericItem: '/eintrag/',
};

/** The app's detail page of a record by its mainserver type ("NewsItem" → /nachrichten/5); null when the app has none. */
export function detailPath(recordType: string, id: number): string | null {
  const prefix = detailPaths[recordType.charAt(0).toLowerCase() + recordType.slice(1)];
  return prefix ? prefix + id : null;
}

const screenPaths: Record<string, string> = {
  Home: '/',
  Service: '/service',
  Settings: '/einstellungen',
  Search: '/suche',
  Bookmarks: '/lesezeichen',
  WasteCollection: '/abfall',
  Feedback: '/feedback',
  // Administrative services (BUS); BBBUSIndex is the native app's older name of the screen.
  BusIndex: '/rathaus',
  BBBUSIndex: '/rathaus',
  // Defect reports (SUE and the older built-in form).
  SueHome: '/maengelmelder',
  SueList: '/maengelmelder',
  SueMap: '/maengelmelder',
  SueReport: '/maengelmelder/melden',
  DefectReportForm: '/maengelmelder/melden',
};

export type ResolvedLink = { href: string; external: boolean };

export function resolveDescriptor(d: RouteDescriptor | null | undefined): ResolvedLink | null {
  if (!d || typeof d !== 'object') return null;
  const name = typeof d.routeName === 'string' ? d.routeName : typeof d.screen === 'string' ? d.screen : null;
  const params = d.params && typeof d.params === 'object' ? d.params : {};
  if (!name) return null;
  if (name === 'Web') {
    const url = params.webUrl ?? params.url;
    return typeof url === 'string' && /^https?:\/\//.test(url) ? { href: url, external: true } : null;
  }
  if (name === 'Html' && typeof params.queryVariables?.name === 'string') return { href: `/seite/${encodeURIComponent(params.queryVariables.name)}`, external: false };
  if (name === 'Index' && typeof params.query === 'string') {
    const f = indexPaths[params.query];
    return f ? { href: f(params.queryVariables), external: false } : null;
  }
  if (name === 'Detail' && typeof params.query === 'string' && params.queryVariables?.id != null) {
    const prefix = detailPaths[params.query];
    return prefix ? { href: prefix + encodeURIComponent(String(params.queryVariables.id)), external: false } : null;
  }
  const tiles = d.tilesScreenParams?.staticJsonName ?? params.tilesScreenParams?.staticJsonName;
  if (name === 'Service' && typeof tiles === 'string' && tiles !== 'homeService') return { href: `/kacheln/${encodeURIComponent(tiles)}`, external: false };
  const path = screenPaths[name];
  return path ? { href: path, external: false } : null;
}

function withQuery(path: string, query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : path;
}

/** A tile of a tile set (homeService, homeAbout …): its title, icon and resolved link. */
export function tileLink(t: any): NavLink | null {
  const link = resolveDescriptor(t);
  const label = String(t?.title ?? t?.params?.title ?? '').trim();
  if (!link || !label) return null;
  return { label, href: link.href, external: link.external, icon: typeof t.iconName === 'string' ? t.iconName : 'circle', ...(t.accessibilityLabel ? { description: String(t.accessibilityLabel) } : {}) };
}
