import { fillText, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { appConfigTexts } from '../pages/app-config-texts.ts';
import type { FieldNode } from './schema-fields.ts';
import { countName, restName, ROOT, type JsonFieldError } from './form-values.ts';

export type SchemaFormProps = {
  node: FieldNode;
  value: unknown;
  /** Messages by form path ("f.sections.limitNews"). */
  errors: Map<string, string>;
  jsonErrors: Map<string, JsonFieldError>;
};

export const fieldId = (path: string) => path.replace(/\./g, '-');
const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The fields of a schema form. Repeated groups get "add" and "remove" submit buttons (name "_op"):
 * the server re-renders the form with one entry more or less, so they work without JavaScript.
 */
export function SchemaFields(p: SchemaFormProps) {
  return <Field {...p} path={ROOT} label={null} />;
}

type FieldProps = SchemaFormProps & { path: string; label: string | null };

function Field(p: FieldProps) {
  const lang = useLang();
  const t = useTexts(appConfigTexts);
  const { node, path } = p;
  const label = p.label ?? node.label[lang];
  const error = p.errors.get(path);
  const id = fieldId(path);
  const described = error ? `${id}-error` : undefined;
  const errorLine = error && (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  );

  if (node.kind === 'object') {
    const value = asRecord(p.value);
    const known = new Set(node.fields.map(([k]) => k));
    const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !known.has(k)));
    const inner = (
      <>
        {Object.keys(rest).length > 0 && <input type="hidden" name={restName(path)} value={JSON.stringify(rest)} />}
        {errorLine}
        {node.fields.map(([key, child]) => (
          <Field key={key} {...p} node={child} value={value[key]} path={`${path}.${key}`} label={null} />
        ))}
      </>
    );
    return path === ROOT ? inner : (
      <fieldset id={id}>
        <legend>{label}</legend>
        {inner}
      </fieldset>
    );
  }

  if (node.kind === 'array') {
    const items = Array.isArray(p.value) ? p.value : [];
    return (
      <fieldset id={id}>
        <legend>{label}</legend>
        <input type="hidden" name={countName(path)} value={String(items.length)} />
        {errorLine}
        {items.map((item, i) => {
          const entry = `${label}: ${fillText(t.entry, { n: i + 1 })}`;
          return (
            <div class="repeat-item" key={i}>
              <Field {...p} node={node.item} value={item} path={`${path}.${i}`} label={entry} />
              <button type="submit" name="_op" value={`remove:${path}.${i}`} class="secondary" formnovalidate>
                {t.remove}
                <span class="visually-hidden">: {entry}</span>
              </button>
            </div>
          );
        })}
        <button type="submit" name="_op" value={`add:${path}`} class="secondary" formnovalidate>
          {t.add}
          <span class="visually-hidden">: {label}</span>
        </button>
      </fieldset>
    );
  }

  const common = { id, name: path, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': described };
  let input;
  if (node.kind === 'boolean' || node.kind === 'enum') {
    const options: [string, string][] = node.kind === 'enum' ? node.options.map((o) => [o, o]) : [['true', t.yes], ['false', t.no]];
    const current = p.value === undefined || p.value === null ? '' : String(p.value);
    input = (
      <select {...common}>
        {(node.optional || node.kind === 'boolean' || current === '') && <option value="">{t.notSet}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={v === current}>
            {text}
          </option>
        ))}
      </select>
    );
  } else if (node.kind === 'json') {
    const bad = p.jsonErrors.get(path);
    const text = bad ? bad.text : p.value === undefined ? '' : JSON.stringify(p.value, null, 2);
    input = <textarea {...common} rows={Math.min(20, Math.max(3, text.split('\n').length))} spellcheck={false} class="code" value={text} />;
  } else {
    const text = p.value === undefined || p.value === null ? '' : typeof p.value === 'object' ? JSON.stringify(p.value) : String(p.value);
    input = <input {...common} type="text" inputMode={node.kind === 'number' ? 'decimal' : undefined} value={text} />;
  }
  return (
    <p class="field">
      <label for={id}>
        {label}
        {node.kind === 'json' && <span class="muted"> ({t.jsonField})</span>}
      </label>
      {input}
      {errorLine}
    </p>
  );
}
