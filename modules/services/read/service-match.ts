import { sql, type RawBuilder } from 'kysely';
import { tsquery } from '../../search/search-query.ts';

/**
 * How a search text finds services (`ozg_services as s`). Every way provides the same parts, so
 * lists, counts and suggestions are built once (service-list.ts, suggestions.ts):
 * - `fullText`: German full text through `search_matches` (the GIN index under row-level
 *   security), name A, synonyms B, summary C, description D; the last word also as a prefix.
 * - `substring`: when the full text finds nothing, the normalised words inside name or synonyms
 *   ("anmeldung" in "Gewerbeanmeldung"); a scan of the tenant's names, run only then.
 * - `initial`: a single letter, names beginning with it: a one-letter prefix would match most
 *   of the index's words, and a name list by its first letter is what a person expects.
 * - `all`: no search text.
 */
export type ServiceMatch = {
  kind: 'fullText' | 'substring' | 'initial' | 'all';
  /** A `query` CTE the other parts refer to, if any. */
  cte: RawBuilder<unknown> | null;
  /** FROM clause; it names `ozg_services` as `s`. */
  from: RawBuilder<unknown>;
  /** Condition beyond visibility and filters. */
  where: RawBuilder<boolean>;
  /** Sort keys after `pinned` (higher first): name boost and text rank. */
  boost: RawBuilder<number>;
  rank: RawBuilder<number>;
  /** Whether a text (a name, a synonym) alone matches, for suggestions. */
  matches: (text: RawBuilder<unknown>) => RawBuilder<boolean>;
  /** What to try when this finds nothing. */
  fallback: ServiceMatch | null;
};

const zero = sql<number>`0`;

export function allServices(): ServiceMatch {
  return { kind: 'all', cte: null, from: sql`ozg_services s`, where: sql<boolean>`true`, boost: zero, rank: zero, matches: () => sql<boolean>`false`, fallback: null };
}

/**
 * Ranking: an exact name (2) before a name that begins with the text (1) before the rest, then
 * ts_rank. The normalised text is computed once, in the CTE.
 */
export function fullTextMatch(words: string[]): ServiceMatch {
  const phrase = words.join(' ');
  return {
    kind: 'fullText',
    cte: sql`query AS MATERIALIZED (SELECT ${tsquery(words)} AS q, search_normalize(${phrase}::text) AS phrase)`,
    from: sql`search_matches('ozg_services'::regclass, (SELECT q FROM query)) AS m JOIN ozg_services s ON s.id = m.search_match_id`,
    where: sql<boolean>`true`,
    boost: sql<number>`CASE WHEN search_normalize(s.name) = (SELECT phrase FROM query) THEN 2
      WHEN search_normalize(s.name) LIKE (SELECT phrase FROM query) || '%' THEN 1 ELSE 0 END`,
    rank: sql<number>`m.search_match_rank`,
    matches: (text) => sql<boolean>`(search_weighted(${text}, 'A') @@ (SELECT q FROM query))`,
    fallback: substringMatch(words),
  };
}

/** Words are letters and digits only (queryWords), so they carry no LIKE wildcards. */
export function substringMatch(words: string[]): ServiceMatch {
  const matches = (text: RawBuilder<unknown>) => sql<boolean>`(search_normalize(${text}) LIKE ALL ((SELECT patterns FROM query)::text[]))`;
  return {
    kind: 'substring',
    cte: sql`query AS MATERIALIZED (SELECT array_agg('%' || search_normalize(w) || '%') AS patterns FROM unnest(${words}::text[]) AS w)`,
    from: sql`ozg_services s`,
    where: matches(sql`s.name || ' ' || ozg_words(s.synonyms)`),
    boost: zero,
    rank: zero,
    matches,
    fallback: null,
  };
}

export function initialMatch(letter: string): ServiceMatch {
  const matches = (text: RawBuilder<unknown>) => sql<boolean>`(${text} ILIKE ${`${letter}%`})`;
  return { kind: 'initial', cte: null, from: sql`ozg_services s`, where: matches(sql.ref('s.name')), boost: zero, rank: zero, matches, fallback: null };
}

/**
 * The first way to try for the words. A last word of one letter, after others, is left out
 * while it is being typed ("Gewerbe a" searches "Gewerbe"): as a whole word it would match
 * nothing, and the results would flicker empty on every new word.
 */
export function firstMatch(words: string[]): ServiceMatch {
  if (words.length === 0) return allServices();
  if (words.length === 1 && words[0]!.length === 1) return initialMatch(words[0]!);
  const used = words.length > 1 && words.at(-1)!.length === 1 ? words.slice(0, -1) : words;
  return fullTextMatch(used);
}
