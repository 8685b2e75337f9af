import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Pager } from '../../places/app/pager.tsx';
import type { ServicesSearchData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';
import { ServiceSearchBox } from './suggest-box.tsx';
import { ServicesStatus } from './services-status.tsx';

/** `/rathaus/suche?q=`: the search form again, one status line (announced), the services found with their summaries. */
export default function ServicesSearchView({ data }: ViewProps<ServicesSearchData>) {
  const t = useTexts(servicesTexts);
  const status = {
    empty: '',
    'too-short': t.tooShort,
    'too-long': t.tooLong,
    none: fillText(t.none, { q: data.query }),
    results: fillText(data.total === 1 ? t.summaryOne : t.summary, { n: data.total, q: data.query }),
  }[data.state];
  return (
    <div class="services">
      <p class="back">
        <a href="/rathaus">{t.backToOverview}</a>
      </p>
      <h1 tabIndex={-1}>{t.searchTitle}</h1>
      <ServiceSearchBox value={data.query} />
      <p class={`search-status search-status-${data.state}`} role="status">
        {status}
      </p>
      <TeaserList items={data.items} headingLevel={2} />
      <Pager pager={data.pager} />
      <ServicesStatus status={data.status} />
    </div>
  );
}
