/**
 * What a file is, judged by its first bytes (never by its name or the browser's claim).
 * Only the formats the library accepts are named; SVG and HEIC are recognised to refuse them
 * with a precise reason.
 */
export type SniffedType =
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/avif' }
  | { kind: 'document'; mime: 'application/pdf' }
  | { kind: 'refused'; reason: 'svg' | 'heic' | 'unknown' };

const ascii = (data: Buffer, start: number, end: number) => data.subarray(start, end).toString('latin1');

export function sniffType(data: Buffer): SniffedType {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { kind: 'image', mime: 'image/jpeg' };
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mime: 'image/png' };
  if (/^GIF8[79]a$/.test(ascii(data, 0, 6))) return { kind: 'image', mime: 'image/gif' };
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp' };
  if (ascii(data, 4, 8) === 'ftyp') {
    const brands = ascii(data, 8, Math.min(data.length, 8 + data.readUInt32BE(0)));
    if (/avi[fs]/.test(brands)) return { kind: 'image', mime: 'image/avif' };
    if (/hei[cfmsx]|mif1|msf1/.test(brands)) return { kind: 'refused', reason: 'heic' };
  }
  // Readers accept the header anywhere in the first kilobyte; we want it first, so no polyglot passes.
  if (ascii(data, 0, 5) === '%PDF-') return { kind: 'document', mime: 'application/pdf' };
  if (looksLikeSvg(data)) return { kind: 'refused', reason: 'svg' };
  return { kind: 'refused', reason: 'unknown' };
}

function looksLikeSvg(data: Buffer): boolean {
  const head = data.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return (head.startsWith('<?xml') || head.startsWith('<!doctype svg') || head.startsWith('<svg') || head.startsWith('<!--')) && head.includes('<svg');
}
