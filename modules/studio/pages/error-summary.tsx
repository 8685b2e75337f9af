/**
 * What kept a form from being saved, above it: the problem (or `fallback` when only fields are
 * wrong), then each field's message as a link to its field (ids "f-<name>"). Nothing when all is well.
 */
export function ErrorSummary({ heading, problem, fallback, errors }: { heading?: string; problem: string | null; fallback: string; errors: Record<string, string> }) {
  const fieldErrors = Object.entries(errors);
  if (!problem && fieldErrors.length === 0) return null;
  return (
    <div class="form-error" role="alert" id="form-error">
      <p>
        {heading && <strong>{heading}: </strong>}
        {problem ?? fallback}
      </p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map(([name, message]) => (
            <li key={name}>
              <a href={`#f-${name}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
