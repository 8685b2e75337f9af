import { useTexts } from '../../../web-app/client/i18n.ts';
import { ErrorSummary } from '../../../studio/pages/error-summary.tsx';
import { BackLink } from './back-link.tsx';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { DEFECTS_PATH } from '../defects-studio-kit.ts';
import { defectsTexts } from '../defects-texts.ts';
import type { SettingsValues } from '../settings-form.ts';
import { FormField } from './form-field.tsx';

export const SETTINGS_PATH = `${DEFECTS_PATH}/einstellungen`;

/** The municipality's area (pasted or uploaded GeoJSON), postal codes and moderation. */
export function SettingsPage({ csrf, values: v, errors, error, notice }: { csrf: string; values: SettingsValues; errors: Record<string, string>; error: string | null; notice: string | null }) {
  const t = useTexts(defectsTexts);
  return (
    <>
      <ErrorSummary problem={error} fallback={t.notSaved} errors={errors} />
      <FormMessages error={null} notice={notice} />
      <form method="post" action={SETTINGS_PATH} enctype="multipart/form-data" class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField name="gebiet" label={t.area} value={v.gebiet} error={errors.gebiet} hint={t.areaHint} rows={8} />
        <p>
          <label for="f-datei">{t.areaFile}</label>
          <input id="f-datei" name="datei" type="file" accept=".geojson,.json,application/geo+json,application/json" />
        </p>
        <FormField name="plz" label={t.postalCodes} value={v.plz} error={errors.plz} hint={t.postalCodesHint} />
        <p class="field-checkbox">
          <input type="checkbox" id="f-moderation" name="moderation" value="ja" checked={v.moderation} /> <label for="f-moderation">{t.moderationRequired}</label>
        </p>
        <p>
          <button type="submit">{t.saveSettings}</button>
        </p>
      </form>
      <BackLink href={DEFECTS_PATH} label={t.back} />
    </>
  );
}
