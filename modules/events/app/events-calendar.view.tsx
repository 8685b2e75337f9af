import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts, useLang } from '../../web-app/client/i18n.ts';
import type { CalendarData } from './event-data.ts';
import { eventsTexts } from './events-texts.ts';

const weekdays = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** A month as a data table (caption, weekday headers); days with dates link to that day's list. */
export default function EventsCalendarView({ data }: ViewProps<CalendarData>) {
  const t = useTexts(eventsTexts);
  const lang = useLang();
  return (
    <section class="events-calendar">
      <h1 tabIndex={-1}>{t.calendar}</h1>
      <p class="events-views">
        <a href="/veranstaltungen">{t.listView}</a>
      </p>
      {data.error && (
        <p class="events-error" role="alert">
          {data.error}
        </p>
      )}
      <nav class="calendar-nav" aria-label={t.calendarNav}>
        <a href={data.prev.href} rel="prev">
          ← {data.prev.label}
        </a>
        <a href={data.next.href} rel="next">
          {data.next.label} →
        </a>
      </nav>
      <table class="calendar">
        <caption>{data.caption}</caption>
        <thead>
          <tr>
            {weekdays[lang].map((w) => (
              <th key={w} scope="col">
                <abbr title={w}>{w.slice(0, 2)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.weeks.map((week, i) => (
            <tr key={i}>
              {week.map((d, j) =>
                d ? (
                  <td key={d.day} class={`${d.count ? 'has-events' : ''}${d.today ? ' today' : ''}`} aria-current={d.today ? 'date' : undefined}>
                    {d.count ? (
                      <a href={`/veranstaltungen?tag=${d.day}`}>
                        <span class="calendar-day">{d.number}</span>
                        {/* Read as "5 3 Veranstaltungen" under the weekday's column header. */}
                        <span class="calendar-count">
                          {d.count}
                          <span class="events-sr"> {d.count === 1 ? t.event : t.events}</span>
                        </span>
                      </a>
                    ) : (
                      <span class="calendar-day">{d.number}</span>
                    )}
                  </td>
                ) : (
                  <td key={`pad-${j}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
