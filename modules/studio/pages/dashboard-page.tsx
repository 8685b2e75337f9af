import { useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { Role } from '../../../core/auth/principal.ts';
import { studioTexts, roleAbilities, roleLabels, fill } from './studio-texts.ts';
import { mediaTexts } from '../../media/pages/media-texts.ts';
import { auditTexts } from './audit-texts.ts';
import { integrationsTexts } from './integrations-texts.ts';
import { platformTexts } from './platform-texts.ts';
import { appConfigTexts } from './app-config-texts.ts';

export function DashboardPage({ email, role, isAdmin, isPlatformAdmin }: { email: string; role: Role; isAdmin: boolean; isPlatformAdmin: boolean }) {
  const t = useTexts(studioTexts);
  const lang = useLang();
  return (
    <>
      <p>{fill(t.signedInAs, { email, role: roleLabels[role][lang] })}</p>
      <h2>{t.mayDo}</h2>
      <ul>
        {roleAbilities[role][lang].map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <ul class="studio-links">
        {role !== 'moderator' && (
          <li>
            <a href="/studio/inhalte">{t.content}</a>
          </li>
        )}
        <li>
          <a href="/studio/medien">{mediaTexts(lang).library}</a>
        </li>
        {(isAdmin || role === 'editor' || role === 'read_only') && (
          <li>
            <a href="/studio/einstellungen">{appConfigTexts(lang).title}</a>
          </li>
        )}
        {isAdmin && (
          <li>
            <a href="/studio/konten">{t.accounts}</a>
          </li>
        )}
        {isAdmin && (
          <li>
            <a href="/studio/protokoll">{auditTexts(lang).title}</a>
          </li>
        )}
        {isAdmin && (
          <li>
            <a href="/studio/integrationen">{integrationsTexts(lang).title}</a>
          </li>
        )}
        {isPlatformAdmin && (
          <li>
            <a href="/studio/plattform">{platformTexts(lang).title}</a>
          </li>
        )}
        <li>
          <a href="/studio/zwei-faktor">{t.twoFactor}</a>
        </li>
        <li>
          <a href="/">{t.toApp}</a>
        </li>
      </ul>
    </>
  );
}
