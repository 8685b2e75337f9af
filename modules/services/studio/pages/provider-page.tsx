import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { FieldInput } from '../../../studio/pages/content/field-input.tsx';
import { PROVIDER_FIELDS, type ProviderFormErrors, type ProviderFormValues } from '../provider-form.ts';
import { SERVICES_PATH } from '../services-studio-kit.ts';
import { servicesTexts } from '../services-texts.ts';
import { berlinTime } from './services-parts.tsx';

export type ProviderPageProps = {
  csrf: string;
  values: ProviderFormValues;
  errors: ProviderFormErrors;
  /** A refusal of the whole form (expired token, unreadable post, errors below). */
  error: string | null;
  notice: string | null;
  hasApiKey: boolean;
  apiKeyUnreadable: boolean;
  /** Set while the circuit breaker keeps the sync from calling ZuFi. */
  circuitOpenUntil: Date | null;
};

/**
 * The ZuFi provider's settings. The API key field is always empty: a stored key is only said to
 * exist (or to be unreadable after a change of the deployment's key), never shown.
 */
export function ProviderPage({ csrf, values, errors, error, notice, hasApiKey, apiKeyUnreadable, circuitOpenUntil }: ProviderPageProps) {
  const t = useTexts(servicesTexts);
  const lang = useLang();
  const keyState = !hasApiKey ? t.keyNone : apiKeyUnreadable ? t.keyStateUnreadable : t.keyStored;
  const keyIds = ['f-apiKey-state', 'f-apiKey-hint', errors.apiKey && 'f-apiKey-error'].filter(Boolean).join(' ');
  const field = (name: keyof ProviderFormValues) => {
    const f = PROVIDER_FIELDS.find((x) => x.name === name)!;
    return <FieldInput field={f} value={values[name]} error={errors[name as keyof ProviderFormErrors]} categories={[]} images={[]} />;
  };
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <p>{t.providerIntro}</p>
      {circuitOpenUntil && <p class="form-notice">{fillText(t.circuitOpen, { time: berlinTime(circuitOpenUntil, lang) })}</p>}
      <form method="post" action={`${SERVICES_PATH}/anbieter`} class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {field('enabled')}
        {field('baseUrl')}
        <p class="field">
          <label for="f-apiKey">{t.apiKey}</label>
          <span class="hint" id="f-apiKey-state">
            {fillText(t.keyState, { state: keyState })}
          </span>
          <span class="hint" id="f-apiKey-hint">
            {t.keyHint}
          </span>
          <input id="f-apiKey" name="apiKey" type="password" autocomplete="new-password" value="" aria-describedby={keyIds} aria-invalid={errors.apiKey ? 'true' : undefined} />
          {errors.apiKey && (
            <span class="field-error" id="f-apiKey-error">
              {errors.apiKey}
            </span>
          )}
        </p>
        {hasApiKey && (
          <p class="field field-checkbox">
            <input type="checkbox" id="f-removeApiKey" name="removeApiKey" checked={values.removeApiKey} />
            <label for="f-removeApiKey">{t.removeKey}</label>
          </p>
        )}
        {field('areaId')}
        {field('language')}
        {field('syncIntervalHours')}
        <p>
          <button type="submit">{t.saveSettings}</button>
        </p>
      </form>
      <p class="toolbar">
        <a href={`${SERVICES_PATH}/abgleich`}>{t.syncLink}</a>
        <a href={SERVICES_PATH}>{t.back}</a>
      </p>
    </>
  );
}
