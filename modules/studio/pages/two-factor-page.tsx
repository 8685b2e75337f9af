import { useTexts } from '../../web-app/client/i18n.ts';
import { studioTexts } from './studio-texts.ts';
import { FormMessages } from './form-messages.tsx';

export type TwoFactorProps = { csrf: string; enabled: boolean; pending: { secret: string; uri: string } | null; error: string | null; notice: string | null };

/** Switching the optional TOTP second factor on and off for one's own account. */
export function TwoFactorPage({ csrf, enabled, pending, error, notice }: TwoFactorProps) {
  const t = useTexts(studioTexts);
  const codeField = (
    <p>
      <label for="code">{t.currentCode}</label>
      <input id="code" name="code" type="text" inputMode="numeric" autocomplete="one-time-code" required maxLength={8} class="code-input" {...(error ? { 'aria-describedby': 'form-error', 'aria-invalid': 'true' } : {})} />
    </p>
  );
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <p>{enabled ? t.twoFactorOn : t.twoFactorOff}</p>
      {enabled && (
        <form method="post" action="/studio/zwei-faktor" class="studio-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="aktion" value="ausschalten" />
          {codeField}
          <button type="submit">{t.disable}</button>
        </form>
      )}
      {!enabled && !pending && (
        <form method="post" action="/studio/zwei-faktor" class="studio-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="aktion" value="einrichten" />
          <button type="submit">{t.startSetup}</button>
        </form>
      )}
      {!enabled && pending && (
        <form method="post" action="/studio/zwei-faktor" class="studio-form">
          <p>{t.twoFactorSetup}</p>
          <p>
            {t.secret}: <span class="secret">{pending.secret.replace(/(.{4})/g, '$1 ').trim()}</span>
          </p>
          <p>
            <a href={pending.uri}>{pending.uri}</a>
          </p>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="aktion" value="bestaetigen" />
          {codeField}
          <button type="submit">{t.confirm}</button>
        </form>
      )}
      <p>
        <a href="/studio">{t.studio}</a>
      </p>
    </>
  );
}
