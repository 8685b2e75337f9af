import type { Gql } from '../../web-app/server/in-process-graphql.ts';
import type { Loader } from '../../web-app/server/loader.ts';
import { placesTexts } from './places-texts.ts';
import type { CategoriesData, CategoryNode } from './places-types.ts';

type CategoryRecord = { id: string; name: string; position: number | null; parent: { id: string } | null; pointsOfInterestTreeCount?: number; toursTreeCount?: number };

const query = `query PlaceCategories($counts: Boolean!) {
  categories { id name position parent { id } pointsOfInterestTreeCount @include(if: $counts) toursTreeCount @include(if: $counts) }
  pointsOfInterestCount @include(if: $counts)
  toursCount @include(if: $counts)
}`;

export async function loadCategories(gql: Gql, counts: boolean): Promise<{ categories: CategoryRecord[]; places: number; tours: number }> {
  const data = await gql(query, { counts });
  return { categories: data.categories ?? [], places: data.pointsOfInterestCount ?? 0, tours: data.toursCount ?? 0 };
}

/** A category and everything below it: a category's list shows the places of its subcategories too (as its count does). */
export function withDescendants(categories: CategoryRecord[], id: string): string[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of categories) if (c.parent?.id === out[i] && !out.includes(c.id)) out.push(c.id);
  return out;
}

/** `/orte`: the category tree with the number of places and tours in each branch; empty branches are left out. */
export const categoriesLoader: Loader = async (ctx) => {
  const { categories, places, tours } = await loadCategories(ctx.gql, true);
  const used = categories.filter((c) => (c.pointsOfInterestTreeCount ?? 0) + (c.toursTreeCount ?? 0) > 0);
  const ids = new Set(used.map((c) => c.id));
  const byPosition = (a: CategoryRecord, b: CategoryRecord) => (a.position ?? 0) - (b.position ?? 0) || a.name.localeCompare(b.name, 'de');
  const node = (c: CategoryRecord): CategoryNode => ({
    id: c.id,
    name: c.name,
    places: c.pointsOfInterestTreeCount ?? 0,
    tours: c.toursTreeCount ?? 0,
    children: used.filter((k) => k.parent?.id === c.id).sort(byPosition).map(node),
  });
  const tree = used.filter((c) => !c.parent || !ids.has(c.parent.id)).sort(byPosition).map(node);
  const data: CategoriesData = { places, tours, tree };
  return { title: placesTexts(ctx.lang).placesAndTours, data };
};
