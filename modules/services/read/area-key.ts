import { sql, type Kysely } from 'kysely';

/**
 * Which stored areas cover a place. A responsibility's or online service's area is an official
 * regional key (ARS, 12 digits: state 2, district 5, association 9, municipality 12) or a prefix
 * of one; it covers every ARS that starts with it. So the areas covering a key are exactly the
 * key's prefixes, a finite list that SQL can match with `= ANY(…)` and the index, and that code
 * can test with a Set — one rule for both.
 *
 * An AGS (8 digits: state, district, municipality) lacks the association: its ARS is
 * AGS[0:5] + association (4) + AGS[5:8]. The stored 12-digit areas tell it (first 5 + last 3
 * equal the AGS); without one, only the state and district levels are known to cover it.
 */
export type CoveringAreas = {
  /** The key as asked for, and the ARS it resolved to (the same unless an AGS was given). */
  key: string;
  ars: string;
  /** Areas that cover the key, longest first. */
  areas: string[];
};

const prefixes = (key: string, max = key.length) => Array.from({ length: max - 1 }, (_, i) => key.slice(0, max - i));

export async function coveringAreas(db: Kysely<any>, key: string): Promise<CoveringAreas> {
  if (key.length !== 8) return { key, ars: key, areas: prefixes(key) };
  const found = await sql<{ area: string }>`SELECT area FROM ozg_responsibilities
    WHERE length(area) = 12 AND left(area, 5) = ${key.slice(0, 5)} AND right(area, 3) = ${key.slice(5)}
    LIMIT 1`.execute(db);
  const ars = found.rows[0]?.area;
  return ars ? { key, ars, areas: prefixes(ars) } : { key, ars: key, areas: prefixes(key, 5) };
}

/** An online service offered in `areas` (empty: wherever the service is) is available at the key. */
export function offeredAt(serviceAreas: readonly string[], covering: CoveringAreas | null): boolean {
  return !covering || serviceAreas.length === 0 || serviceAreas.some((a) => covering.areas.includes(a));
}
