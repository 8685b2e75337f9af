import { sql, type Kysely, type RawBuilder } from 'kysely';
import { germanSortKey } from '../../../lib/german-sort.ts';
import { visibleService } from './service-view.ts';

/** A life situation (Lebenslage) as GraphQL's LifeSituation and the REST JSON show it. */
export type LifeSituationView = { id: string; name: string; description: string | null; parentId: string | null };

type Row = { id: number; name: string; description: string | null; parent_id: number | null };

const view = (r: Row): LifeSituationView => ({ id: String(r.id), name: r.name, description: r.description, parentId: r.parent_id === null ? null : String(r.parent_id) });

const ORDER = sql`c.position, ${germanSortKey('c.name')}, c.id`;

async function select(db: Kysely<any>, where: RawBuilder<boolean>): Promise<LifeSituationView[]> {
  const result = await sql<Row>`SELECT c.id, c.name, c.description, c.parent_id FROM ozg_categories c WHERE ${where} ORDER BY ${ORDER}`.execute(db);
  return result.rows.map(view);
}

/** The life situations under `parentId`, or the top level. */
export function lifeSituationsUnder(db: Kysely<any>, parentId: number | null): Promise<LifeSituationView[]> {
  return select(db, parentId === null ? sql<boolean>`c.parent_id IS NULL` : sql<boolean>`c.parent_id = ${parentId}`);
}

export async function lifeSituationById(db: Kysely<any>, id: number): Promise<LifeSituationView | undefined> {
  return (await select(db, sql<boolean>`c.id = ${id}`))[0];
}

/** The children of several life situations, in one statement. */
export async function childrenOf(db: Kysely<any>, parentIds: number[]): Promise<Map<number, LifeSituationView[]>> {
  const out = new Map<number, LifeSituationView[]>(parentIds.map((id) => [id, []]));
  for (const c of await select(db, sql<boolean>`c.parent_id = ANY(${parentIds}::int[])`)) out.get(Number(c.parentId))!.push(c);
  return out;
}

/** The life situations of several services, in one statement. */
export async function lifeSituationsOfServices(db: Kysely<any>, serviceIds: number[]): Promise<Map<number, LifeSituationView[]>> {
  const out = new Map<number, LifeSituationView[]>(serviceIds.map((id) => [id, []]));
  const result = await sql<Row & { service_id: number }>`SELECT l.service_id, c.id, c.name, c.description, c.parent_id
    FROM ozg_service_categories l JOIN ozg_categories c ON c.id = l.category_id
    WHERE l.service_id = ANY(${serviceIds}::int[]) ORDER BY ${ORDER}`.execute(db);
  for (const r of result.rows) out.get(r.service_id)!.push(view(r));
  return out;
}

/** Visible services directly in each life situation (not counting its children). */
export async function servicesCounts(db: Kysely<any>, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>(ids.map((id) => [id, 0]));
  const result = await sql<{ category_id: number; n: number }>`SELECT l.category_id, count(*)::int AS n
    FROM ozg_service_categories l JOIN ozg_services s ON s.id = l.service_id
    WHERE l.category_id = ANY(${ids}::int[]) AND ${visibleService('s')} GROUP BY l.category_id`.execute(db);
  for (const r of result.rows) out.set(r.category_id, r.n);
  return out;
}
