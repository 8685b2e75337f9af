import { fillText, formatDate, useTexts, type Lang } from '../../../web-app/client/i18n.ts';
import { Pager } from '../../../web-app/client/pager.tsx';
import { servicesTexts } from '../services-texts.ts';

/** Times in Berlin, to the minute. */
export const berlinTime = (d: Date, lang: Lang) => formatDate(d, lang, { dateStyle: 'medium', timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "vor 3 Tagen", "in 2 Stunden": the largest whole unit, at least minutes. */
export function relativeTime(d: Date, now: Date, lang: Lang): string {
  const ms = d.getTime() - now.getTime();
  const [unit, size] = UNITS.find(([, size]) => Math.abs(ms) >= size) ?? UNITS[UNITS.length - 1]!;
  return new Intl.RelativeTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { numeric: 'auto' }).format(Math.trunc(ms / size), unit);
}

/** Page links of a long list (the web app's pager, with the studio's words). */
export function PageLinks({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTexts(servicesTexts);
  return (
    <Pager
      label={t.pagination}
      status={fillText(t.page, { page, pages })}
      prev={page > 1 ? { href: href(page - 1), label: t.previous } : null}
      next={page < pages ? { href: href(page + 1), label: t.next } : null}
    />
  );
}

/** The source of a service or run in words. */
export function sourceName(source: string, t: ReturnType<typeof servicesTexts>): string {
  return source === 'zufi' ? t.sourceZufi : source === 'file' ? t.sourceFile : source === 'manual' ? t.sourceManual : source;
}
