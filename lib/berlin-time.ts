/**
 * Time values in the mainserver's formats. All dates are Europe/Berlin, whatever the server's
 * own time zone: timestamps as Ruby's Time#to_s ("2024-05-01 09:30:00 +0200").
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function berlinParts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** Berlin's offset from UTC at `d`, as "+0200" (or with `separator` ":" as "+02:00"). */
function berlinOffset(d: Date, p: Record<string, string>, separator = ''): string {
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMin = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${separator}${String(abs % 60).padStart(2, '0')}`;
}

function toDate(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "YYYY-MM-DD HH:MM:SS +ZZZZ" in Europe/Berlin; null stays null. */
export function rubyTimestamp(value: Date | string | null | undefined): string | null {
  const d = toDate(value);
  if (!d) return null;
  const p = berlinParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${berlinOffset(d, p)}`;
}

/** "YYYY-MM-DDTHH:MM:SS.mmm+ZZ:ZZ" in Europe/Berlin: how the mainserver's REST JSON (Rails) writes times. */
export function railsJsonTimestamp(value: Date | string | null | undefined): string | null {
  const d = toDate(value);
  if (!d) return null;
  const p = berlinParts(d);
  const ms = String(d.getUTCMilliseconds()).padStart(3, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${ms}${berlinOffset(d, p, ':')}`;
}

/** The calendar date in Berlin, "YYYY-MM-DD". */
export function berlinDate(d: Date): string {
  const p = berlinParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant at which a Berlin wall-clock time occurs (handles summer time). */
export function fromBerlinWallClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes converge across DST changes: offset at the guess, then at the corrected instant.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const p = berlinParts(new Date(t));
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    t += guess - shown;
  }
  return new Date(t);
}

/** The given Berlin wall-clock time on the day after `now`'s Berlin date: when a nightly job runs next. */
export function tomorrowInBerlinAt(hour: number, minute: number, now = new Date()): Date {
  const [y, m, d] = berlinDate(now).split('-').map(Number);
  // Calendar arithmetic, not now + 24 h: the night summer time ends has 25 hours.
  return fromBerlinWallClock(y, m, d + 1, hour, minute);
}

/** "YYYY-MM-DDTHH:MM" in Berlin: the value of an <input type="datetime-local">. */
export function berlinDateTimeLocal(d: Date): string {
  const p = berlinParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Berlin's offset in minutes per UTC hour (offsets change only on the hour); bounded. */
const offsetByHour = new Map<number, number>();

/**
 * "YYYY-MM-DDTHH:MM:SS+ZZ:ZZ" in Europe/Berlin (W3C date-time, whole seconds), as Open311 writes
 * dates. Fast for long lists: the offset is looked up once per hour, not formatted per value.
 */
export function w3cTimestamp(value: Date | string | null | undefined): string | null {
  const d = toDate(value);
  if (!d) return null;
  const hour = Math.floor(d.getTime() / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const o = berlinOffset(d, berlinParts(d));
    offset = (o.startsWith('-') ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(3, 5)));
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${new Date(Math.floor(d.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19)}${zone}`;
}
