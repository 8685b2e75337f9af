import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Icon } from '../../web-app/client/icons.tsx';
import { MapView } from './map-view.tsx';
import { Pager } from './pager.tsx';
import { placesTexts, fill } from './places-texts.ts';
import type { ListData } from './places-types.ts';
import { countLabel } from './list-links.ts';

/** A list of places or tours; with `ansicht=karte` the same entries as a map above the list, which stays the accessible alternative. */
export default function ListView({ data }: ViewProps<ListData>) {
  const t = useTexts(placesTexts);
  const asMap = data.map !== null;
  return (
    <div class="places">
      <p class="back">
        <a href="/orte">{t.back}</a>
      </p>
      <h1 tabIndex={-1}>{data.title}</h1>
      <p class="list-count">{data.kind === 'poi' ? countLabel(data.total, t.place, t.places) : countLabel(data.total, t.tour, t.tours)}</p>
      <nav class="view-switch" aria-label={t.viewSwitch}>
        <a href={data.listHref} aria-current={asMap ? undefined : 'page'}>
          <Icon name="list" size={20} />
          {t.asList}
        </a>
        <a href={data.mapHref} aria-current={asMap ? 'page' : undefined}>
          <Icon name="map-pin" size={20} />
          {t.asMap}
        </a>
      </nav>
      {data.map && <MapView spec={data.map} />}
      {data.mapLimit !== null && <p class="map-note">{fill(t.mapTruncated, { n: data.mapLimit })}</p>}
      <TeaserList items={data.items} headingLevel={2} emptyText={data.kind === 'poi' ? t.noPlaces : t.noTours} />
      <Pager pager={data.pager} />
    </div>
  );
}
