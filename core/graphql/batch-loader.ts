import { memo, type GraphQLContext } from './context.ts';

type Loader<K, V> = { results: Map<K, Promise<V | undefined>>; load: (key: K) => Promise<V | undefined> };

function loaderOf<K, V>(ctx: GraphQLContext, name: string, fetch: (keys: K[]) => Promise<Map<K, V>>): Loader<K, V> {
  return memo(ctx, `batch:${name}`, () => {
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
    const load = (k: K) => {
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
    return { results, load };
  });
}

/**
 * A per-request loader that collects the keys asked for in one tick and fetches them with one
 * query (the N+1 problem of nested GraphQL fields). `fetch` returns values by key.
 */
export function batchLoad<K, V>(ctx: GraphQLContext, name: string, fetch: (keys: K[]) => Promise<Map<K, V>>, key: K): Promise<V | undefined> {
  return loaderOf(ctx, name, fetch).load(key);
}

/**
 * Hands a loader values a list query already read with its rows (e.g. as JSON columns), so the
 * nested fields of the list need no query of their own. Keys asked for before stay as they are.
 */
export function primeBatch<K, V>(ctx: GraphQLContext, name: string, fetch: (keys: K[]) => Promise<Map<K, V>>, values: Iterable<[K, V]>): void {
  const { results } = loaderOf(ctx, name, fetch);
  for (const [k, v] of values) if (!results.has(k)) results.set(k, Promise.resolve(v));
}
