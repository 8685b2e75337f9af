import type { VNode } from 'preact';
import { useLang, useTexts } from '../../../web-app/client/i18n.ts';
import type { ContentEditor, EditorField, EditorValues } from '../../../../core/registry/content-editor.ts';
import type { LocalizedText } from '../../../../core/registry/manifest.ts';
import type { EditorialStatus } from '../../content/editorial-state.ts';
import type { FieldErrors } from '../../content/form-values.ts';
import { contentTexts } from '../../content/content-texts.ts';
import { studioTexts } from '../studio-texts.ts';
import { FieldInput } from './field-input.tsx';
import { ErrorSummary } from '../error-summary.tsx';
import { PreviewFrame } from '../preview-frame.tsx';
import { ChildrenSection, ParentField, type TreeView } from './tree-parts.tsx';
import type { TrackMapSettings } from '../../content/track-map-settings.ts';

/** Consecutive fields with the same group form one fieldset; fields without a group stand alone. */
function fieldGroups(fields: EditorField[]): { group: LocalizedText | undefined; fields: EditorField[] }[] {
  const out: { group: LocalizedText | undefined; fields: EditorField[] }[] = [];
  for (const f of fields) {
    const last = out[out.length - 1];
    if (last && last.group === f.group) last.fields.push(f);
    else out.push({ group: f.group, fields: [f] });
  }
  return out;
}

/** A form's fields, each group's in a fieldset with its legend (modules' own forms use it too). */
export function GroupedFields({ fields, input }: { fields: EditorField[]; input: (f: EditorField) => VNode }) {
  const lang = useLang();
  return (
    <>
      {fieldGroups(fields).map(({ group, fields: inGroup }, i) => {
        const inputs = inGroup.map(input);
        return group ? (
          <fieldset key={i}>
            <legend>{group[lang]}</legend>
            {inputs}
          </fieldset>
        ) : (
          inputs
        );
      })}
    </>
  );
}

export type EditorialFields = { status: EditorialStatus; publishAt: string; unpublishAt: string };

export type ContentFormPageProps = {
  editor: ContentEditor;
  recordId: number | null;
  csrf: string;
  version: number;
  values: EditorValues;
  editorial: EditorialFields;
  errors: FieldErrors;
  /** Summary above the form (errors, conflict, expired session). */
  problem: string | null;
  notice: string | null;
  readOnly: string | null;
  providers: { id: number; name: string }[] | null;
  providerId: number | null;
  categories: string[];
  images: { url: string; label: string }[];
  /** The tenant's map for track fields (null when the form has none). */
  trackMap: TrackMapSettings | null;
  /** Set when the session ended while editing: the form carries a login. */
  relogin: { csrf: string; email: string } | null;
  canTrash: boolean;
  /** The saved record's page in the citizen app (the iframe's source), if the app has one. */
  preview: string | null;
  /** Editors whose records form a tree: the parent choice and the children. */
  tree: TreeView | null;
};

/**
 * The edit form of any content type: the module's fields, then publication (draft, publish at,
 * withdraw at). Errors are listed on top with links to their fields and repeated at each field.
 */
export function ContentFormPage(p: ContentFormPageProps) {
  const t = useTexts(contentTexts);
  const st = useTexts(studioTexts);
  const base = `/studio/inhalte/${p.editor.slug}`;
  const action = p.recordId === null ? `${base}/neu` : `${base}/${p.recordId}`;
  const disabled = !!p.readOnly;
  return (
    <>
      <ErrorSummary heading={t.errorSummary} problem={p.problem} fallback={t.fixErrors} errors={p.errors} />
      {p.notice && (
        <div class="form-notice" role="status">
          <p>{p.notice}</p>
        </div>
      )}
      {p.readOnly && (
        <div class="form-notice" role="status">
          <p>{p.readOnly}</p>
        </div>
      )}
      {p.recordId !== null && (
        <ul class="record-actions">
          <li>
            <a href={`${base}/${p.recordId}/versionen`}>{t.history}</a>
          </li>
          {!disabled && (
            <li>
              <a href={`${base}/neu?vorlage=${p.recordId}`}>{t.duplicate}</a>
            </li>
          )}
          <li>
            <a href={`${base}`}>{t.back}</a>
          </li>
        </ul>
      )}
      <form method="post" action={action} class="studio-form content-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="_version" value={String(p.version)} />
        {p.relogin && (
          <fieldset class="relogin">
            <legend>{st.loginTitle}</legend>
            <input type="hidden" name="_relogin" value="1" />
            <input type="hidden" name="_logincsrf" value={p.relogin.csrf} />
            <p class="field">
              <label for="relogin-email">{st.email}</label>
              <input id="relogin-email" name="_email" type="email" autocomplete="username" value={p.relogin.email} />
            </p>
            <p class="field">
              <label for="relogin-password">{st.password}</label>
              <input id="relogin-password" name="_password" type="password" autocomplete="current-password" />
            </p>
            <p class="field">
              <label for="relogin-code">{st.code}</label>
              <input id="relogin-code" name="_code" type="text" inputMode="numeric" autocomplete="one-time-code" maxLength={8} class="code-input" />
            </p>
          </fieldset>
        )}
        <fieldset disabled={disabled} class="plain">
          {p.providers && (
            <p class="field">
              <label for="f-_provider">{t.provider}</label>
              <select id="f-_provider" name="_provider">
                <option value="">{t.noProvider}</option>
                {p.providers.map((dp) => (
                  <option key={dp.id} value={String(dp.id)} selected={dp.id === p.providerId}>
                    {dp.name}
                  </option>
                ))}
              </select>
            </p>
          )}
          {p.tree && <ParentField tree={p.tree} base={base} error={p.errors._parent} />}
          <GroupedFields
            fields={p.editor.fields}
            input={(f) => <FieldInput key={f.name} field={f} value={p.values[f.name]} error={p.errors[f.name]} errors={p.errors} categories={p.categories} images={p.images} trackMap={p.trackMap ?? undefined} />}
          />
          <fieldset>
            <legend>{t.publication}</legend>
            <p class="field field-checkbox">
              <input type="radio" id="status-draft" name="_status" value="draft" checked={p.editorial.status === 'draft'} />
              <label for="status-draft">{t.statusDraft}</label>
            </p>
            <p class="field field-checkbox">
              <input type="radio" id="status-published" name="_status" value="published" checked={p.editorial.status === 'published'} />
              <label for="status-published">{t.statusPublished}</label>
            </p>
            {(['publishAt', 'unpublishAt'] as const).map((name) => (
              <p class="field" key={name}>
                <label for={`f-_${name}`}>{t[name]}</label>
                <input
                  type="datetime-local"
                  id={`f-_${name}`}
                  name={`_${name}`}
                  value={p.editorial[name]}
                  aria-invalid={p.errors[`_${name}`] ? 'true' : undefined}
                  aria-describedby={p.errors[`_${name}`] ? `f-_${name}-error` : undefined}
                />
                {p.errors[`_${name}`] && (
                  <span class="field-error" id={`f-_${name}-error`}>
                    {p.errors[`_${name}`]}
                  </span>
                )}
              </p>
            ))}
          </fieldset>
          {!disabled && (
            <p>
              <button type="submit">{t.save}</button>
            </p>
          )}
        </fieldset>
      </form>
      {p.canTrash && p.recordId !== null && (
        <form method="post" action={`${base}/${p.recordId}/papierkorb`} class="trash-form">
          <input type="hidden" name="_csrf" value={p.csrf} />
          <button type="submit" class="danger">
            {t.toTrash}
          </button>
        </form>
      )}
      <p class="muted">{t.requiredNote}</p>
      {p.tree && p.recordId !== null && <ChildrenSection tree={p.tree} base={base} recordId={p.recordId} />}
      {p.preview && <PreviewFrame src={p.preview} title={t.preview} hint={t.previewHint} open={t.previewOpen} />}
    </>
  );
}
