import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Pager } from '../../places/app/pager.tsx';
import type { LifeSituationData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { SituationTiles } from './situation-tiles.tsx';

/** `/rathaus/lebenslagen/:id`: a life situation — the situations below it as tiles, then its services. */
export default function LifeSituationView({ data }: ViewProps<LifeSituationData>) {
  const t = useTexts(servicesTexts);
  return (
    <div class="services">
      <p class="back">
        {data.parent ? <a href={`/rathaus/lebenslagen/${encodeURIComponent(data.parent.id)}`}>{fillText(t.parentSituation, { name: data.parent.name })}</a> : <a href="/rathaus">{t.backToOverview}</a>}
      </p>
      <h1 tabIndex={-1}>{data.name}</h1>
      {data.description && <p class="lead">{data.description}</p>}
      {data.children.length > 0 && (
        <section class="services-block" aria-labelledby="sub-situations">
          <h2 id="sub-situations">{t.subSituations}</h2>
          <SituationTiles tiles={data.children} />
        </section>
      )}
      {(data.total > 0 || !data.children.length) && (
        <section class="services-block" aria-labelledby="situation-services">
        <h2 id="situation-services">
          {t.services} {data.total > 0 && <span class="search-count">({data.total})</span>}
        </h2>
        <TeaserList items={data.services} emptyText={t.noServicesHere} />
        <Pager pager={data.pager} />
        </section>
      )}
    </div>
  );
}
