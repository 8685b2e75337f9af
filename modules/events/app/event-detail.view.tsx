import { BookmarkButton } from '../../web-app/client/bookmark-button.tsx';
import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { MediaFigure } from '../../web-app/client/media-figure.tsx';
import { LinkChips, ProviderNote } from '../../web-app/client/detail-parts.tsx';
import type { EventDate, EventDetailData, Link, Party } from './event-data.ts';
import { eventsTexts, fill } from './events-texts.ts';

/** The first dates are listed at once; the rest (a weekly market has a hundred) behind a disclosure. */
const SHOWN_DATES = 8;

export default function EventDetailView({ data }: ViewProps<EventDetailData>) {
  const t = useTexts(eventsTexts);
  const [first, ...more] = data.figures;
  return (
    <article class="event-detail">
      <h1 tabIndex={-1}>{data.title}</h1>
      <BookmarkButton type="EventRecord" id={data.id} title={data.title} href={`/veranstaltungen/${data.id}`} />
      <LinkChips label={t.categories} links={data.categories.map((c) => ({ href: `/veranstaltungen?kategorie=${encodeURIComponent(c.id)}`, text: c.name }))} />
      {first && <MediaFigure figure={first} eager />}
      {data.description && 'html' in data.description && <div class="rich-text" dangerouslySetInnerHTML={{ __html: data.description.html }} />}
      {data.description && 'paragraphs' in data.description && data.description.paragraphs.map((p, i) => <p key={i} class="event-plain-text">{p}</p>)}

      <section aria-labelledby="ev-dates">
        <h2 id="ev-dates">{t.dates}</h2>
        <DateList dates={data.dates.slice(0, SHOWN_DATES)} />
        {data.dates.length > SHOWN_DATES && (
          <details class="more-dates">
            <summary>{fill(t.moreDates, { count: data.dates.length })}</summary>
            <DateList dates={data.dates.slice(SHOWN_DATES)} />
          </details>
        )}
        {data.dates.length > 0 && (
          <p>
            <a class="button" href={`/veranstaltungen/${encodeURIComponent(data.id)}/kalender.ics`} download={`veranstaltung-${data.id}.ics`}>
              {t.addToCalendar}
            </a>{' '}
            <span class="event-hint">{t.addToCalendarHint}</span>
          </p>
        )}
      </section>

      {data.place && (
        <section aria-labelledby="ev-place">
          <h2 id="ev-place">{t.place}</h2>
          <address>
            {[data.place.name, ...data.place.address].filter(Boolean).map((line, i) => (
              <span key={i} class="line">
                {line}
              </span>
            ))}
          </address>
          {data.place.routeHref && (
            <p>
              <a href={data.place.routeHref} rel="noopener">
                {t.route}
              </a>{' '}
              <span class="event-hint">{t.routeHint}</span>
            </p>
          )}
        </section>
      )}

      {data.prices.length > 0 && (
        <section aria-labelledby="ev-prices">
          <h2 id="ev-prices">{t.prices}</h2>
          <dl class="prices">
            {data.prices.map((p, i) => (
              <div key={i}>
                <dt>{p.name}</dt>
                <dd>
                  {p.amount && <strong>{p.amount}</strong>}
                  {p.details.length > 0 && <span class="event-hint"> {p.details.join(' · ')}</span>}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {data.organizer && (
        <section aria-labelledby="ev-organizer">
          <h2 id="ev-organizer">{t.organizer}</h2>
          <PartyCard party={data.organizer} />
        </section>
      )}

      {data.contacts.length > 0 && (
        <section aria-labelledby="ev-contacts">
          <h2 id="ev-contacts">{t.contact}</h2>
          {data.contacts.map((c, i) => (
            <PartyCard key={i} party={c} />
          ))}
        </section>
      )}

      {data.links.length > 0 && (
        <section aria-labelledby="ev-links">
          <h2 id="ev-links">{t.links}</h2>
          <LinkList links={data.links} />
        </section>
      )}

      {data.accessibility && (
        <section aria-labelledby="ev-a11y">
          <h2 id="ev-a11y">{t.accessibility}</h2>
          {data.accessibility.types && <p>{data.accessibility.types}</p>}
          {data.accessibility.description && <p class="event-plain-text">{data.accessibility.description}</p>}
          <LinkList links={data.accessibility.links} />
        </section>
      )}

      {more.map((f, i) => (
        <MediaFigure key={i} figure={f} />
      ))}

      <ProviderNote label={t.provider} provider={data.provider} />
      <p>
        <a href="/veranstaltungen">{t.backToList}</a>
      </p>
    </article>
  );
}

function DateList({ dates }: { dates: EventDate[] }) {
  return (
    <ul class="event-dates">
      {dates.map((d, i) => (
        <li key={i}>
          <time dateTime={d.start}>{d.label}</time>
          {d.time && <span class="event-time">{d.time}</span>}
        </li>
      ))}
    </ul>
  );
}

function LinkList({ links }: { links: Link[] }) {
  if (!links.length) return null;
  return (
    <ul class="event-links">
      {links.map((l, i) => (
        <li key={i}>
          <a href={l.url} rel="noopener">
            {l.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

function PartyCard({ party }: { party: Party }) {
  const t = useTexts(eventsTexts);
  return (
    <div class="party">
      {party.name && <p class="party-name">{party.name}</p>}
      {party.address.length > 0 && (
        <address>
          {party.address.map((line, i) => (
            <span key={i} class="line">
              {line}
            </span>
          ))}
        </address>
      )}
      {(party.phone || party.fax || party.email) && (
      <ul class="party-contact">
        {party.phone && (
          <li>
            {t.phone}: <a href={`tel:${party.phone.replace(/[^\d+]/g, '')}`}>{party.phone}</a>
          </li>
        )}
        {party.fax && (
          <li>
            {t.fax}: {party.fax}
          </li>
        )}
        {party.email && (
          <li>
            {t.email}: <a href={`mailto:${party.email}`}>{party.email}</a>
          </li>
        )}
      </ul>
      )}
      <LinkList links={party.links} />
    </div>
  );
}
