import { sql, type Kysely } from 'kysely';
import { noFilter, PAGE_ORDER, rankedPage, untilFound, withMatch } from './ranked-page.ts';
import { firstMatch } from './service-match.ts';

export type Suggestion = { id: string; name: string; matchedSynonym: string | null };

/**
 * Search as you type: the names of the best few matches by name and synonyms (not the long
 * texts), ranked as the search ranks them, each with the synonym that matched when its name did
 * not ("Fahrerl" → "Führerschein beantragen" by "Fahrerlaubnis"). Synonyms are compared only for
 * the rows shown.
 */
export function suggestServices(db: Kysely<any>, words: string[], limit: number): Promise<Suggestion[]> {
  if (!words.length || limit === 0) return Promise.resolve([]);
  return untilFound(
    firstMatch(words, 'suggestions'),
    async (match) => {
      const result = await sql<{ id: number; name: string; matched_synonym: string | null }>`${withMatch(match)}
        SELECT s.id, s.name,
          CASE WHEN ${match.matches(sql.ref('s.name'))} THEN NULL
            ELSE (SELECT x FROM unnest(s.synonyms) AS x WHERE ${match.matches(sql.ref('x'))} LIMIT 1) END AS matched_synonym
        FROM ${rankedPage(noFilter, match, { limit, offset: 0 })}
        ORDER BY ${PAGE_ORDER}`.execute(db);
      return result.rows.map((r) => ({ id: String(r.id), name: r.name, matchedSynonym: r.matched_synonym }));
    },
    (rows) => rows.length > 0,
  );
}
