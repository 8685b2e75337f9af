import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { canViewContent } from '../content/content-access.ts';
import { canViewPush } from '../../push/studio/push-access.ts';
import { canViewServices } from '../../services/studio/services-access.ts';
import { canViewDefects } from '../../defects/studio/defects-access.ts';
import { canManageApiKeys } from '../../defects/studio/api-keys-access.ts';

export type NavItem = { href: string; label: string; current: boolean };

/** `module`: a section another module registers, shown only where the tenant has it enabled. */
type Entry = { href: string; label: Record<Lang, string>; shown: (p: AccountPrincipal) => boolean; module?: string };

const admin = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin';
const staff = () => true;

/** The studio's sections, each shown only to those the server lets in. */
const ENTRIES: Entry[] = [
  { href: '/studio', label: { de: 'Start', en: 'Start' }, shown: staff },
  { href: '/studio/inhalte', label: { de: 'Inhalte', en: 'Content' }, shown: canViewContent },
  { href: '/studio/medien', label: { de: 'Mediathek', en: 'Media' }, shown: staff },
  { href: '/studio/push', label: { de: 'Push-Mitteilungen', en: 'Push messages' }, shown: canViewPush, module: 'push' },
  { href: '/studio/verwaltungsleistungen', label: { de: 'Verwaltungsleistungen', en: 'Administrative services' }, shown: canViewServices, module: 'services' },
  { href: '/studio/maengelmelder', label: { de: 'Mängelmelder', en: 'Defect reports' }, shown: canViewDefects, module: 'defects' },
  { href: '/studio/kategorien', label: { de: 'Kategorien', en: 'Categories' }, shown: (p) => admin(p) || p.role === 'editor' || p.role === 'read_only' },
  { href: '/studio/anbieter', label: { de: 'Datenanbieter', en: 'Data providers' }, shown: admin },
  { href: '/studio/papierkorb', label: { de: 'Papierkorb', en: 'Trash' }, shown: canViewContent },
  { href: '/studio/einstellungen', label: { de: 'App-Einstellungen', en: 'App settings' }, shown: (p) => admin(p) || p.role === 'editor' },
  { href: '/studio/konten', label: { de: 'Konten', en: 'Accounts' }, shown: admin },
  { href: '/studio/open311-schluessel', label: { de: 'Open311-Schlüssel', en: 'Open311 keys' }, shown: canManageApiKeys, module: 'defects' },
  { href: '/studio/integrationen', label: { de: 'Integrationen', en: 'Integrations' }, shown: admin },
  { href: '/studio/protokoll', label: { de: 'Protokoll', en: 'Audit log' }, shown: admin },
  { href: '/studio/plattform', label: { de: 'Kommunen', en: 'Municipalities' }, shown: (p) => p.platformAdmin },
];

/** The navigation for a principal; the section holding `path` is marked current. */
export function studioNav(p: AccountPrincipal, path: string, lang: Lang, routeExists: (href: string) => boolean, enabledModules: string[]): NavItem[] {
  const visible = ENTRIES.filter((e) => e.shown(p) && routeExists(e.href) && (!e.module || enabledModules.includes(e.module)));
  const current = visible.filter((e) => path === e.href || path.startsWith(`${e.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return visible.map((e) => ({ href: e.href, label: e.label[lang], current: e === current }));
}
