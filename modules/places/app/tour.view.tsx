import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { Address, Contact, Images, Links, RichText, Section } from './detail-parts.tsx';
import { AttractionFoot, AttractionHead, Where } from './attraction-parts.tsx';
import { placesTexts } from './places-texts.ts';
import type { TourData } from './places-types.ts';

/** `/touren/:id`: a tour with its facts, description, track and stops on a map, and the stops as a list. */
export default function TourView({ data }: ViewProps<TourData>) {
  const t = useTexts(placesTexts);
  return (
    <article class="detail tour">
      <AttractionHead data={data} bookmark={{ type: 'Tour', href: `/touren/${data.id}` }} />
      {(data.lengthKm || data.transport) && (
        <dl class="facts">
          {data.lengthKm && (
            <div>
              <dt>{t.length}</dt>
              <dd>{data.lengthKm} km</dd>
            </div>
          )}
          {data.transport && (
            <div>
              <dt>{t.transport}</dt>
              <dd>{data.transport}</dd>
            </div>
          )}
        </dl>
      )}
      <Images images={data.images} eager />
      {data.descriptionHtml && (
        <Section id="description" title={t.description}>
          <RichText html={data.descriptionHtml} />
        </Section>
      )}
      <Where data={data} title={data.hasTrack ? t.track : undefined} />
      {data.stops.length > 0 && (
        <Section id="stops" title={t.stops}>
          <ol class="stops">
            {data.stops.map((s) => (
              <li key={s.id} id={`stop-${s.id}`} class="stop">
                <h3>
                  <span class="stop-number" aria-hidden="true">
                    {s.number}
                  </span>
                  {s.name}
                </h3>
                {s.summary && !s.descriptionHtml && <p>{s.summary}</p>}
                <RichText html={s.descriptionHtml} />
                <Images images={s.images} />
                {s.addresses.map((a, i) => (
                  <Address key={i} address={a} />
                ))}
                {s.contact && <Contact contact={s.contact} />}
                <Links links={s.links} />
              </li>
            ))}
          </ol>
        </Section>
      )}
      <AttractionFoot data={data} />
    </article>
  );
}
