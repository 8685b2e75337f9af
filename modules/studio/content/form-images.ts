import type { Kysely } from 'kysely';
import type { EditorField, EditorImage, EditorValues } from '../../../core/registry/content-editor.ts';
import { searchMedia } from '../../media/media-library.ts';

export type ImageOption = { url: string; label: string };

/** The newest images of the tenant's library, offered by image fields. */
export async function libraryImages(db: Kysely<any>): Promise<(EditorImage & { label: string })[]> {
  const { items } = await searchMedia(db, { kind: 'image', perPage: 100 });
  return items.map((f) => ({ url: f.url, alt: f.alt, copyright: f.copyright, width: f.width, height: f.height, label: `${f.alt} (${f.fileName})` }));
}

/** Image URLs a record holds now: they stay choosable even when they are not in the library (imports). */
export const currentImages = (fields: EditorField[], values: EditorValues | undefined): string[] =>
  fields.filter((f) => f.kind === 'image').map((f) => String(values?.[f.name] ?? '')).filter(Boolean);

export function imageOptions(library: ImageOption[], current: string[], currentLabel: string): ImageOption[] {
  const known = new Set(library.map((i) => i.url));
  return [...current.filter((url) => !known.has(url)).map((url) => ({ url, label: currentLabel })), ...library];
}
