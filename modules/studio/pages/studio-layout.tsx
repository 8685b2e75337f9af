import type { ComponentChildren } from 'preact';
import { useTexts } from '../../web-app/client/i18n.ts';
import { studioTexts } from './studio-texts.ts';
import type { NavItem } from '../server/studio-nav.ts';

/** Frame of every studio page: the tenant's name, the page's heading and, when logged in, logout. */
export function StudioLayout({ tenantName, title, csrf, nav = [], children }: { tenantName: string; title: string; csrf?: string; nav?: NavItem[]; children?: ComponentChildren }) {
  const t = useTexts(studioTexts);
  return (
    <div class="studio">
      <header class="studio-header">
        <p class="studio-brand">
          {tenantName} · {t.studio}
        </p>
        {csrf && (
          <form method="post" action="/studio/abmelden">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit">{t.logout}</button>
          </form>
        )}
      </header>
      {nav.length > 0 && (
        <nav class="studio-nav" aria-label={t.sections}>
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
