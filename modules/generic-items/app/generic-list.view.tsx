import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { TeaserList } from '../../web-app/client/teaser-list.tsx';
import { Pager } from '../../places/app/pager.tsx';
import { genericTexts } from './generic-texts.ts';
import type { GenericListData } from './generic-types.ts';

/** `/eintraege/:genericType`: offers, jobs, construction sites, deadlines … newest first. */
export default function GenericListView({ data }: ViewProps<GenericListData>) {
  const t = useTexts(genericTexts);
  return (
    <div class="generic-items">
      <h1 tabIndex={-1}>{data.title}</h1>
      <TeaserList items={data.items} headingLevel={2} emptyText={t.empty} />
      <Pager pager={data.pager} />
    </div>
  );
}
