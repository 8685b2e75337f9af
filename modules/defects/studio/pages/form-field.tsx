/**
 * A labelled text input or textarea with its hint and error (ids "f-<name>", as the studio's
 * ErrorSummary links them), marked invalid when it has an error.
 */
export function FormField(o: { name: string; label: string; value: string; error?: string; hint?: string; required?: boolean; rows?: number; type?: 'text' | 'email'; maxLength?: number; disabled?: boolean }) {
  const id = `f-${o.name}`;
  const described = [o.hint && `${id}-hint`, o.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = { id, name: o.name, required: o.required, maxLength: o.maxLength, disabled: o.disabled, 'aria-invalid': o.error ? ('true' as const) : undefined, 'aria-describedby': described };
  return (
    <p>
      <label for={id}>{o.label}</label>
      {o.hint && (
        <span class="hint" id={`${id}-hint`}>
          {o.hint}
        </span>
      )}
      {o.error && (
        <span class="field-error" id={`${id}-error`}>
          {o.error}
        </span>
      )}
      {o.rows ? <textarea {...common} rows={o.rows} value={o.value} /> : o.type === 'email' ? <input {...common} type="email" value={o.value} /> : <input {...common} type="text" value={o.value} />}
    </p>
  );
}
