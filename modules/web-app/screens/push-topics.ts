import type { Gql } from '../server/in-process-graphql.ts';

/** A category a citizen can choose for push messages, with its subcategories. */
export type PushTopic = { id: number; name: string; children: PushTopic[] };

const QUERY = `query WebPushTopics { categories { id name position tagList newsItemsCount parent { id } } }`;

type Row = { id: string; name: string | null; position: number | null; tagList: string | null; newsItemsCount: number | null; parent: { id: string } | null };
type Node = { id: number; name: string; position: number; children: Node[] };

const isNewsCategory = (c: Row) => !!c.name && ((c.tagList ?? '').split(',').includes('news_item') || (c.newsItemsCount ?? 0) > 0);

/**
 * The tenant's news categories as a tree: those tagged for news (as the native app's
 * personalised push lists them, tagList "news_item") and those that have news (importers create
 * categories without tags). Siblings in the studio's order; a category whose parent is not a
 * news category stands at the top.
 */
export async function loadPushTopics(gql: Gql): Promise<PushTopic[]> {
  const rows = ((await gql<{ categories: Row[] | null }>(QUERY)).categories ?? []).filter(isNewsCategory);
  const nodes = new Map(rows.map((r): [string, Node] => [r.id, { id: Number(r.id), name: r.name!, position: r.position ?? 0, children: [] }]));
  const roots: Node[] = [];
  for (const r of rows) (nodes.get(r.parent?.id ?? '')?.children ?? roots).push(nodes.get(r.id)!);
  return ordered(roots);
}

/** Rows come sorted by name, and the sort is stable: equal positions stay in name order. */
function ordered(list: Node[]): PushTopic[] {
  return [...list].sort((a, b) => a.position - b.position).map(({ id, name, children }) => ({ id, name, children: ordered(children) }));
}
