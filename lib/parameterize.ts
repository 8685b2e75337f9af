const transliteration: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** The mainserver's "parameterized" names (German transliteration, lower case, dashes): "Bad Belzig (Demo)" → "bad-belzig-demo". */
export function parameterizeName(name: string): string {
  return name
    .replace(/[äöüÄÖÜß]/g, (c) => transliteration[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\-_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}
