import sharp, { type Metadata, type Sharp } from 'sharp';
import { refusal } from './upload-refusals.ts';

/** Largest picture accepted: 50 megapixels (a 48 MP phone photo passes; decoding needs ~200 MB). */
export const MAX_PIXELS = 50_000_000;
/** Widths of the variants; an image is never scaled up, so small ones get fewer. */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

export type ImageOutput = { width: number; height: number; format: 'webp' | 'avif' | 'jpeg'; data: Buffer };
export type ProcessedImage = { width: number; height: number; outputs: ImageOutput[] };

const contentTypes = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg' } as const;
export const contentTypeOf = (format: ImageOutput['format']) => contentTypes[format];

/** An image whose header passed the checks, ready to decode (within the pixel limit). */
export type CheckedImage = { width: number; height: number; decode: () => Sharp };

/**
 * Reads an image's header and refuses what must not be decoded: unreadable files, more than
 * MAX_PIXELS (a decompression bomb is refused without unpacking it) and animations. Reading the
 * header decodes no pixels; the decoder is limited by limitInputPixels too, should a header
 * understate the size. Rotation follows the EXIF orientation.
 */
export async function checkImage(data: Buffer, fileName: string): Promise<CheckedImage> {
  const input = (limitInputPixels: number | false) => sharp(data, { limitInputPixels, failOn: 'error', autoOrient: true });
  let meta: Metadata;
  try {
    meta = await input(false).metadata();
  } catch {
    throw refusal('broken', { name: fileName });
  }
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw refusal('broken', { name: fileName });
  if (width * height > MAX_PIXELS) throw refusal('pixels', { width, height, max: MAX_PIXELS / 1_000_000 });
  if ((meta.pages ?? 1) > 1) throw refusal('animated');
  return { width, height, decode: () => input(MAX_PIXELS) };
}

/** Runs an encoding of a checked image, one per process at a time; decoder faults become refusals. */
export function encodeChecked<T>(image: CheckedImage, fileName: string, work: (base: Sharp) => Promise<T>): Promise<T> {
  return serially(async () => {
    try {
      return await work(image.decode());
    } catch (err) {
      if (err instanceof Error && /pixel limit/i.test(err.message)) throw refusal('pixels', { width: image.width, height: image.height, max: MAX_PIXELS / 1_000_000 });
      throw refusal('broken', { name: fileName });
    }
  });
}

/**
 * Decodes an image once and writes the variants: each width as WebP and AVIF, plus one JPEG at
 * the largest width for clients that know no newer format. The outputs carry no metadata at all
 * (sharp's default), so camera data and GPS positions are gone.
 */
export async function processImage(data: Buffer, fileName: string): Promise<ProcessedImage> {
  const image = await checkImage(data, fileName);
  const { width, height } = image;
  return encodeChecked(image, fileName, async (base) => {
    const widths = [...new Set([...VARIANT_WIDTHS.filter((w) => w < width), Math.min(width, VARIANT_WIDTHS.at(-1)!)])];
    const outputs: ImageOutput[] = [];
    for (const w of widths) {
      const resized = base.clone().resize({ width: w, withoutEnlargement: true });
      outputs.push(await render(resized.clone().webp({ quality: 80 }), 'webp'));
      outputs.push(await render(resized.clone().avif({ quality: 55, effort: 3 }), 'avif'));
    }
    const largest = widths.at(-1)!;
    outputs.push(await render(base.clone().resize({ width: largest, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }), 'jpeg'));
    return { width, height, outputs };
  });
}

async function render(pipeline: Sharp, format: ImageOutput['format']): Promise<ImageOutput> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, format, data };
}

/** One image at a time per process: a few large uploads at once must not exhaust the memory. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => {});
  return run;
}
