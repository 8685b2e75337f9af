/**
 * "Open now" from a place's opening hours, in Europe/Berlin. Opening hours are free text in the
 * mainserver ("Dienstag – Sonntag", "Mo-Fr", "täglich", "Samstag und Sonntag"), so the weekday
 * text is parsed; an entry whose days cannot be read is ignored, and when no entry can be read the
 * answer is null (the page then shows no indicator rather than a wrong one).
 * Seasons: dateFrom/dateTo limit an entry; with `useYear: false` they repeat every year.
 * Entries with `open: false` (rest days, holidays) win over open ones.
 */
export type OpeningHourInput = {
  weekday?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
  timeFrom?: string | null;
  timeTo?: string | null;
  useYear?: boolean | null;
  open?: boolean | null;
};

const DAY_NAMES: Record<string, number> = {};
[
  ['montag', 'mo', 'monday', 'mon'],
  ['dienstag', 'di', 'tuesday', 'tue', 'tu'],
  ['mittwoch', 'mi', 'wednesday', 'wed', 'we'],
  ['donnerstag', 'do', 'thursday', 'thu', 'th'],
  ['freitag', 'fr', 'friday', 'fri'],
  ['samstag', 'sonnabend', 'sa', 'saturday', 'sat'],
  ['sonntag', 'so', 'sunday', 'sun', 'su'],
].forEach((names, day) => names.forEach((n) => (DAY_NAMES[n] = day)));

const ALL = [0, 1, 2, 3, 4, 5, 6];
const GROUPS: Record<string, number[]> = {
  täglich: ALL,
  'jeden tag': ALL,
  daily: ALL,
  werktags: [0, 1, 2, 3, 4, 5],
  wochentags: [0, 1, 2, 3, 4],
  wochenende: [5, 6],
  weekdays: [0, 1, 2, 3, 4],
  weekend: [5, 6],
};

function dayOf(word: string): number | null {
  const w = word.trim().replace(/\.$/, '');
  return w in DAY_NAMES ? DAY_NAMES[w]! : null;
}

/** The weekdays (0 = Monday) a weekday text names; null when it cannot be read. */
export function parseWeekdays(text: string | null | undefined): Set<number> | null {
  const t = (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  if (!t) return null;
  const days = new Set<number>();
  for (const part of t.split(/,|;|\/| und | and | sowie |&/)) {
    const p = part.trim();
    if (!p) continue;
    if (p in GROUPS) {
      GROUPS[p]!.forEach((d) => days.add(d));
      continue;
    }
    const range = p.split(/\s*(?:–|—|-|\bbis\b|\bto\b)\s*/).filter(Boolean);
    if (range.length === 2) {
      const [a, b] = [dayOf(range[0]!), dayOf(range[1]!)];
      if (a === null || b === null) return null;
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
    } else if (range.length === 1 && dayOf(range[0]!) !== null) days.add(dayOf(range[0]!)!);
    else return null;
  }
  return days.size ? days : null;
}

const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' });
const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

function berlinNow(now: Date): { date: string; weekday: number; minutes: number } {
  const p: Record<string, string> = {};
  for (const part of berlin.formatToParts(now)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: WEEKDAY_INDEX[p.weekday!]!, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

function minutesOf(time: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const isDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

function inSeason(h: OpeningHourInput, today: string): boolean {
  const from = isDate(h.dateFrom) ? h.dateFrom : null;
  const to = isDate(h.dateTo) ? h.dateTo : null;
  if (!from && !to) return true;
  if (h.useYear === false) {
    // Every year: compare month and day only; a season may run over the new year (Nov – Mar).
    const day = today.slice(5);
    const a = from?.slice(5) ?? '01-01';
    const b = to?.slice(5) ?? '12-31';
    return a <= b ? day >= a && day <= b : day >= a || day <= b;
  }
  return (!from || today >= from) && (!to || today <= to);
}

function inTime(h: OpeningHourInput, minutes: number): boolean {
  const from = minutesOf(h.timeFrom);
  const to = minutesOf(h.timeTo);
  if (from === null && to === null) return true;
  const a = from ?? 0;
  const b = to ?? 24 * 60;
  // "22:00–02:00": open late into the night.
  return a < b ? minutes >= a && minutes < b : minutes >= a || minutes < b;
}

export function openNow(hours: OpeningHourInput[], now: Date): boolean | null {
  const { date, weekday, minutes } = berlinNow(now);
  let readable = false;
  let open = false;
  for (const h of hours) {
    // A dated entry without readable days ("24. Dezember") covers every day of its dates.
    const days = parseWeekdays(h.weekday) ?? (isDate(h.dateFrom) ? new Set(ALL) : null);
    if (!days) continue;
    readable = true;
    if (!days.has(weekday) || !inSeason(h, date) || !inTime(h, minutes)) continue;
    if (h.open === false) return false;
    open = true;
  }
  return readable ? open : null;
}
