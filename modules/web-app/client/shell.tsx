import type { ComponentChildren } from 'preact';
import { useConfig } from './app-config.ts';
import { useTexts } from './i18n.ts';
import { shellTexts } from './shell-texts.ts';
import { Icon } from './icons.tsx';

/**
 * The frame of every page: skip link, header with the tenant's name and quick links, the main
 * region, the configured navigation (tab bar or drawer menu) and the footer with the
 * accessibility statement — the same landmarks on every page for screen-reader users.
 */
export function Shell({ path, offline, children }: { path: string; offline: boolean; children: ComponentChildren }) {
  const config = useConfig();
  const t = useTexts(shellTexts);
  const current = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href.split('?')[0]}/`));
  const navLinks = config.nav.map((l) => (
    <li key={l.href}>
      <a href={l.href} aria-current={current(l.href) ? 'page' : undefined} {...(l.external ? { target: '_blank', rel: 'noopener' } : {})}>
        <Icon name={l.icon} />
        <span>{l.label}</span>
      </a>
    </li>
  ));
  return (
    <div class={`shell shell-${config.navigation}`}>
      <a class="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header class="app-header">
        <a class="brand" href="/">
          {config.logoUrl && <img class="brand-logo" src={config.logoUrl} alt="" />}
          {config.tenantName}
        </a>
        <nav aria-label={t.headerNavigation} class="header-links">
          <ul>
            {config.searchEnabled && (
              <li>
                <a href="/suche" aria-current={current('/suche') ? 'page' : undefined}>
                  <Icon name="search" />
                  <span class="label">{t.search}</span>
                </a>
              </li>
            )}
            <li>
              <a href="/lesezeichen" aria-current={current('/lesezeichen') ? 'page' : undefined}>
                <Icon name="bookmark" />
                <span class="label">{t.bookmarks}</span>
              </a>
            </li>
            <li>
              <a href="/einstellungen" aria-current={current('/einstellungen') ? 'page' : undefined}>
                <Icon name="settings" />
                <span class="label">{t.settings}</span>
              </a>
            </li>
          </ul>
        </nav>
        {config.navigation === 'drawer' && (
          <details class="drawer">
            <summary>
              <Icon name="menu" />
              <span>{t.menu}</span>
            </summary>
            <nav aria-label={t.mainNavigation}>
              <ul>{navLinks}</ul>
            </nav>
          </details>
        )}
      </header>
      {/* Below the header, not fixed to the screen's bottom: a bar over the content would hide parts of it (and its touch targets). */}
      {config.navigation === 'tab' && (
        <nav aria-label={t.mainNavigation} class="tab-bar">
          <ul>{navLinks}</ul>
        </nav>
      )}
      {offline && (
        <p class="offline-notice" role="status">
          {t.offline}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="app-footer">
        <nav aria-label={t.footerNavigation}>
          <ul>
            {config.footer.map((l) => (
              <li key={l.href}>
                <a href={l.href}>{l.href === '/barrierefreiheit' ? t.accessibility : l.href.endsWith('impressum') ? t.imprint : t.privacy}</a>
              </li>
            ))}
          </ul>
        </nav>
      </footer>
    </div>
  );
}
