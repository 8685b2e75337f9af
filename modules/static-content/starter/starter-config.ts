import type { Tenant } from '../../../core/tenancy/tenant.ts';
import type { StaticContentInput } from '../static-content-store.ts';
import { GERMANY_CENTRE, stateCentres } from './state-centres.ts';

/**
 * The configuration records a new municipality's app needs to start (globalSettings, tabs,
 * navigation, tiles, carousel, map, legal pages), made from this template with its name, key,
 * state and modules — neutral text to be replaced, never the demo's content. Screens of modules
 * the municipality has not enabled are left out.
 */
type StarterRecord = StaticContentInput & { name: string };
type Screen = { title: string; routeName: string; params: Record<string, unknown>; iconName: string };

const html = (name: string, page: string) => ({ title: name, routeName: 'Html', params: { title: name, query: 'publicHtmlFile', queryVariables: { name: page }, rootRouteName: 'About' } });
const index = (title: string, query: string, queryVariables: Record<string, unknown>, rootRouteName: string) => ({ title, routeName: 'Index', params: { title, query, queryVariables, rootRouteName } });

function contentScreens(modules: string[]): (Screen & { key: string; tab: string })[] {
  const screens: (Screen & { key: string; tab: string })[] = [];
  if (modules.includes('news')) screens.push({ key: 'NewsItems', tab: 'Nachrichten', iconName: 'news', ...index('Nachrichten', 'newsItems', { limit: 15 }, 'NewsItems') });
  if (modules.includes('events')) screens.push({ key: 'EventRecords', tab: 'Termine', iconName: 'calendar-event', ...index('Veranstaltungen', 'eventRecords', { limit: 15, order: 'listDate_ASC' }, 'EventRecords') });
  if (modules.includes('places')) screens.push({ key: 'PointsOfInterestAndTours', tab: 'Orte', iconName: 'map-pin', ...index('Orte & Touren', 'categories', {}, 'PointsOfInterestAndTours') });
  return screens;
}

/** Screens reached through the Service tiles (and the drawer), not the tab bar, which stays short. */
function tileScreens(modules: string[]): (Screen & { key: string })[] {
  const screens: (Screen & { key: string })[] = [];
  if (modules.includes('services')) screens.push({ key: 'BusIndex', iconName: 'building', title: 'Rathaus & Bürgerservice', routeName: 'BusIndex', params: { title: 'Rathaus & Bürgerservice', rootRouteName: 'BusIndex' } });
  if (modules.includes('defects')) screens.push({ key: 'SueHome', iconName: 'message-report', title: 'Mängelmelder', routeName: 'SueHome', params: { title: 'Mängelmelder', rootRouteName: 'SueHome' } });
  return screens;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function legalPages(name: string): StarterRecord[] {
  const n = escapeHtml(name);
  const todo = '<p><strong>Bitte ergänzen:</strong> Diese Seite ist eine Vorlage und muss vor dem Start der App vervollständigt werden.</p>';
  return [
    { name: 'impressum', dataType: 'html', content: `<h2>Impressum</h2><p>Herausgeber: ${n}</p>${todo}<p>Anschrift, Vertretung, Kontakt und Aufsichtsbehörde (Angaben nach § 5 DDG).</p>` },
    { name: 'datenschutz', dataType: 'html', content: `<h2>Datenschutzerklärung</h2><p>Verantwortlich: ${n}</p>${todo}<p>Zwecke und Rechtsgrundlagen der Verarbeitung, Empfänger, Speicherdauer, Rechte der Betroffenen und Kontakt der oder des Datenschutzbeauftragten.</p>` },
    { name: 'barrierefreiheit', dataType: 'html', content: `<h2>Erklärung zur Barrierefreiheit</h2><p>${n} ist bemüht, die App barrierefrei zugänglich zu machen.</p>${todo}<p>Stand der Vereinbarkeit, nicht barrierefreie Inhalte, Feedback-Kontakt und Durchsetzungsverfahren.</p>` },
  ];
}

export function starterConfig(tenant: Pick<Tenant, 'name' | 'officialKey' | 'state' | 'enabledModules'>): StarterRecord[] {
  const { name } = tenant;
  const screens = contentScreens(tenant.enabledModules);
  const tiles = [...screens, ...tileScreens(tenant.enabledModules)];
  const events = tenant.enabledModules.includes('events');
  const globalSettings = {
    navigation: 'tab',
    sections: {
      showNews: tenant.enabledModules.includes('news'),
      showEvents: events,
      showPointsOfInterestAndTours: false,
      limitNews: 3,
      limitEvents: 3,
      headlineNews: `Aktuelles aus ${name}`,
      headlineEvents: 'Veranstaltungen',
      buttonEvents: 'Alle Veranstaltungen anzeigen',
      headlineService: 'Service',
    },
    widgets: events ? ['event'] : [],
    filter: { news: false, eventLocations: false },
    // Warnings (MoWaS) are keyed by the 12-digit regional key; an 8-digit AGS is completed later.
    ...(tenant.officialKey.length === 12 ? { mowas: { regionalKeys: [{ name, rs: tenant.officialKey }] } } : {}),
    showImageRights: true,
    settings: { pushNotifications: false, news: { listDateFormat: 'DD.MM.YYYY' } },
  };
  const tabs = [
    { label: 'Start', iconName: 'home', screen: 'Home', params: { title: name, rootRouteName: 'HomeStack' } },
    { label: 'Service', iconName: 'layout-grid', screen: 'Service', params: { title: 'Service', rootRouteName: 'Service' }, tilesScreenParams: { staticJsonName: 'homeService', titleFallback: 'Service', rootRouteName: 'Service' } },
    ...screens.map((s) => ({ label: s.tab, iconName: s.iconName, screen: s.routeName, params: s.params })),
    { label: 'Menü', iconName: 'menu-2', screen: 'Service', params: { title: 'Menü', rootRouteName: 'About' }, tilesScreenParams: { staticJsonName: 'homeAbout', titleFallback: 'Menü', rootRouteName: 'About' } },
  ];
  const tabNavigation = {
    tabConfigs: tabs.map((t, i) => ({ ...t, accessibilityLabel: `${t.label} (Tab ${i + 1} von ${tabs.length})`, iconSize: 24 })),
  };
  const about = [html('Impressum', 'impressum'), html('Datenschutz', 'datenschutz'), html('Barrierefreiheit', 'barrierefreiheit')];
  const navigation = {
    HomeStack: { screen: 'Home', title: 'Startseite' },
    ...Object.fromEntries(tiles.map((s) => [s.key, { screen: s.routeName, title: s.title, params: s.params }])),
    ...Object.fromEntries(about.map((a) => [a.title, { screen: a.routeName, title: a.title, params: a.params }])),
  };
  const homeService = [
    ...tiles.map(({ title, routeName, params, iconName }) => ({ title, routeName, params, iconName })),
    { ...html('Impressum', 'impressum'), iconName: 'info-circle' },
  ];
  const homeAbout = [...about.map((a, i) => ({ ...a, iconName: ['info-circle', 'shield-lock', 'accessible'][i] })), { title: 'Einstellungen', routeName: 'Settings', params: { title: 'Einstellungen', rootRouteName: 'About' }, iconName: 'settings' }];
  const homeCarousel = [{ message: `Willkommen in der App von ${name}` }];
  const centre = tenant.state ? stateCentres[tenant.state as keyof typeof stateCentres] : undefined;
  const mapSettings = {
    mapCenterPosition: centre ?? GERMANY_CENTRE,
    zoomLevel: { minZoom: 5, maxZoom: 18, initialZoom: centre ? 8 : 6, singleMarker: 16 },
    attribution: '© OpenStreetMap-Mitwirkende',
    clusterRadius: 50,
    showOwnLocation: true,
  };
  const json = (recordName: string, value: unknown): StarterRecord => ({ name: recordName, dataType: 'json', content: JSON.stringify(value, null, 2) });
  return [
    json('globalSettings', globalSettings),
    json('tabNavigation', tabNavigation),
    json('navigation', navigation),
    json('homeService', homeService),
    json('homeAbout', homeAbout),
    json('homeCarousel', homeCarousel),
    json('mapSettings', mapSettings),
    ...legalPages(name),
  ];
}
