import type { EditorField, EditorRow, EditorValue } from '../../../../core/registry/content-editor.ts';
import { RowsInput } from './rows-input.tsx';
import { useLang } from '../../../web-app/client/i18n.ts';
import { MAX_TRACK_POINTS } from '../../content/form-values.ts';
import type { TrackMapSettings } from '../../content/track-map-settings.ts';

export type FieldInputProps = {
  field: EditorField;
  value: EditorValue | undefined;
  error?: string;
  errors?: Record<string, string>;
  categories: string[];
  images: { url: string; label: string }[];
  /** The tenant's map, for track fields (the map script reads it from the textarea). */
  trackMap?: TrackMapSettings;
};

/** One form field with its label, hint and error, all tied to the control for screen readers. */
export function FieldInput({ field, value, error, errors, categories, images, trackMap }: FieldInputProps) {
  const lang = useLang();
  if (field.kind === 'rows') return <RowsInput field={field} rows={Array.isArray(value) ? (value as EditorRow[]) : []} errors={errors ?? {}} />;
  const id = `f-${field.name}`;
  const described = [field.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, name: field.name, 'aria-describedby': described, 'aria-invalid': error ? ('true' as const) : undefined, required: field.required };
  const text = typeof value === 'string' ? value : '';
  const label = (
    <label for={id}>
      {field.label[lang]}
      {field.required && <span aria-hidden="true"> *</span>}
    </label>
  );
  const extra = (
    <>
      {field.hint && (
        <span class="hint" id={`${id}-hint`}>
          {field.hint[lang]}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </>
  );
  if (field.kind === 'checkbox') {
    return (
      <p class="field field-checkbox">
        <input type="checkbox" {...common} checked={value === true} />
        {label}
        {extra}
      </p>
    );
  }
  if (field.kind === 'choices') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset class="field choices" aria-describedby={described}>
        <legend>{field.label[lang]}</legend>
        {(field.options ?? []).map((o) => (
          <span class="choice" key={o.value}>
            <input type="checkbox" id={`${id}-${o.value}`} name={field.name} value={o.value} checked={chosen.includes(o.value)} />
            <label for={`${id}-${o.value}`}>{o.label[lang]}</label>
          </span>
        ))}
        {extra}
      </fieldset>
    );
  }
  let control;
  if (field.kind === 'select') {
    control = (
      <select {...common}>
        {!field.required && <option value="">–</option>}
        {(field.options ?? []).map((o) => (
          <option key={o.value} value={o.value} selected={o.value === text}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea') control = <textarea {...common} rows={3} value={text} />;
  else if (field.kind === 'richtext') control = <textarea {...common} rows={12} value={text} data-richtext="" />;
  else if (field.kind === 'track') control = <textarea {...common} rows={8} value={text} class="code" spellcheck={false} data-track={JSON.stringify({ ...trackMap, maxPoints: field.max ?? MAX_TRACK_POINTS })} />;
  else if (field.kind === 'categories') {
    const chosen = Array.isArray(value) ? (value as string[]) : [];
    control = (
      <select {...common} multiple size={Math.min(8, Math.max(3, categories.length))}>
        {categories.map((c) => (
          <option key={c} value={c} selected={chosen.includes(c)}>
            {c}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'image') {
    control = (
      <select {...common}>
        <option value="">–</option>
        {images.map((img) => (
          <option key={img.url} value={img.url} selected={img.url === text}>
            {img.label}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'datetime') control = <input {...common} type="datetime-local" value={text} />;
  else if (field.kind === 'date') control = <input {...common} type="date" value={text} />;
  else if (field.kind === 'time') control = <input {...common} type="time" value={text} />;
  else if (field.kind === 'decimal') control = <input {...common} type="text" inputMode="decimal" value={text} class="short" />;
  else if (field.kind === 'number') control = <input {...common} type="number" inputMode="numeric" min={field.min} max={field.max} step={1} value={text} />;
  else if (field.kind === 'url') control = <input {...common} type="url" value={text} maxLength={field.maxLength} />;
  else control = <input {...common} type="text" value={text} maxLength={field.maxLength} />;
  return (
    <p class="field">
      {label}
      {control}
      {extra}
    </p>
  );
}
