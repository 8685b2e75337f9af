import { BookmarkButton } from '../../web-app/client/bookmark-button.tsx';
import { useTexts } from '../../web-app/client/i18n.ts';
import { Address, Company, Contact, Links, Section } from './detail-parts.tsx';
import { MapView } from './map-view.tsx';
import { placesTexts } from './places-texts.ts';
import type { PlaceData, TourData } from './places-types.ts';

type Attraction = PlaceData | TourData;

/** The head of a place's or tour's page: back link, title, categories and short text. */
/** Title block of a place or tour; `bookmark` says how the device's bookmarks name it. */
export function AttractionHead({ data, bookmark }: { data: Attraction; bookmark: { type: 'PointOfInterest' | 'Tour'; href: string } }) {
  const t = useTexts(placesTexts);
  return (
    <>
      <p class="back">
        <a href="/orte">{t.placesAndTours}</a>
      </p>
      <h1 tabIndex={-1}>{data.name}</h1>
      <BookmarkButton type={bookmark.type} id={data.id} title={data.name} href={bookmark.href} />
      {data.categories.length > 0 && (
        <ul class="chips" aria-label={t.categories}>
          {data.categories.map((c) => (
            <li key={c.href}>
              <a href={c.href}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
      {data.summary && <p class="lead">{data.summary}</p>}
    </>
  );
}

/** Addresses with route links and the small map of the place or the tour. */
export function Where({ data, title }: { data: Attraction; title?: string }) {
  const t = useTexts(placesTexts);
  if (!data.addresses.length && !data.map) return null;
  return (
    <Section id="where" title={title ?? (data.addresses.length > 1 ? t.addresses : t.address)}>
      {data.addresses.map((a, i) => (
        <Address key={i} address={a} />
      ))}
      {data.map && <MapView spec={data.map} small />}
    </Section>
  );
}

/** Contact, operator, web links and source: the foot of a place's or tour's page. */
export function AttractionFoot({ data }: { data: Attraction }) {
  const t = useTexts(placesTexts);
  return (
    <>
      {data.contact && (
        <Section id="contact" title={t.contact}>
          <Contact contact={data.contact} />
        </Section>
      )}
      {data.operator && (
        <Section id="operator" title={t.operator}>
          <Company company={data.operator} />
        </Section>
      )}
      {data.links.length > 0 && (
        <Section id="links" title={t.links}>
          <Links links={data.links} />
        </Section>
      )}
      {data.source && (
        <p class="source">
          {t.source}: {data.source}
        </p>
      )}
    </>
  );
}
