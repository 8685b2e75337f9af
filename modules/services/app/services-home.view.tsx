import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import type { ServicesHomeData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { ServiceSearchBox } from './suggest-box.tsx';
import { ServicesStatus } from './services-status.tsx';
import { SituationTiles } from './situation-tiles.tsx';

/** `/rathaus`: search with suggestions, the municipality's top list, life situations as tiles, how current the directory is. */
export default function ServicesHomeView({ data }: ViewProps<ServicesHomeData>) {
  const t = useTexts(servicesTexts);
  return (
    <div class="services">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <ServiceSearchBox value="" />
      <ServicesStatus status={data.status} />
      {data.servicesCount === 0 && <p class="empty">{t.noServices}</p>}
      {data.top.length > 0 && (
        <section class="services-block" aria-labelledby="services-top">
          <h2 id="services-top">{t.top}</h2>
          <TeaserList items={data.top} />
        </section>
      )}
      {data.lifeSituations.length > 0 && (
        <section class="services-block" aria-labelledby="services-situations">
          <h2 id="services-situations">{t.lifeSituations}</h2>
          <SituationTiles tiles={data.lifeSituations} />
        </section>
      )}
    </div>
  );
}
