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

/** "YYYY-MM-DD HH:MM:SS +ZZZZ" in Europe/Berlin; null stays null. */
export function rubyTimestamp(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const p = berlinParts(d);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  const offsetMin = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${offset}`;
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

/** "YYYY-MM-DDTHH:MM" in Berlin: the value of an <input type="datetime-local">. */
export function berlinDateTimeLocal(d: Date): string {
  const p = berlinParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
