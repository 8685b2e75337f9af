import { useTexts } from '../../web-app/client/i18n.ts';
import { openNow, type OpeningHourInput } from '../../places/app/open-now.ts';
import { placesTexts } from '../../places/app/places-texts.ts';
import type { OpeningSpan } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { useNow } from './use-now.ts';
import { Part, type HeadingLevel } from './part.tsx';

/** German day names, as places' open-now reads them (1 = Monday … 7 = Sunday). */
const DAY_WORDS = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

const asInput = (s: OpeningSpan): OpeningHourInput => ({ weekday: DAY_WORDS[s.weekday], timeFrom: s.opens, timeTo: s.closes });

/**
 * An authority's opening hours: a table of all seven days (days without a span are "geschlossen")
 * and the source's own wording below it. "Jetzt geöffnet/geschlossen" is decided in the browser,
 * in Europe/Berlin, once the page runs: the server's HTML is cached and must not claim either.
 */
export function OpeningHours({ spans, note, id, level }: { spans: OpeningSpan[]; note: string | null; id: string; level: HeadingLevel }) {
  const t = useTexts(servicesTexts);
  const p = useTexts(placesTexts);
  const now = useNow();
  if (!spans.length && !note) return null;
  const open = now && spans.length ? openNow(spans.map(asInput), now) : null;
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ day: d, spans: spans.filter((s) => s.weekday === d) }));
  const hasNotes = spans.some((s) => s.note);
  return (
    <Part id={id} level={level} title={p.openingHours}>
      {open !== null && <p class={`open-now ${open ? 'is-open' : 'is-closed'}`}>{open ? p.openNow : p.closedNow}</p>}
      {spans.length > 0 && (
        <table class="hours">
          <caption class="visually-hidden-heading">{p.openingHours}</caption>
          <thead>
            <tr>
              <th scope="col">{p.days}</th>
              <th scope="col">{p.times}</th>
              {hasNotes && <th scope="col">{p.notes}</th>}
            </tr>
          </thead>
          <tbody>
            {days.map(({ day, spans: list }) => (
              <tr key={day}>
                <th scope="row">{t[`weekday${day}` as 'weekday1']}</th>
                <td>{list.length ? list.map((s) => `${s.opens}–${s.closes}${p.oClock}`).join(', ') : p.closed}</td>
                {hasNotes && <td>{list.map((s) => s.note).filter(Boolean).join(' · ')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note && <p class="opening-note">{note}</p>}
    </Part>
  );
}
