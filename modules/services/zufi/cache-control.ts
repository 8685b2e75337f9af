/**
 * What an upstream Cache-Control header allows us to do with our copy. We are a shared cache
 * (every citizen reads the same copy), so s-maxage wins over max-age; no-store, no-cache,
 * private and a zero age all mean "ask again before relying on it".
 */
export type Freshness = { kind: 'max-age'; seconds: number } | { kind: 'revalidate' } | { kind: 'unknown' };

export function parseCacheControl(header: string | null | undefined): Freshness {
  if (!header) return { kind: 'unknown' };
  const directives = new Map<string, string | undefined>();
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2);
    if (name) directives.set(name.toLowerCase(), value?.replace(/^"|"$/g, ''));
  }
  if (directives.has('no-store') || directives.has('no-cache') || directives.has('private')) return { kind: 'revalidate' };
  for (const name of ['s-maxage', 'max-age']) {
    const seconds = Number(directives.get(name));
    if (directives.has(name) && Number.isInteger(seconds) && seconds >= 0) return seconds === 0 ? { kind: 'revalidate' } : { kind: 'max-age', seconds };
  }
  return { kind: 'unknown' };
}

/** The shortest-lived of several responses' freshness (a catalogue is as fresh as its stalest part). */
export function stalest(items: Freshness[]): Freshness {
  let out: Freshness = { kind: 'unknown' };
  for (const f of items) {
    if (f.kind === 'revalidate') return f;
    if (f.kind === 'max-age' && (out.kind !== 'max-age' || f.seconds < out.seconds)) out = f;
  }
  return out;
}
