/**
 * A small iCalendar (RFC 5545) writer: components, properties, TEXT escaping (§3.3.11) and line
 * folding at 75 octets (§3.1). Lines end in CRLF. Pure functions, no I/O.
 */
export type IcsProperty = { name: string; value: string; params?: Record<string, string> };
export type IcsComponent = { name: string; properties: IcsProperty[]; components?: IcsComponent[] };

/** TEXT values: backslash, semicolon, comma and line breaks escaped; other control characters dropped. */
export function escapeText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line so no line exceeds 75 octets of UTF-8, continuation lines starting with a
 * space (which counts); a character is never split across lines.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!);
    if (size + n > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** Parameter values with ":", ";" or "," must be quoted (§3.2); quotes themselves cannot occur. */
const paramValue = (v: string) => {
  const clean = v.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
};

function contentLine(p: IcsProperty): string {
  const params = Object.entries(p.params ?? {})
    .map(([k, v]) => `;${k}=${paramValue(v)}`)
    .join('');
  return foldLine(`${p.name}${params}:${p.value}`);
}

function lines(c: IcsComponent): string[] {
  return [`BEGIN:${c.name}`, ...c.properties.map(contentLine), ...(c.components ?? []).flatMap(lines), `END:${c.name}`];
}

/** The whole object, each line ending in CRLF. */
export function serializeIcs(calendar: IcsComponent): string {
  return `${lines(calendar).join('\r\n')}\r\n`;
}

/** "2026-12-05" → "20261205" (DATE). */
export const icsDate = (day: string) => day.replace(/-/g, '');

/** "2026-12-05", "19:30" → "20261205T193000" (local DATE-TIME, used with TZID). */
export const icsLocalDateTime = (day: string, time: string) => `${icsDate(day)}T${time.slice(0, 2)}${time.slice(3, 5)}00`;

/** An instant in UTC: "20261121T053000Z" (DTSTAMP must be UTC). */
export const icsUtc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Europe/Berlin as a VTIMEZONE (the EU rule since 1996: last Sunday of March and of October). */
export const BERLIN_TZID = 'Europe/Berlin';
export const berlinTimezone: IcsComponent = {
  name: 'VTIMEZONE',
  properties: [{ name: 'TZID', value: BERLIN_TZID }],
  components: [
    {
      name: 'DAYLIGHT',
      properties: [
        { name: 'TZOFFSETFROM', value: '+0100' },
        { name: 'TZOFFSETTO', value: '+0200' },
        { name: 'TZNAME', value: 'CEST' },
        { name: 'DTSTART', value: '19700329T020000' },
        { name: 'RRULE', value: 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU' },
      ],
    },
    {
      name: 'STANDARD',
      properties: [
        { name: 'TZOFFSETFROM', value: '+0200' },
        { name: 'TZOFFSETTO', value: '+0100' },
        { name: 'TZNAME', value: 'CET' },
        { name: 'DTSTART', value: '19701025T030000' },
        { name: 'RRULE', value: 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU' },
      ],
    },
  ],
};
