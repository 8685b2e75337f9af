import { sql } from 'kysely';

/**
 * SQL sort key for names in German alphabetical order, ignoring case and accents as the
 * mainserver's MySQL collation (utf8mb4_unicode_ci) did: "Öffentlicher Nahverkehr" sorts with
 * the O's, not after "Z" as plain lower() does under a C or C.UTF-8 collation.
 */
export function germanSortKey(column: string) {
  return sql`replace(translate(lower(${sql.ref(column)}), 'äöüàáâãåèéêëìíîïòóôõùúûçñ', 'aouaaaaaeeeeiiiioooouuucn'), 'ß', 'ss')`;
}
