import { memo, type GraphQLContext } from './context.ts';

/**
 * A per-request loader that collects the keys asked for in one tick and fetches them with one
 * query (the N+1 problem of nested GraphQL fields). `fetch` returns values by key.
 */
export function batchLoad<K, V>(ctx: GraphQLContext, name: string, fetch: (keys: K[]) => Promise<Map<K, V>>, key: K): Promise<V | undefined> {
  const load = memo(ctx, `batch:${name}`, () => {
    const results = new Map<K, Promise<V | undefined>>();
    let pending: Array<{ key: K; resolve: (v: V | undefined) => void; reject: (e: unknown) => void }> = [];
    const flush = () => {
      const work = pending;
      pending = [];
      fetch([...new Set(work.map((w) => w.key))]).then(
        (found) => work.forEach((w) => w.resolve(found.get(w.key))),
        (err) => work.forEach((w) => w.reject(err)),
      );
    };
    return (k: K) => {
      let p = results.get(k);
      if (!p) {
        p = new Promise((resolve, reject) => {
          if (pending.length === 0) queueMicrotask(flush);
          pending.push({ key: k, resolve, reject });
        });
        results.set(k, p);
      }
      return p;
    };
  });
  return load(key);
}
