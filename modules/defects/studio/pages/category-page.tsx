import { useTexts } from '../../../web-app/client/i18n.ts';
import { ErrorSummary } from '../../../studio/pages/error-summary.tsx';
import { BackLink } from './back-link.tsx';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { staffLabel, type StaffMember } from '../../team/staff-members.ts';
import type { CategoryValues } from '../category-form.ts';
import { defectsTexts } from '../defects-texts.ts';
import { CATEGORIES_PATH } from './categories-page.tsx';
import { FormField } from './form-field.tsx';

export type CategoryPageProps = { id: number | null; csrf: string; values: CategoryValues; errors: Record<string, string>; error: string | null; notice: string | null; staff: StaffMember[] };

/** A category's form: new (code editable) or existing (code fixed, as clients hold it). */
export function CategoryPage({ id, csrf, values: v, errors, error, notice, staff }: CategoryPageProps) {
  const t = useTexts(defectsTexts);
  return (
    <>
      <ErrorSummary problem={error} fallback={t.notSaved} errors={errors} />
      <FormMessages error={null} notice={notice} />
      <form method="post" action={id === null ? `${CATEGORIES_PATH}/neu` : `${CATEGORIES_PATH}/${id}`} class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField name="code" label={t.code} value={v.code} error={errors.code} hint={t.codeHint} required maxLength={64} disabled={id !== null} />
        <FormField name="name" label={t.categoryName} value={v.name} error={errors.name} required maxLength={200} />
        <FormField name="beschreibung" label={t.categoryDescription} value={v.beschreibung} error={errors.beschreibung} rows={3} />
        <FormField name="gruppe" label={t.group} value={v.gruppe} error={errors.gruppe} />
        <FormField name="stichworte" label={t.keywords} value={v.stichworte} error={errors.stichworte} hint={t.keywordsHint} />
        <p>
          <label for="f-art">{t.type}</label>
          <select id="f-art" name="art">
            <option value="realtime" selected={v.art === 'realtime'}>
              {t.typeRealtime}
            </option>
            <option value="batch" selected={v.art === 'batch'}>
              {t.typeBatch}
            </option>
          </select>
        </p>
        <FormField name="stelle" label={t.agency} value={v.stelle} error={errors.stelle} />
        <FormField name="teamEmail" label={t.teamEmail} value={v.teamEmail} error={errors.teamEmail} type="email" />
        <fieldset id="f-teamKonten" aria-describedby={errors.teamKonten ? 'f-teamKonten-error' : undefined}>
          <legend>{t.teamAccounts}</legend>
          {errors.teamKonten && (
            <span class="field-error" id="f-teamKonten-error">
              {errors.teamKonten}
            </span>
          )}
          {staff.map((m) => (
            <p key={m.accountId} class="field-checkbox">
              <input type="checkbox" id={`team-${m.accountId}`} name="teamKonten" value={String(m.accountId)} checked={v.teamKonten.includes(String(m.accountId))} />{' '}
              <label for={`team-${m.accountId}`}>
                {staffLabel(m)} ({m.email})
              </label>
            </p>
          ))}
        </fieldset>
        <FormField name="attribute" label={t.attributes} value={v.attribute} error={errors.attribute} hint={t.attributesHint} rows={6} />
        <p class="field-checkbox">
          <input type="checkbox" id="f-aktiv" name="aktiv" value="ja" checked={v.aktiv} /> <label for="f-aktiv">{t.active}</label>
        </p>
        <p>
          <button type="submit">{t.saveCategory}</button>
        </p>
      </form>
      <BackLink href={CATEGORIES_PATH} label={t.backToCategories} />
    </>
  );
}
