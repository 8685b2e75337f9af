import { formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { FormMessages } from '../../studio/pages/form-messages.tsx';
import type { MediaFile, MediaVariant } from '../media-library.ts';
import { mediaTexts } from './media-texts.ts';
import { MetaFields } from './meta-fields.tsx';

export type DetailPageProps = { csrf: string; file: MediaFile; canEdit: boolean; error: string | null; notice: string | null };

const srcset = (variants: MediaVariant[], format: MediaVariant['format']) =>
  variants
    .filter((v) => v.format === format)
    .map((v) => `${v.url} ${v.width}w`)
    .join(', ');

const sizeText = (bytes: number, lang: string) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString(lang, { maximumFractionDigits: 1 })} MB` : `${Math.ceil(bytes / 1024).toLocaleString(lang)} KB`;

/** One file: preview, what is known about it, and (for those who may) alt text, copyright and deletion. */
export function DetailPage({ csrf, file, canEdit, error, notice }: DetailPageProps) {
  const t = useTexts(mediaTexts);
  const lang = useLang();
  const action = `/studio/medien/${file.id}`;
  return (
    <>
      <link rel="stylesheet" href="/studio/medien.css" />
      <p>
        <a href="/studio/medien">{t.back}</a>
      </p>
      <FormMessages error={error} notice={notice} />
      {file.kind === 'image' ? (
        <figure class="media-preview">
          <picture>
            <source type="image/avif" srcset={srcset(file.variants, 'avif')} sizes="(min-width: 60rem) 56rem, 100vw" />
            <source type="image/webp" srcset={srcset(file.variants, 'webp')} sizes="(min-width: 60rem) 56rem, 100vw" />
            <img src={file.url} alt={file.alt || t.noAlt} width={file.width ?? undefined} height={file.height ?? undefined} />
          </picture>
          {file.copyright && <figcaption>© {file.copyright}</figcaption>}
        </figure>
      ) : (
        <p>
          <a href={file.url}>
            {t.openPdf}: {file.fileName}
          </a>
        </p>
      )}
      <h2>{t.details}</h2>
      <dl class="media-facts">
        <dt>{t.fileName}</dt>
        <dd>{file.fileName}</dd>
        <dt>{t.type}</dt>
        <dd>{file.mime}</dd>
        <dt>{t.size}</dt>
        <dd>{sizeText(file.bytes, lang)}</dd>
        {file.width && file.height && (
          <>
            <dt>{t.dimensions}</dt>
            <dd>
              {file.width} × {file.height} px
            </dd>
          </>
        )}
        <dt>{t.uploadedAt}</dt>
        <dd>{formatDate(file.createdAt, lang)}</dd>
      </dl>
      {file.variants.length > 0 && (
        <>
          <h2>{t.variants}</h2>
          <ul class="media-variants">
            {file.variants.map((v) => (
              <li key={v.url}>
                <a href={v.url}>
                  {v.format.toUpperCase()} {v.width} × {v.height}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit ? (
        <>
          <form method="post" action={action} class="studio-form">
            <h2>{t.edit}</h2>
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="aktion" value="speichern" />
            <MetaFields alt={file.alt} copyright={file.copyright} />
            <p>
              <button type="submit">{t.save}</button>
            </p>
          </form>
          <form method="post" action={action} class="studio-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="aktion" value="loeschen" />
            <p class="muted">{t.deleteHint}</p>
            <p>
              <button type="submit" class="danger">
                {t.delete}
                <span class="visually-hidden">: {file.fileName}</span>
              </button>
            </p>
          </form>
        </>
      ) : (
        <p>{t.readOnly}</p>
      )}
    </>
  );
}
