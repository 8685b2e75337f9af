/**
 * Reads the GPS position from a JPEG's EXIF (APP1, TIFF, IFD0 → GPS IFD), written from the
 * EXIF 2.3 layout rather than with the code under test. null when the file carries none.
 */
export function readExifGps(jpeg: Buffer): { lat: number; lng: number } | null {
  let at = 2;
  while (at + 4 < jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    const size = jpeg.readUInt16BE(at + 2);
    if (marker === 0xe1 && jpeg.subarray(at + 4, at + 10).toString('latin1') === 'Exif\0\0') return gpsOf(jpeg.subarray(at + 10, at + 2 + size));
    if (marker === 0xda) break;
    at += 2 + size;
  }
  return null;
}

function gpsOf(tiff: Buffer): { lat: number; lng: number } | null {
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12).map((e) => ({ tag: u16(e), count: u32(e + 4), value: e + 8 }));
  const gpsEntry = entries(u32(4)).find((e) => e.tag === 0x8825);
  if (!gpsEntry) return null;
  const gps = entries(u32(gpsEntry.value));
  const ref = (tag: number) => tiff.toString('latin1', gps.find((e) => e.tag === tag)!.value, gps.find((e) => e.tag === tag)!.value + 1);
  const dms = (tag: number) => {
    const e = gps.find((x) => x.tag === tag);
    if (!e) return NaN;
    const o = u32(e.value);
    const r = (i: number) => u32(o + i * 8) / u32(o + i * 8 + 4);
    return r(0) + r(1) / 60 + r(2) / 3600;
  };
  if (!gps.some((e) => e.tag === 2)) return null;
  return { lat: dms(2) * (ref(1) === 'S' ? -1 : 1), lng: dms(4) * (ref(3) === 'W' ? -1 : 1) };
}
