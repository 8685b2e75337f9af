import type { EditorField, EditorRow } from '../../../../core/registry/content-editor.ts';
import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { contentTexts } from '../../content/content-texts.ts';

/**
 * A table of rows (opening hours, prices …) that works without script: the stored rows plus a
 * few empty ones to add; emptying a row removes it. Each cell is named by its column and row.
 */
export function RowsInput({ field, rows, errors }: { field: EditorField; rows: EditorRow[]; errors: Record<string, string> }) {
  const lang = useLang();
  const t = useTexts(contentTexts);
  const columns = field.columns ?? [];
  const shown = [...rows, ...Array.from({ length: field.extraRows ?? 2 }, () => ({}) as EditorRow)];
  const hintId = `f-${field.name}-hint`;
  return (
    <div class="field rows-field">
      <table class="rows-table" aria-describedby={hintId}>
        <caption>{field.label[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t.rowNumber}</span>
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.name}>
                {c.label[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {columns.map((c) => {
                const id = `f-${field.name}.${i}.${c.name}`;
                const name = `${field.name}.${i}.${c.name}`;
                const error = errors[name];
                const label = `${c.label[lang]} (${fillText(t.row, { row: i + 1 })})`;
                const v = row[c.name];
                const common = { id, name, 'aria-label': label, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
                return (
                  <td key={c.name}>
                    {c.kind === 'checkbox' ? (
                      <input type="checkbox" {...common} checked={v === true} />
                    ) : c.kind === 'time' ? (
                      <input type="time" {...common} value={typeof v === 'string' ? v : ''} />
                    ) : c.kind === 'date' ? (
                      <input type="date" {...common} value={typeof v === 'string' ? v : ''} />
                    ) : c.kind === 'select' ? (
                      <select {...common}>
                        <option value="">–</option>
                        {(c.options ?? []).map((o) => (
                          <option key={o.value} value={o.value} selected={o.value === v}>
                            {o.label[lang]}
                          </option>
                        ))}
                      </select>
                    ) : c.kind === 'textarea' ? (
                      <textarea {...common} rows={2} value={typeof v === 'string' ? v : ''} />
                    ) : (
                      <input type="text" {...common} value={typeof v === 'string' ? v : ''} inputMode={c.kind === 'decimal' ? 'decimal' : undefined} />
                    )}
                    {error && (
                      <span class="field-error" id={`${id}-error`}>
                        {error}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <span class="hint" id={hintId}>
        {field.hint ? `${field.hint[lang]} ` : ''}
        {t.rowsHint}
      </span>
    </div>
  );
}
