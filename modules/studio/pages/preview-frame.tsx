const FRAME = 'vorschau';

/**
 * A page of the citizen app in an iframe named "vorschau", so forms can update it with
 * formtarget="vorschau" (no script needed); `open` links to the same preview on its own.
 */
export function PreviewFrame({ src, title, hint, open }: { src: string; title: string; hint: string; open?: string }) {
  return (
    <section class="config-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{title}</h2>
      <p>{hint}</p>
      {open && (
        <p>
          <a href={src}>{open}</a>
        </p>
      )}
      <iframe name={FRAME} title={title} src={src} />
    </section>
  );
}

/** Save, and show the unsaved form in the settings preview frame (the form posts there, no script). */
export function SaveAndPreviewButtons({ save, preview }: { save: string; preview: string }) {
  return (
    <p class="form-actions">
      <button type="submit" name="_op" value="save">
        {save}
      </button>{' '}
      <button type="submit" name="_op" value="preview" class="secondary" formaction="/studio/einstellungen/vorschau" formtarget={FRAME}>
        {preview}
      </button>
    </p>
  );
}
