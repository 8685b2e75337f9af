import { fillText, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { appConfigTexts } from './app-config-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { PreviewFrame, SaveAndPreviewButtons } from './preview-frame.tsx';
import type { ColorPair } from '../server/theme-contrast.ts';

export type ThemeValues = { primaryColor: string; onPrimaryColor: string; secondaryColor: string; onSecondaryColor: string; logo: string; icon: string };

export type ThemePageProps = {
  csrf: string;
  values: ThemeValues;
  pairs: ColorPair[];
  images: { id: number; label: string }[];
  canEdit: boolean;
  error: string | null;
  notice: string | null;
};

const colorFields = [
  ['primaryColor', 'onPrimaryColor', 'primary'],
  ['secondaryColor', 'onSecondaryColor', 'secondary'],
] as const;

/** The tenant's look: colours with their contrast (WCAG AA), logo and app icon from the media library, and the preview. */
export function ThemePage({ csrf, values, pairs, images, canEdit, error, notice }: ThemePageProps) {
  const t = useTexts(appConfigTexts);
  const lang = useLang();
  const ratio = (r: number) => r.toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 2 });
  return (
    <>
      <p>
        <a href="/studio/einstellungen">{t.back}</a>
      </p>
      <p>{t.themeIntro}</p>
      <FormMessages error={error} notice={notice} />
      {!canEdit && <p class="form-notice">{t.readOnly}</p>}
      <form method="post" action="/studio/einstellungen/erscheinungsbild" class="studio-form config-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="_thema" value="1" />
        <fieldset class="plain" disabled={!canEdit}>
          {colorFields.map(([bg, fg, key]) => {
            const pair = pairs.find((p) => p.key === key);
            return (
              <fieldset key={key}>
                <legend>{t[bg]}</legend>
                {[bg, fg].map((name) => (
                  <p class="field" key={name}>
                    <label for={name}>{t[name]}</label>
                    <span class="hint" id={`${name}-hint`}>
                      {t.colorHint}
                    </span>
                    <input id={name} name={name} type="text" value={values[name]} pattern="#[0-9a-fA-F]{6}" aria-describedby={`${name}-hint${pair ? ` ${key}-contrast` : ''}`} aria-invalid={pair && !pair.ok ? 'true' : undefined} />
                  </p>
                ))}
                {pair && (
                  <p id={`${key}-contrast`} class={pair.ok ? undefined : 'field-error'}>
                    {/* SVG presentation attributes, not inline styles: the studio's CSP allows no style attributes. */}
                    <svg class="swatch" width="56" height="32" viewBox="0 0 56 32" aria-hidden="true">
                      <rect width="56" height="32" rx="6" fill={pair.background} />
                      <text x="28" y="22" text-anchor="middle" font-size="16" font-weight="700" fill={pair.text}>
                        Aa
                      </text>
                    </svg>{' '}
                    {fillText(t.contrast, { ratio: ratio(pair.ratio) })} – {pair.ok ? t.contrastOk : t.contrastLow}
                  </p>
                )}
              </fieldset>
            );
          })}
          {(['logo', 'icon'] as const).map((name) => (
            <p class="field" key={name}>
              <label for={name}>{t[name]}</label>
              <select id={name} name={name}>
                <option value="">{t.noMedia}</option>
                {images.map((i) => (
                  <option key={i.id} value={String(i.id)} selected={values[name] === String(i.id)}>
                    {i.label}
                  </option>
                ))}
              </select>
            </p>
          ))}
          <SaveAndPreviewButtons save={t.save} preview={t.preview} />
        </fieldset>
      </form>
      <PreviewFrame src="/studio/einstellungen/vorschau" title={t.previewTitle} hint={t.previewHint} />
    </>
  );
}
