import { sql, type RawBuilder } from 'kysely';
import { germanSortKey } from '../../../lib/german-sort.ts';
import { tsquery } from '../../search/search-query.ts';

/**
 * How a search text finds services (`ozg_services as s`). Every way provides the same parts, so
 * lists, counts and suggestions are built once (service-list.ts, suggestions.ts):
 * - `textMatch`: German full text through GIN indexes (usable under row-level security through
 *   `ozg_title_matches` and `search_matches`), see firstMatch.
 * - `substringMatch`: when the full text finds nothing, the normalised words inside name or synonyms
 *   ("anmeldung" in "Gewerbeanmeldung"); a scan of the tenant's stored normalised names
 *   (`terms_norm`), run only then.
 * - `initialMatch`: one or two letters, names beginning with them: so short a prefix would match a
 *   good part of the index's words ("fü" every "für"), and a name list by its first letters is
 *   what a person expects.
 * - `allServices`: no search text.
 */
export type ServiceMatch = {
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

function allServices(): ServiceMatch {
  return { cte: null, from: sql`ozg_services s`, where: sql<boolean>`true`, boost: zero, rank: zero, matches: () => sql<boolean>`false`, fallback: null };
}

/**
 * Where the words are looked for: `titles` — name and synonyms (title_vector, read-migrations.ts),
 * the last word also as the beginning of a word; `texts` — every word whole (stemmed) in name,
 * synonyms, summary and description (search_vector, through search_matches).
 */
type Where = 'titles' | 'texts';

const MATCHES_IN: Record<Where, RawBuilder<unknown>> = {
  titles: sql`ozg_title_matches((SELECT q FROM query)) AS m(match_id, match_rank)`,
  texts: sql`search_matches('ozg_services'::regclass, (SELECT q FROM query)) AS m(match_id, match_rank)`,
};

/**
 * Ranking: an exact name (2) before a name that begins with the text (1) before the rest, then
 * ts_rank. The query and the normalised text are computed once, in the CTE; for the texts an
 * empty word appended makes search_query take the last word whole.
 */
function textMatch(words: string[], where: Where, fallback: ServiceMatch | null): ServiceMatch {
  const q = tsquery(where === 'titles' ? words : [...words, '']);
  return {
    cte: sql`query AS MATERIALIZED (SELECT ${q} AS q, search_normalize(${words.join(' ')}::text) AS phrase)`,
    from: sql`${MATCHES_IN[where]} JOIN ozg_services s ON s.id = m.match_id`,
    where: sql<boolean>`true`,
    boost: sql<number>`CASE WHEN s.name_norm = (SELECT phrase FROM query) THEN 2 WHEN s.name_norm LIKE (SELECT phrase FROM query) || '%' THEN 1 ELSE 0 END`,
    rank: sql<number>`m.match_rank`,
    matches: (text) => sql<boolean>`(search_weighted(${text}, 'A') @@ (SELECT q FROM query))`,
    fallback,
  };
}

/** Words are letters and digits only (queryWords), so they carry no LIKE wildcards. */
function substringMatch(words: string[]): ServiceMatch {
  const matches = (text: RawBuilder<unknown>) => sql<boolean>`(search_normalize(${text}) LIKE ALL ((SELECT patterns FROM query)::text[]))`;
  return {
    cte: sql`query AS MATERIALIZED (SELECT array_agg('%' || search_normalize(w) || '%') AS patterns FROM unnest(${words}::text[]) AS w)`,
    from: sql`ozg_services s`,
    where: sql<boolean>`(s.terms_norm LIKE ALL ((SELECT patterns FROM query)::text[]))`,
    boost: zero,
    rank: zero,
    matches,
    fallback: null,
  };
}

/** A search word this short lists the names beginning with it. */
const MAX_INITIAL_LENGTH = 2;

/**
 * Names whose German sort key (name_key) begins with the letters, by a range on the index
 * ozg_services_name: a pattern from a parameter cannot use an index, and a per-row comparison
 * over thousands of rows is what this path avoids. Byte order ("C") makes "fu" ≤ key < "fv" exact.
 */
function initialMatch(letters: string): ServiceMatch {
  return {
    cte: sql`query AS MATERIALIZED (SELECT lo, left(lo, -1) || chr(ascii(right(lo, 1)) + 1) AS hi
      FROM (SELECT ${germanSortKey('letters')} AS lo FROM (SELECT ${letters}::text AS letters) AS typed) AS k)`,
    from: sql`ozg_services s`,
    where: sql<boolean>`(s.name_key COLLATE "C" >= (SELECT lo FROM query) AND s.name_key COLLATE "C" < (SELECT hi FROM query))`,
    boost: zero,
    rank: zero,
    // Only names are compared: a synonym never matched on its own.
    matches: () => sql<boolean>`true`,
    fallback: null,
  };
}

/** The search looks in names and synonyms, then in all texts; suggestions in names and synonyms only. */
export type MatchScope = 'search' | 'suggestions';

/**
 * The first way to try for the words, with its fallbacks. Names and synonyms come first and,
 * when they match, alone: the unfinished last word of a search as you type is matched there as
 * the beginning of a word, and the long texts are searched (for whole words) only when no name
 * or synonym matches. Looking there too would add, for "Person", every service whose text says
 * "persönlich" (the same German stem): a thousand rows to match and rank on every keystroke, and
 * none the person looks for. Then words inside names, if every word has three letters or more.
 * A last word of one letter, after others, is left out while it is being typed ("Gewerbe a"
 * searches "Gewerbe"): as a whole word it would match nothing, and the results would flicker.
 */
export function firstMatch(words: string[], scope: MatchScope = 'search'): ServiceMatch {
  if (words.length === 0) return allServices();
  if (words.length === 1 && words[0]!.length <= MAX_INITIAL_LENGTH) return initialMatch(words[0]!);
  const used = words.length > 1 && words.at(-1)!.length === 1 ? words.slice(0, -1) : words;
  // Two letters inside any name match too much to be of use.
  const inside = used.every((w) => w.length >= 3) ? substringMatch(used) : null;
  return textMatch(used, 'titles', scope === 'search' ? textMatch(used, 'texts', inside) : inside);
}
