import type { ComponentChildren } from 'preact';
import { useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { BODY_MAX, PLATFORMS, TITLE_MAX, type MessageFormErrors, type MessageFormValues } from '../message-form.ts';
import type { LinkGroup } from '../message-links.ts';
import { platformLabels, pushTexts } from '../push-texts.ts';

export type CategoryChoice = { id: number; name: string; level: number };

export type MessageFormPageProps = {
  csrf: string;
  values: MessageFormValues;
  errors: MessageFormErrors;
  /** A refusal of the whole form (expired token, unreadable post). */
  error: string | null;
  links: LinkGroup[];
  categories: CategoryChoice[];
};

type Described = { 'aria-describedby'?: string; 'aria-invalid'?: 'true' };

/** The ids a control is described by (its hint, its error) and whether it is invalid. */
function described(id: string, hint: boolean, error: string | undefined): Described {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? 'true' : undefined };
}

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span class="hint" id={`${id}-hint`}>
      {text}
    </span>
  ) : null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  ) : null;
}

/** A labelled control with its hint and error below the label. */
function Field({ id, label, hint, error, required, children }: { id: string; label: string; hint?: string; error?: string; required?: boolean; children: ComponentChildren }) {
  const t = useTexts(pushTexts);
  return (
    <p class="field">
      <label for={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
        {required && <span class="visually-hidden"> ({t.required})</span>}
      </label>
      <Hint id={id} text={hint} />
      {children}
      <FieldError id={id} error={error} />
    </p>
  );
}

function Radio({ name, value, checked, label }: { name: string; value: string; checked: boolean; label: string }) {
  return (
    <p class="field field-checkbox">
      <input type="radio" id={`f-${name}-${value}`} name={name} value={value} checked={checked} />
      <label for={`f-${name}-${value}`}>{label}</label>
    </p>
  );
}

/** A free message: title, text, what it opens, who gets it and when. Works without script. */
export function MessageFormPage({ csrf, values, errors, error, links, categories }: MessageFormPageProps) {
  const t = useTexts(pushTexts);
  const lang = useLang();
  const errorList = Object.values(errors);
  return (
    <>
      <FormMessages error={error ?? (errorList.length ? errorList.join(' ') : null)} summary={error ? undefined : t.summary} />
      <p>{t.formIntro}</p>
      <form method="post" action="/studio/push/neu" class="studio-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <Field id="f-title" label={t.messageTitle} hint={t.titleHint} error={errors.title} required>
          <input id="f-title" name="title" type="text" value={values.title} required maxLength={TITLE_MAX} {...described('f-title', true, errors.title)} />
        </Field>
        <Field id="f-body" label={t.text} hint={t.textHint} error={errors.body}>
          <textarea id="f-body" name="body" rows={4} maxLength={BODY_MAX} value={values.body} {...described('f-body', true, errors.body)} />
        </Field>
        <Field id="f-link" label={t.link} hint={t.linkHint} error={errors.link}>
          <select id="f-link" name="link" {...described('f-link', true, errors.link)}>
            <option value="">{t.noLink}</option>
            {links.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.value} value={c.value} selected={c.value === values.link}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <fieldset {...described('f-categoryIds', true, errors.categoryIds)}>
          <legend>{t.audience}</legend>
          <Radio name="target" value="all" checked={values.target === 'all'} label={t.toAll} />
          <Radio name="target" value="categories" checked={values.target === 'categories'} label={t.toCategories} />
          <Hint id="f-categoryIds" text={t.categoriesHint} />
          <FieldError id="f-categoryIds" error={errors.categoryIds} />
          {categories.length === 0 ? (
            <p class="muted">{t.noCategories}</p>
          ) : (
            <fieldset class="plain">
              <legend class="visually-hidden">{t.categories}</legend>
              {categories.map((c) => (
                <p class="field field-checkbox" key={c.id}>
                  <input type="checkbox" id={`f-category-${c.id}`} name="categoryIds" value={String(c.id)} checked={values.categoryIds.includes(String(c.id))} />
                  <label for={`f-category-${c.id}`}>
                    {'— '.repeat(c.level)}
                    {c.name}
                  </label>
                </p>
              ))}
            </fieldset>
          )}
        </fieldset>
        <Field id="f-platform" label={t.platform}>
          <select id="f-platform" name="platform">
            {PLATFORMS.map((p) => (
              <option key={p} value={p} selected={p === values.platform}>
                {platformLabels[p][lang]}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>{t.schedule}</legend>
          <Radio name="when" value="now" checked={values.when === 'now'} label={t.sendNow} />
          <Radio name="when" value="later" checked={values.when === 'later'} label={t.sendLater} />
          <Field id="f-sendAt" label={t.sendAt} hint={t.sendAtHint} error={errors.sendAt}>
            <input id="f-sendAt" name="sendAt" type="datetime-local" value={values.sendAt} {...described('f-sendAt', true, errors.sendAt)} />
          </Field>
        </fieldset>
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
      <p>
        <a href="/studio/push">{t.back}</a>
      </p>
    </>
  );
}
