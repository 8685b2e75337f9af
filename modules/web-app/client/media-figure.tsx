import { useTexts, defineTexts } from './i18n.ts';

/** An image of a detail page with its caption and copyright, mapped by the loader from MediaContent. */
export type Figure = { url: string; alt: string; caption: string | null; copyright: string | null };

type Media = { contentType?: string | null; captionText?: string | null; copyright?: string | null; sourceUrl?: { url?: string | null } | null };

/** Images only (other media types have no place to show here); the caption doubles as alt text. */
export function toFigures(media: Media[] | null | undefined): Figure[] {
  return (media ?? [])
    .filter((m) => m.sourceUrl?.url && (!m.contentType || m.contentType === 'image'))
    .map((m) => ({ url: m.sourceUrl!.url!, alt: m.captionText ?? '', caption: m.captionText || null, copyright: m.copyright || null }));
}

const texts = defineTexts({ de: { photo: 'Foto' }, en: { photo: 'Photo' } });

export function MediaFigure({ figure, eager = false }: { figure: Figure; eager?: boolean }) {
  const t = useTexts(texts);
  return (
    <figure class="media-figure">
      <img src={figure.url} alt={figure.alt} decoding="async" {...(eager ? { fetchpriority: 'high' } : { loading: 'lazy' })} />
      {(figure.caption || figure.copyright) && (
        <figcaption>
          {figure.caption}
          {figure.caption && figure.copyright ? ' ' : ''}
          {figure.copyright && (
            <span class="copyright">
              ({t.photo}: {figure.copyright})
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
