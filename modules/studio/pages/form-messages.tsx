/** An error (announced as an alert, referenced by the fields as form-error) or a notice above a form. */
export function FormMessages({ error, notice, summary }: { error: string | null; notice?: string | null; summary?: string }) {
  return (
    <>
      {error && (
        <div class="form-error" role="alert" id="form-error">
          <p>
            {summary && <strong>{summary}: </strong>}
            {error}
          </p>
        </div>
      )}
      {notice && (
        <div class="form-notice" role="status">
          <p>{notice}</p>
        </div>
      )}
    </>
  );
}
