import type { Tenant } from '../../../core/tenancy/tenant.ts';
import type { AppConfig, NavLink } from '../client/app-config.ts';
import type { TenantSettings } from './tenant-settings.ts';
import { resolveDescriptor, type RouteDescriptor } from './route-descriptor.ts';

/** Default tabs of the native app (app-client.md, module 2), used when the tenant configured none. */
const defaultTabs: RouteDescriptor[] = [
  { screen: 'Home', params: { title: 'Start' } },
  { screen: 'Service', params: { title: 'Service' } },
  { screen: 'Index', params: { title: 'Orte & Touren', query: 'categories' } },
  { screen: 'Index', params: { title: 'Veranstaltungen', query: 'eventRecords' } },
];

const iconByScreen: Record<string, string> = { Home: 'home', Service: 'grid', Settings: 'settings', Html: 'info', Web: 'external' };
const iconByQuery: Record<string, string> = { newsItems: 'news', eventRecords: 'calendar', categories: 'map-pin', pointsOfInterest: 'map-pin', tours: 'route', genericItems: 'list' };

/**
 * Navigation of the web app from the same records the native app reads: `tabNavigation.tabConfigs`
 * in tab mode, the `navigation` record in drawer mode. Entries the web app has no screen for, or
 * whose module is switched off, are left out.
 */
export function buildAppConfig(tenant: Tenant, settings: TenantSettings, hasRoute: (href: string) => boolean): AppConfig {
  const g = settings.globalSettings;
  const navigation = g.navigation === 'drawer' ? 'drawer' : 'tab';
  const source: RouteDescriptor[] =
    navigation === 'drawer'
      ? Object.values(settings.navigation).filter((v): v is RouteDescriptor => !!v && typeof v === 'object')
      : Array.isArray(settings.tabNavigation.tabConfigs)
        ? settings.tabNavigation.tabConfigs
        : defaultTabs;
  const nav = source.map((d) => navLink(d, hasRoute)).filter((l): l is NavLink => l !== null);
  const footer = [
    { label: 'Barrierefreiheit', href: '/barrierefreiheit', icon: 'accessibility', external: false },
    { label: 'Impressum', href: '/seite/impressum', icon: 'info', external: false },
    { label: 'Datenschutz', href: '/seite/datenschutz', icon: 'info', external: false },
  ].filter((l) => hasRoute(l.href));
  return {
    tenantName: tenant.name,
    logoUrl: tenant.theme.logoUrl || null,
    slug: tenant.slug,
    navigation,
    nav: nav.length ? nav : [{ label: 'Start', href: '/', icon: 'home', external: false }],
    footer,
    searchEnabled: hasRoute('/suche'),
    modules: tenant.enabledModules,
  };
}

function navLink(d: any, hasRoute: (href: string) => boolean): NavLink | null {
  const link = resolveDescriptor(d);
  if (!link || (!link.external && !hasRoute(link.href))) return null;
  const screen = String(d.screen ?? d.routeName ?? '');
  const query = String(d.params?.query ?? d.query ?? '');
  const label = String(d.label ?? d.title ?? d.params?.title ?? '').trim();
  if (!label) return null;
  return {
    label,
    href: link.href,
    external: link.external,
    icon: iconByScreen[screen] ?? iconByQuery[query] ?? 'circle',
    ...(typeof d.accessibilityLabel === 'string' ? { description: d.accessibilityLabel } : {}),
  };
}
