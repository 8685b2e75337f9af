import { fromBerlinWallClock } from './berlin-time.ts';

/**
 * Date input as importers send it to the mainserver (parsed by Rails there): ISO dates and
 * timestamps, German "dd.mm.yyyy [HH:MM[:SS]]", "yyyy-mm-dd HH:MM[:SS]" with optional zone.
 * Wall-clock values without a zone are Europe/Berlin. Returns null for anything else.
 */
export function parseLenientDateTime(input: string): Date | null {
  const s = input.trim();
  if (!s) return null;
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return wallClock(+m[3], +m[2], +m[1], m[4], m[5], m[6]);
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return null;
  if (m[7]) {
    const zone = m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    if (!validDay(+m[1], +m[2], +m[3])) return null;
    const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return wallClock(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
}

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function wallClock(y: number, mo: number, d: number, h?: string, mi?: string, s?: string): Date | null {
  if (!validDay(y, mo, d)) return null;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return fromBerlinWallClock(y, mo, d, hour, minute, second);
}
