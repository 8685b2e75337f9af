import type { ViewProps } from '../../web-app/client/app-route.ts';
import { useTexts } from '../../web-app/client/i18n.ts';
import { placesTexts } from './places-texts.ts';
import type { CategoriesData, CategoryNode } from './places-types.ts';
import { countLabel, listHref } from './list-links.ts';

/** `/orte`: every category with places or tours, nested, each linking to its list. */
export default function CategoriesView({ data }: ViewProps<CategoriesData>) {
  const t = useTexts(placesTexts);
  return (
    <div class="places">
      <h1 tabIndex={-1}>{t.placesAndTours}</h1>
      <ul class="places-overview">
        {data.places > 0 && (
          <li>
            <a class="button" href={listHref('poi', null)}>
              {t.allPlaces} ({data.places})
            </a>
          </li>
        )}
        {data.tours > 0 && (
          <li>
            <a class="button" href={listHref('tour', null)}>
              {t.allTours} ({data.tours})
            </a>
          </li>
        )}
      </ul>
      <h2>{t.categories}</h2>
      {data.tree.length ? <Tree nodes={data.tree} /> : <p class="empty">{t.noCategories}</p>}
    </div>
  );
}

function Tree({ nodes }: { nodes: CategoryNode[] }) {
  const t = useTexts(placesTexts);
  return (
    <ul class="category-tree">
      {nodes.map((n) => (
        <li key={n.id}>
          <span class="category">
            <a href={listHref(n.places ? 'poi' : 'tour', n.id)}>{n.name}</a>
            {n.places > 0 && <span class="count">{countLabel(n.places, t.place, t.places)}</span>}
            {n.places > 0 && n.tours > 0 && <a href={listHref('tour', n.id)}>{countLabel(n.tours, t.tour, t.tours)}</a>}
            {n.places === 0 && <span class="count">{countLabel(n.tours, t.tour, t.tours)}</span>}
          </span>
          {n.children.length > 0 && <Tree nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}
