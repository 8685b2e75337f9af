import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { Accessibility, Images, OpeningHours, Prices, RichText, Section } from './detail-parts.tsx';
import { AttractionFoot, AttractionHead, Where } from './attraction-parts.tsx';
import { placesTexts } from './places-texts.ts';
import type { PlaceData } from './places-types.ts';

/** `/orte/:id`: a place — description, images, address with route link and map, opening hours, prices, contact. */
export default function PlaceView({ data }: ViewProps<PlaceData>) {
  const t = useTexts(placesTexts);
  return (
    <article class="detail place">
      <AttractionHead data={data} bookmark={{ type: 'PointOfInterest', href: `/orte/${data.id}` }} />
      <Images images={data.images} eager />
      {data.descriptionHtml && (
        <Section id="description" title={t.description}>
          <RichText html={data.descriptionHtml} />
        </Section>
      )}
      <Where data={data} />
      <OpeningHours id="hours" rows={data.hours} openNow={data.openNow} />
      <Prices id="prices" rows={data.prices} />
      {data.accessibility && (
        <Section id="accessibility" title={t.accessibility}>
          <Accessibility info={data.accessibility} />
        </Section>
      )}
      {data.certificates.length > 0 && (
        <Section id="certificates" title={t.certificates}>
          <ul>
            {data.certificates.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </Section>
      )}
      <AttractionFoot data={data} />
    </article>
  );
}
