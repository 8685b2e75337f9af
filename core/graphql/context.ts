import type { Kysely } from 'kysely';
import type { RequestScope } from '../http/request-scope.ts';
import type { EnqueueOptions } from '../jobs/job-queue.ts';

export type GraphQLContext = RequestScope & {
  /** Per-request memo for loaders (batching lookups of one request). */
  memo: Map<string, unknown>;
  /** Enqueues a job for this tenant on the given executor (pass the mutation's transaction). */
  enqueue: (db: Kysely<any>, job: Omit<EnqueueOptions, 'tenantId'>) => Promise<void>;
};

/** A per-request memoised value, e.g. a DataLoader-style batch. */
export function memo<T>(ctx: GraphQLContext, key: string, make: () => T): T {
  let v = ctx.memo.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    ctx.memo.set(key, v);
  }
  return v;
}
