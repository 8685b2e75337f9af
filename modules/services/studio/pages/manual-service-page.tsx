import type { EditorField, EditorValues } from '../../../../core/registry/content-editor.ts';
import { useTexts } from '../../../web-app/client/i18n.ts';
import { FieldInput } from '../../../studio/pages/content/field-input.tsx';
import { ErrorSummary } from '../../../studio/pages/error-summary.tsx';
import { GroupedFields } from '../../../studio/pages/content/content-form-page.tsx';
import type { FieldErrors } from '../../../studio/content/form-values.ts';
import { SERVICES_PATH } from '../services-studio-kit.ts';
import { servicesTexts } from '../services-texts.ts';

export type ManualServicePageProps = {
  /** Null for a new service. */
  id: number | null;
  csrf: string;
  fields: EditorField[];
  values: EditorValues;
  errors: FieldErrors;
  error: string | null;
  notice: string | null;
  /** Why the form cannot be changed (another source's service, a read-only account); null when it can. */
  readOnly: string | null;
};

/**
 * A service's form: for a manual service to edit, for one from ZuFi or a file to look at (its
 * fields disabled: the next sync would overwrite changes). Errors are listed on top with links to
 * their fields and repeated at each field.
 */
export function ManualServicePage({ id, csrf, fields, values, errors, error, notice, readOnly }: ManualServicePageProps) {
  const t = useTexts(servicesTexts);
  return (
    <>
      <ErrorSummary problem={error} fallback={t.notSaved} errors={errors} />
      {(notice || readOnly) && (
        <div class="form-notice" role="status">
          {notice && <p>{notice}</p>}
          {readOnly && <p>{readOnly}</p>}
        </div>
      )}
      <form method="post" action={id === null ? `${SERVICES_PATH}/neu` : `${SERVICES_PATH}/${id}`} class="studio-form content-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset disabled={!!readOnly} class="plain">
          <GroupedFields fields={fields} input={(f) => <FieldInput key={f.name} field={f} value={values[f.name]} error={errors[f.name]} errors={errors} categories={[]} images={[]} />} />
          {!readOnly && (
            <p>
              <button type="submit">{t.saveService}</button>
            </p>
          )}
        </fieldset>
      </form>
      <ul class="record-actions">
        {id !== null && !readOnly && (
          <li>
            <a href={`${SERVICES_PATH}/${id}/loeschen`}>{t.deleteService}</a>
          </li>
        )}
        <li>
          <a href={SERVICES_PATH}>{t.back}</a>
        </li>
      </ul>
    </>
  );
}
