import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Pager } from '../../web-app/client/pager.tsx';
import type { EventListData } from './event-data.ts';
import { eventsTexts } from './events-texts.ts';

/** The list of upcoming dates with its filter form; the form is a plain GET form (no JavaScript needed). */
export default function EventsListView({ data }: ViewProps<EventListData>) {
  const t = useTexts(eventsTexts);
  const f = data.filters;
  return (
    <section class="events-list">
      <h1 tabIndex={-1}>{t.events}</h1>
      <p class="events-views">
        <a href="/veranstaltungen/kalender">{t.calendar}</a>
      </p>
      <form method="get" action="/veranstaltungen" class="events-filter" aria-label={t.filter}>
        <div class="field">
          <label for="ev-kategorie">{t.category}</label>
          <select id="ev-kategorie" name="kategorie">
            <option value="" selected={!f.kategorie}>
              {t.allCategories}
            </option>
            {data.categories.map((c) => (
              <option key={c.id} value={c.id} selected={c.id === f.kategorie}>
                {c.name} ({c.count})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ev-tag">{t.day}</label>
          <input id="ev-tag" name="tag" type="date" value={f.tag ?? ''} />
        </div>
        <fieldset class="field-group">
          <legend>{t.period}</legend>
          <div class="field">
            <label for="ev-von">{t.from}</label>
            <input id="ev-von" name="von" type="date" value={f.von ?? ''} />
          </div>
          <div class="field">
            <label for="ev-bis">{t.until}</label>
            <input id="ev-bis" name="bis" type="date" value={f.bis ?? ''} />
          </div>
        </fieldset>
        <div class="form-actions">
          <button type="submit" class="button">
            {t.show}
          </button>
          <a href="/veranstaltungen">{t.reset}</a>
        </div>
      </form>
      {data.error && (
        <p class="events-error" role="alert">
          {data.error}
        </p>
      )}
      {data.summary && <p class="events-summary">{data.summary}</p>}
      {data.days.length === 0 && <p class="empty">{t.empty}</p>}
      {data.days.map((d) => (
        <section key={d.day} class="events-day" aria-labelledby={`tag-${d.day}`}>
          <h2 id={`tag-${d.day}`}>
            <time dateTime={d.day}>{d.label}</time>
          </h2>
          <TeaserList items={d.items} headingLevel={3} />
        </section>
      ))}
      <Pager label={t.pages} prev={data.prevHref ? { href: data.prevHref, label: t.earlier } : null} next={data.nextHref ? { href: data.nextHref, label: t.later } : null} />
    </section>
  );
}
