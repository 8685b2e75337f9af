import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { idList, pagination, splitOrder } from '../../lib/list-args.ts';
import { type CategoryRow, categoryIndex, categoryTree, useAsCategoryIndex } from './category-store.ts';
import { germanSortKey } from '../../lib/german-sort.ts';

type ListArgs = { ids?: unknown[]; excludeIds?: unknown[]; tagList?: (string | null)[]; taggingStrategy?: 'ANY' | 'ALL' | 'EXCLUDE'; limit?: number; skip?: number; order?: string };

const orderColumns: Record<string, string> = { createdAt: 'created_at', updatedAt: 'updated_at', id: 'id', name: 'name' };

function filtered(ctx: GraphQLContext, args: ListArgs) {
  let q = ctx.db.selectFrom('categories');
  const ids = idList(args.ids);
  if (ids) q = q.where('id', 'in', ids.length ? ids : [0]);
  const excluded = idList(args.excludeIds);
  if (excluded?.length) q = q.where('id', 'not in', excluded);
  const tags = (args.tagList ?? []).filter((t): t is string => !!t);
  if (tags.length) {
    const strategy = args.taggingStrategy ?? 'ANY';
    q = q.where(
      strategy === 'ALL' ? sql<boolean>`tag_list @> ${tags}::text[]` : strategy === 'EXCLUDE' ? sql<boolean>`NOT (tag_list && ${tags}::text[])` : sql<boolean>`tag_list && ${tags}::text[]`,
    );
  }
  return q;
}

export const categoryResolvers = {
  Query: {
    categories: async (_: unknown, args: ListArgs, ctx: GraphQLContext) => {
      const { limit, offset } = pagination(args);
      const [field, dir] = splitOrder(args.order ?? 'name_ASC');
      const key = field === 'name' ? germanSortKey('name') : sql.ref(orderColumns[field]);
      let q = filtered(ctx, args)
        .selectAll()
        .select(sql<number>`row_number() OVER (ORDER BY ${key} ${sql.raw(dir)}, id ${sql.raw(dir)})`.as('list_position'))
        .orderBy('list_position');
      if (limit !== null) q = q.limit(limit);
      // As one JSON row: with the embedded PGlite, each row handed to JavaScript costs more than the query.
      const { rows: [{ list: rows }] } = await sql<{ list: CategoryRow[] }>`
        SELECT coalesce(json_agg(x ORDER BY x.list_position), '[]') AS list FROM (${q.offset(offset)}) x`.execute(ctx.db);
      // The whole tree (the app's usual request): parent and children need not read it again.
      if (!args.ids && !args.excludeIds?.length && !args.tagList?.some(Boolean) && limit === null && offset === 0) useAsCategoryIndex(ctx, rows);
      return rows;
    },
    categoriesCount: async (_: unknown, args: ListArgs, ctx: GraphQLContext) => {
      const row = await filtered(ctx, args).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    categoryTree: async (_: unknown, _a: unknown, ctx: GraphQLContext) => categoryTree(await categoryIndex(ctx)),
  },
  Category: {
    iconName: (c: CategoryRow) => c.icon_name,
    tagList: (c: CategoryRow) => (c.tag_list ?? []).join(','),
    parent: async (c: CategoryRow, _a: unknown, ctx: GraphQLContext) => (c.parent_id === null ? null : ((await categoryIndex(ctx)).byId.get(c.parent_id) ?? null)),
    children: async (c: CategoryRow, _a: unknown, ctx: GraphQLContext) => (await categoryIndex(ctx)).children.get(c.id) ?? [],
  },
};
