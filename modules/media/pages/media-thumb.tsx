import { useTexts } from '../../web-app/client/i18n.ts';
import type { MediaFile } from '../media-library.ts';
import { mediaTexts } from './media-texts.ts';

/** The smallest WebP of an image (every current browser shows WebP), or a "PDF" tile for documents. */
export function MediaThumb({ file }: { file: MediaFile }) {
  const t = useTexts(mediaTexts);
  const small = file.variants.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width)[0];
  if (file.kind === 'document' || !small) {
    return (
      <span class="media-doc" aria-hidden="true">
        PDF
      </span>
    );
  }
  return <img src={small.url} alt={file.alt || t.noAlt} width={small.width} height={small.height} loading="lazy" />;
}
