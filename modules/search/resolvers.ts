import type { GraphQLContext } from '../../core/graphql/context.ts';
import { validationError } from '../../core/errors.ts';
import { searchables } from '../content-parts/searchables.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_SKIP, queryWords, runSearch } from './search-query.ts';

type SearchArgs = { query?: string | null; filter?: string[] | null; limit?: number | null; skip?: number | null };

/** news_item → NewsItem, point_of_interest → PointOfInterest (the mainserver's class names). */
export function recordTypeName(searchRecord: string): string {
  return searchRecord.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());
}

export const searchResolvers = {
  Query: {
    search: async (_: unknown, args: SearchArgs, ctx: GraphQLContext) => {
      const limit = args.limit ?? DEFAULT_LIMIT;
      const skip = args.skip ?? 0;
      if (limit < 0 || limit > MAX_LIMIT) throw validationError(`Invalid input: limit must be between 0 and ${MAX_LIMIT}.`);
      if (skip < 0 || skip > MAX_SKIP) throw validationError(`Invalid input: skip must be between 0 and ${MAX_SKIP}.`);
      const words = queryWords(args.query);
      if (!words.length) return [];
      const wanted = args.filter?.length ? new Set(args.filter) : null;
      const types = searchables().filter((s) => ctx.tenant.enabledModules.includes(s.module) && (!wanted || wanted.has(s.recordType)));
      const hits = await runSearch(ctx.db, types, words, limit, skip);
      return hits.map((h) => ({ id: String(h.id), recordType: recordTypeName(h.record_type) }));
    },
  },
};
