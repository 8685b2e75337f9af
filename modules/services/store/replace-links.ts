import { sql, type Kysely } from 'kysely';
import type { Source } from '../model/catalog.ts';

type LinkKind = 'categories' | 'responsibilities';
type Pair = [number, number];
type Triple = [number, number, string];

/**
 * Makes a source's service links equal to the delivered ones: service ↔ life situation
 * (ozg_service_categories) or service ↔ authority in an area (ozg_responsibilities). Only the
 * difference is written.
 */
export async function replaceLinks(trx: Kysely<any>, source: Source, kind: 'categories', links: Pair[]): Promise<{ added: number; removed: number }>;
export async function replaceLinks(trx: Kysely<any>, source: Source, kind: 'responsibilities', links: Triple[]): Promise<{ added: number; removed: number }>;
export async function replaceLinks(trx: Kysely<any>, source: Source, kind: LinkKind, links: (Pair | Triple)[]): Promise<{ added: number; removed: number }> {
  const existing =
    kind === 'categories'
      ? await sql<{ a: number; b: number; c: null }>`SELECT l.service_id AS a, l.category_id AS b, NULL AS c
          FROM ozg_service_categories l JOIN ozg_services s ON s.id = l.service_id WHERE s.source = ${source}`.execute(trx)
      : await sql<{ a: number; b: number; c: string }>`SELECT l.service_id AS a, l.authority_id AS b, l.area AS c
          FROM ozg_responsibilities l JOIN ozg_services s ON s.id = l.service_id WHERE s.source = ${source}`.execute(trx);
  const key = (a: number, b: number, c: string | null | undefined) => `${a}|${b}|${c ?? ''}`;
  const wanted = new Map(links.map((l) => [key(l[0], l[1], l[2]), l]));
  const have = new Set(existing.rows.map((r) => key(r.a, r.b, r.c)));
  const toRemove = existing.rows.filter((r) => !wanted.has(key(r.a, r.b, r.c)));
  const toAdd = [...wanted.entries()].filter(([k]) => !have.has(k)).map(([, l]) => l);
  const col = (rows: unknown[][], i: number) => rows.map((r) => r[i]);
  const removeRows = toRemove.map((r) => [r.a, r.b, r.c]);
  if (kind === 'categories') {
    if (removeRows.length)
      await sql`DELETE FROM ozg_service_categories l USING unnest(${col(removeRows, 0)}::int[], ${col(removeRows, 1)}::int[]) AS v(a, b)
        WHERE l.service_id = v.a AND l.category_id = v.b`.execute(trx);
    if (toAdd.length)
      await sql`INSERT INTO ozg_service_categories (service_id, category_id)
        SELECT * FROM unnest(${col(toAdd, 0)}::int[], ${col(toAdd, 1)}::int[])`.execute(trx);
  } else {
    if (removeRows.length)
      await sql`DELETE FROM ozg_responsibilities l USING unnest(${col(removeRows, 0)}::int[], ${col(removeRows, 1)}::int[], ${col(removeRows, 2)}::text[]) AS v(a, b, c)
        WHERE l.service_id = v.a AND l.authority_id = v.b AND l.area = v.c`.execute(trx);
    if (toAdd.length)
      await sql`INSERT INTO ozg_responsibilities (service_id, authority_id, area)
        SELECT * FROM unnest(${col(toAdd, 0)}::int[], ${col(toAdd, 1)}::int[], ${col(toAdd, 2)}::text[])`.execute(trx);
  }
  return { added: toAdd.length, removed: toRemove.length };
}
