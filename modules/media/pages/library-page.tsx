import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { FormMessages } from '../../studio/pages/form-messages.tsx';
import type { MediaFile, MediaKind } from '../media-library.ts';
import { mediaTexts } from './media-texts.ts';
import { MetaFields } from './meta-fields.tsx';
import { MediaThumb } from './media-thumb.tsx';

export type LibraryPageProps = {
  csrf: string;
  items: MediaFile[];
  total: number;
  page: number;
  perPage: number;
  q: string;
  kind: MediaKind | undefined;
  canUpload: boolean;
  maxMb: number;
  error: string | null;
  notice: string | null;
  /** What was typed into the upload form, kept after a refusal. */
  draft: { alt: string; copyright: string };
};

const kindParam: Record<MediaKind, string> = { image: 'bilder', document: 'dokumente' };

export function libraryHref(q: string, kind: MediaKind | undefined, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (kind) params.set('art', kindParam[kind]);
  if (page > 1) params.set('seite', String(page));
  const s = params.toString();
  return s ? `/studio/medien?${s}` : '/studio/medien';
}

/** The tenant's media: search, filter, pages of thumbnails and (for those who may) the upload form. */
export function LibraryPage(p: LibraryPageProps) {
  const t = useTexts(mediaTexts);
  const pages = Math.max(1, Math.ceil(p.total / p.perPage));
  return (
    <>
      <link rel="stylesheet" href="/studio/medien.css" />
      <FormMessages error={p.error} notice={p.notice} />
      {p.canUpload ? <UploadForm csrf={p.csrf} maxMb={p.maxMb} draft={p.draft} invalid={!!p.error} /> : <p>{t.readOnly}</p>}
      <form method="get" action="/studio/medien" class="media-search" role="search">
        <p>
          <label for="media-q">{t.searchLabel}</label>
          <input id="media-q" name="q" type="search" value={p.q} />
        </p>
        <p>
          <label for="media-kind">{t.kindLabel}</label>
          <select id="media-kind" name="art">
            <option value="">{t.allKinds}</option>
            <option value="bilder" selected={p.kind === 'image'}>
              {t.images}
            </option>
            <option value="dokumente" selected={p.kind === 'document'}>
              {t.documents}
            </option>
          </select>
        </p>
        <p>
          <button type="submit">{t.search}</button>
        </p>
      </form>
      <h2 id="media-results">{fillText(t.found, { n: p.total })}</h2>
      {p.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="media-grid" aria-labelledby="media-results">
          {p.items.map((m) => (
            <li key={m.id}>
              <a href={`/studio/medien/${m.id}`}>
                <MediaThumb file={m} />
                <span class="media-name">{m.fileName}</span>
              </a>
              {m.copyright && <span class="muted">© {m.copyright}</span>}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t.pages} class="media-pages">
          {p.page > 1 && <a href={libraryHref(p.q, p.kind, p.page - 1)}>{t.previous}</a>}
          <span>{fillText(t.pageOf, { page: p.page, pages })}</span>
          {p.page < pages && <a href={libraryHref(p.q, p.kind, p.page + 1)}>{t.next}</a>}
        </nav>
      )}
    </>
  );
}

function UploadForm({ csrf, maxMb, draft, invalid }: { csrf: string; maxMb: number; draft: LibraryPageProps['draft']; invalid: boolean }) {
  const t = useTexts(mediaTexts);
  const described = invalid ? 'form-error media-hint' : 'media-hint';
  return (
    <form method="post" action="/studio/medien" enctype="multipart/form-data" class="studio-form media-upload">
      <h2>{t.upload}</h2>
      {/* First, so the server can check it before the file. */}
      <input type="hidden" name="_csrf" value={csrf} />
      <p>
        {/* A file input accepts dropped files by itself: drag and drop without any script. */}
        <label for="media-file" class="drop-label">
          {t.dropZone}
        </label>
        <input id="media-file" name="datei" type="file" class="drop-zone" required accept="image/jpeg,image/png,image/webp,image/avif,image/gif,application/pdf,.jpg,.jpeg,.png,.webp,.avif,.gif,.pdf" aria-describedby={described} aria-invalid={invalid ? 'true' : undefined} />
        <span id="media-hint" class="muted">
          {fillText(t.dropHint, { max: maxMb })}
        </span>
      </p>
      <MetaFields alt={draft.alt} copyright={draft.copyright} />
      <p>
        <button type="submit">{t.uploadButton}</button>
      </p>
    </form>
  );
}
