/**
 * EXIF GPS tags (IFD3) for sharp's withExif: the report's chosen point as degrees, minutes and
 * seconds in rationals (libvips reads "n/d n/d n/d"), hemisphere in the *Ref tags.
 */
export function exifGpsOf(lat: number, lng: number): Record<string, string> {
  return {
    GPSVersionID: '2 3 0 0',
    GPSLatitudeRef: lat < 0 ? 'S' : 'N',
    GPSLatitude: dms(Math.abs(lat)),
    GPSLongitudeRef: lng < 0 ? 'W' : 'E',
    GPSLongitude: dms(Math.abs(lng)),
    GPSMapDatum: 'WGS-84',
  };
}

/** 52.1417 → "52/1 8/1 3012/100" (hundredths of a second: about 30 cm). */
function dms(value: number): string {
  const centiseconds = Math.round(value * 360_000);
  const degrees = Math.floor(centiseconds / 360_000);
  const minutes = Math.floor((centiseconds % 360_000) / 6000);
  return `${degrees}/1 ${minutes}/1 ${centiseconds % 6000}/100`;
}
