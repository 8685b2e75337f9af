import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { appConfigTexts } from './app-config-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { PreviewFrame, SaveAndPreviewButtons } from './preview-frame.tsx';
import { SchemaFields, fieldId } from '../config-form/schema-form.tsx';
import type { FieldNode } from '../config-form/schema-fields.ts';
import type { JsonFieldError } from '../config-form/form-values.ts';
import type { Violation } from '../config-form/validate.ts';

export type ConfigMode = 'form' | 'json';

export type ConfigFilePageProps = {
  csrf: string;
  file: { id: number; name: string; version: string | null };
  stamp: string;
  mode: ConfigMode;
  node: FieldNode;
  /** The form's value (form mode) … */
  value: unknown;
  jsonErrors: Map<string, JsonFieldError>;
  /** … or the JSON text (raw mode). */
  raw: string;
  violations: Violation[];
  errors: Map<string, string>;
  /** A problem above the form: invalid JSON, a conflict. */
  problem: string | null;
  notice: string | null;
  canEdit: boolean;
};

/**
 * One configuration file: a form generated from its schema, or its JSON as text; both are checked
 * before saving. The preview beside it shows the app's home with the form's unsaved state.
 */
export function ConfigFilePage(p: ConfigFilePageProps) {
  const t = useTexts(appConfigTexts);
  const base = `/studio/einstellungen/datei/${p.file.id}`;
  const hasErrors = !!p.problem || p.violations.length > 0;
  return (
    <>
      <p>
        <a href="/studio/einstellungen">{t.back}</a>
      </p>
      {hasErrors && (
        <div class="form-error" role="alert" id="form-error">
          <p>
            <strong>{t.errorSummary}: </strong>
            {p.problem ?? t.fixErrors}
          </p>
          {p.violations.length > 0 && (
            <ul>
              {p.violations.map((v, i) => (
                <li key={i}>
                  <a href={`#${p.mode === 'json' ? 'inhalt' : fieldId(v.path)}`}>
                    {fillText(t.at, { field: v.label })}: {v.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FormMessages error={null} notice={p.notice} />
      {!p.canEdit && <p class="form-notice">{t.readOnly}</p>}
      <nav aria-label={t.modes}>
        <ul class="studio-links">
          <li>
            <a href={base} aria-current={p.mode === 'form' ? 'page' : undefined}>
              {t.formMode}
            </a>
          </li>
          <li>
            <a href={`${base}?modus=json`} aria-current={p.mode === 'json' ? 'page' : undefined}>
              {t.rawMode}
            </a>
          </li>
        </ul>
      </nav>
      <form method="post" action={base} class="studio-form config-form">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="_stand" value={p.stamp} />
        <input type="hidden" name="_modus" value={p.mode} />
        <input type="hidden" name="_datei" value={String(p.file.id)} />
        <fieldset class="plain" disabled={!p.canEdit}>
          <SaveAndPreviewButtons save={t.save} preview={t.preview} />
          {p.mode === 'json' ? (
            <p class="field">
              <label for="inhalt">{t.rawLabel}</label>
              <span class="muted" id="inhalt-hint">
                {t.rawHint}
              </span>
              <textarea id="inhalt" name="inhalt" rows={28} spellcheck={false} class="code" aria-describedby="inhalt-hint" aria-invalid={hasErrors ? 'true' : undefined} value={p.raw} />
            </p>
          ) : (
            <SchemaFields node={p.node} value={p.value} errors={p.errors} jsonErrors={p.jsonErrors} />
          )}
          <p>
            <button type="submit" name="_op" value="save">
              {t.save}
            </button>
          </p>
        </fieldset>
      </form>
      <PreviewFrame src={`/studio/einstellungen/vorschau?datei=${p.file.id}`} title={t.previewTitle} hint={t.previewHint} />
    </>
  );
}
