import { formatDate, fillText, useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { LocalizedText } from '../../../core/registry/manifest.ts';
import { GERMAN_STATES, localHostOf, type Tenant } from '../../../core/tenancy/tenant.ts';
import type { TenantFormErrors, TenantFormValues } from '../server/platform-form.ts';
import { FormMessages } from './form-messages.tsx';
import { platformTexts } from './platform-texts.ts';
import { StudioTable } from './studio-table.tsx';

/** Platform admins: every municipality with its key, state, hosts and modules. */
export function PlatformListPage({ tenants, notice }: { tenants: Tenant[]; notice: string | null }) {
  const t = useTexts(platformTexts);
  const lang = useLang();
  return (
    <>
      <FormMessages error={null} notice={notice} />
      <p>{t.intro}</p>
      <p>
        <a class="button" href="/studio/plattform/neu">
          {t.create}
        </a>
      </p>
      <StudioTable caption={t.caption} columns={[t.name, t.officialKey, t.state, t.domains, t.moduleCount, t.created, t.actions]}>
        {tenants.map((x) => (
          <tr key={x.id}>
            <th scope="row">
              {x.name}
              <br />
              <span class="muted">{x.slug}</span>
            </th>
            <td>{x.officialKey}</td>
            <td>{x.state}</td>
            <td>{[...new Set([...x.domains, localHostOf(x.slug)])].join(', ')}</td>
            <td>{x.enabledModules.length}</td>
            <td>{formatDate(x.createdAt, lang)}</td>
            <td>
              <a href={`/studio/plattform/${x.slug}/bearbeiten`}>
                {t.edit}
                <span class="visually-hidden">: {x.name}</span>
              </a>
            </td>
          </tr>
        ))}
      </StudioTable>
    </>
  );
}

export type TenantFormPageProps = {
  mode: 'create' | 'edit';
  csrf: string;
  action: string;
  values: TenantFormValues;
  errors: TenantFormErrors;
  /** A refusal of the whole form (expired token, unreadable post). */
  error: string | null;
  /** Offered modules (create only); `required` ones are always on. */
  modules: { name: string; title: LocalizedText; required: boolean }[];
  notice: string | null;
};

/** One text field with its label, hint and error, tied together for screen readers. */
function Field(p: { id: keyof TenantFormValues; label: string; hint?: string; error?: string; required?: boolean; children: (aria: Record<string, string | undefined>) => preact.JSX.Element }) {
  const t = useTexts(platformTexts);
  const described = [p.hint && `f-${p.id}-hint`, p.error && `f-${p.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <p class="field">
      <label for={`f-${p.id}`}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
        {p.required && <span class="visually-hidden"> ({t.required})</span>}
      </label>
      {p.hint && (
        <span class="hint" id={`f-${p.id}-hint`}>
          {p.hint}
        </span>
      )}
      {p.children({ id: `f-${p.id}`, name: p.id, 'aria-describedby': described, 'aria-invalid': p.error ? 'true' : undefined })}
      {p.error && (
        <span class="field-error" id={`f-${p.id}-error`}>
          {p.error}
        </span>
      )}
    </p>
  );
}

/** Create (with first admin and modules) or edit (name, key, state, domains) a municipality. */
export function TenantFormPage({ mode, csrf, action, values, errors, error, modules, notice }: TenantFormPageProps) {
  const t = useTexts(platformTexts);
  const lang = useLang();
  const errorList = Object.values(errors);
  return (
    <>
      <FormMessages error={error ?? (errorList.length ? errorList.join(' ') : null)} notice={notice} summary={error ? undefined : t.summary} />
      <form method="post" action={action} class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <Field id="name" label={t.name} error={errors.name} required>
          {(a) => <input {...a} type="text" value={values.name} required maxLength={200} autocomplete="off" />}
        </Field>
        {mode === 'create' ? (
          <Field id="slug" label={t.slug} hint={t.slugHint} error={errors.slug}>
            {(a) => <input {...a} type="text" value={values.slug} maxLength={63} autocomplete="off" spellcheck={false} />}
          </Field>
        ) : (
          <p>
            {t.slug}: <strong>{values.slug}</strong>
          </p>
        )}
        <Field id="schluessel" label={t.officialKey} hint={t.officialKeyHint} error={errors.schluessel} required>
          {(a) => <input {...a} type="text" value={values.schluessel} required inputMode="numeric" maxLength={12} autocomplete="off" />}
        </Field>
        <Field id="land" label={t.state} error={errors.land} required>
          {(a) => (
            <select {...a} required>
              <option value="">{t.chooseState}</option>
              {GERMAN_STATES.map((s) => (
                <option key={s} value={s} selected={s === values.land}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="domains" label={t.domains} hint={`${t.domainsHint} ${values.slug ? fillText(t.localHost, { host: localHostOf(values.slug) }) : ''}`} error={errors.domains}>
          {(a) => <textarea {...a} rows={3} spellcheck={false}>{values.domains}</textarea>}
        </Field>
        {mode === 'create' && (
          <>
            <fieldset>
              <legend>{t.firstAdmin}</legend>
              <Field id="email" label={t.adminEmail} hint={t.adminEmailHint} error={errors.email} required>
                {(a) => <input {...a} type="email" value={values.email} required maxLength={320} autocomplete="off" />}
              </Field>
              <Field id="adminName" label={t.adminName}>
                {(a) => <input {...a} type="text" value={values.adminName} maxLength={200} autocomplete="off" />}
              </Field>
            </fieldset>
            <fieldset aria-describedby={['modules-hint', errors.module && 'f-module-error'].filter(Boolean).join(' ')}>
              <legend>{t.modules}</legend>
              <p class="hint" id="modules-hint">
                {t.modulesHint}
              </p>
              {errors.module && (
                <p class="field-error" id="f-module-error">
                  {errors.module}
                </p>
              )}
              {modules.map((m) => (
                <p class="field field-checkbox" key={m.name}>
                  {/* A disabled box is not posted; the server adds required modules itself. */}
                  <input type="checkbox" id={`m-${m.name}`} name="module" value={m.name} checked={m.required || values.module.includes(m.name)} disabled={m.required} />
                  <label for={`m-${m.name}`}>
                    {m.title[lang]} <span class="muted">({m.name})</span>
                  </label>
                </p>
              ))}
            </fieldset>
            <p class="hint">{t.starterHint}</p>
          </>
        )}
        <p>
          <button type="submit">{mode === 'create' ? t.createButton : t.saveButton}</button>
        </p>
      </form>
      <p>
        <a href="/studio/plattform">{t.back}</a>
      </p>
    </>
  );
}
