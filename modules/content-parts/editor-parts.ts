import type { EditorImage } from '../../core/registry/content-editor.ts';
import type { MediaContent, WebUrl } from './parts.ts';

/* Parts of records as studio forms edit them (see core/registry/content-editor.ts). */

/** The first image of a record's media, the one a studio form shows. */
export const firstImage = (media: MediaContent[] | undefined) => media?.find((m) => m.contentType === 'image');

/**
 * A record's media with its first image replaced by the one chosen in a studio form (or removed
 * when none is chosen); an unchanged choice keeps the media as they are, other media always stay.
 */
export function withChosenImage(media: MediaContent[] | undefined, url: string, images: Map<string, EditorImage>): MediaContent[] {
  const list = media ?? [];
  const current = firstImage(list);
  if (current && current.sourceUrl?.url === url) return list;
  const others = list.filter((m) => m !== current);
  const chosen = images.get(url);
  if (!chosen) return others;
  return [{ contentType: 'image', captionText: chosen.alt, copyright: chosen.copyright, width: chosen.width, height: chosen.height, sourceUrl: { url: chosen.url, description: chosen.alt } }, ...others];
}

/**
 * A record's links with the first one set to the URL from a studio form (or removed when empty);
 * an unchanged URL keeps its description, the other links stay.
 */
export function withFirstUrl(urls: WebUrl[] | undefined, url: string): WebUrl[] {
  const [first, ...others] = urls ?? [];
  const wanted = url.trim();
  if (!wanted) return others;
  return [first?.url === wanted ? first : { url: wanted, description: null }, ...others];
}
