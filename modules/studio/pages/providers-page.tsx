import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import type { ProviderInput, ProviderRow } from '../content/provider-admin.ts';
import { providersTexts } from './providers-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { StudioTable } from './studio-table.tsx';

export type ProvidersPageProps = {
  providers: ProviderRow[];
  csrf: string;
  /** The provider being edited (null: the form creates one) and the values the form shows. */
  editing: number | null;
  form: ProviderInput;
  logos: { url: string; label: string }[];
  error: string | null;
  notice: string | null;
};

const TEXT_FIELDS = [['street', 'zip', 'city'], ['firstName', 'lastName', 'phone', 'email']] as const;

/** The tenant's data providers and one form (create, or edit the chosen one). */
export function ProvidersPage({ providers, csrf, editing, form, logos, error, notice }: ProvidersPageProps) {
  const t = useTexts(providersTexts);
  const action = editing === null ? '/studio/anbieter' : `/studio/anbieter/${editing}`;
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <p>{t.intro}</p>
      <StudioTable caption={t.title} columns={[t.name, t.dataType, t.contact]}>
        {providers.map((p) => (
          <tr key={p.id}>
            <td>
              <a href={`/studio/anbieter?bearbeiten=${p.id}#formular`} aria-label={`${t.edit}: ${p.name}`}>
                {p.name}
              </a>
            </td>
            <td>{t[p.dataType]}</td>
            <td>{[p.firstName, p.lastName].filter(Boolean).join(' ') || p.email}</td>
          </tr>
        ))}
      </StudioTable>
      <form method="post" action={action} class="studio-form" id="formular">
        <h2>{editing === null ? t.add : fillText(t.editTitle, { name: form.name })}</h2>
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="field">
          <label for="p-name">{t.name}</label>
          <input id="p-name" name="name" type="text" required maxLength={200} value={form.name} />
        </p>
        <p class="field">
          <label for="p-type">{t.dataType}</label>
          <select id="p-type" name="dataType">
            {(['general_importer', 'business_account'] as const).map((v) => (
              <option key={v} value={v} selected={form.dataType === v}>
                {t[v]}
              </option>
            ))}
          </select>
        </p>
        {(['description', 'notice'] as const).map((f) => (
          <p class="field" key={f}>
            <label for={`p-${f}`}>{t[f]}</label>
            <textarea id={`p-${f}`} name={f} rows={3} value={form[f]} />
          </p>
        ))}
        <p class="field">
          <label for="p-logo">{t.logo}</label>
          <select id="p-logo" name="logo">
            <option value="">{t.noLogo}</option>
            {form.logo && !logos.some((l) => l.url === form.logo) && (
              <option value={form.logo} selected>
                {t.currentLogo}
              </option>
            )}
            {logos.map((l) => (
              <option key={l.url} value={l.url} selected={l.url === form.logo}>
                {l.label}
              </option>
            ))}
          </select>
        </p>
        {TEXT_FIELDS.map((group, i) => (
          <fieldset key={i}>
            <legend>{i === 0 ? t.address : t.contact}</legend>
            {group.map((f) => (
              <p class="field" key={f}>
                <label for={`p-${f}`}>{t[f]}</label>
                {f === 'email' ? <input id={`p-${f}`} name={f} type="email" value={form[f]} /> : <input id={`p-${f}`} name={f} type="text" value={form[f]} />}
              </p>
            ))}
          </fieldset>
        ))}
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </>
  );
}
