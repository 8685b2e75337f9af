import type { GraphQLContext } from '../../core/graphql/context.ts';
import { rubyTimestamp } from '../../lib/berlin-time.ts';
import { absoluteUrl } from '../../lib/absolute-url.ts';
import { changeVisibility, destroyRecord } from './record-actions.ts';


export const contentPartsResolvers = {
  WebUrl: {
    url: (w: { url: string }, _a: unknown, ctx: GraphQLContext) => absoluteUrl(w.url, ctx.origin),
  },
  ContentBlock: {
    createdAt: (b: { createdAt?: string }) => rubyTimestamp(b.createdAt),
    updatedAt: (b: { updatedAt?: string }) => rubyTimestamp(b.updatedAt),
  },
  Location: {
    // Write-only in the mainserver: it links a Region and reads back as null.
    regionName: () => null,
  },
  Mutation: {
    destroyRecord: (_: unknown, args: any, ctx: GraphQLContext) => destroyRecord(ctx, args),
    changeVisibility: (_: unknown, args: any, ctx: GraphQLContext) => changeVisibility(ctx, args),
  },
};
