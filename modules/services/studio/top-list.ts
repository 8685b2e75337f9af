import { sql, type Kysely } from 'kysely';

/** Places of the top list the studio offers (the citizen app's "Top 10"). */
export const TOP_PLACES = 10;

/** A service that changes place: `to` null takes it off the list. */
export type TopMove = { id: number; from: number | null; to: number | null };

/**
 * Where every service goes when `id` takes place `to` on the list `places` (place → service id).
 * Nobody loses a place: a service moving within the list leaves its place free, and the services
 * from `to` towards that place move one step into it (a reordering); a service new to the list
 * pushes the services from `to` one place down to the next free place, or up to the nearest free
 * one above when none is free below. Null when all places are taken and the service is new.
 */
export function planTopMove(places: ReadonlyMap<number, number>, id: number, to: number): TopMove[] | null {
  const from = [...places].find(([, sid]) => sid === id)?.[0] ?? null;
  if (from === to) return [];
  const free = (place: number) => !places.has(place) || place === from;
  let gap: number | undefined = to;
  if (!free(to)) {
    const below = Array.from({ length: TOP_PLACES - to }, (_, i) => to + 1 + i);
    const above = Array.from({ length: to - 1 }, (_, i) => to - 1 - i);
    const order = from === null ? [...below, ...above] : from > to ? below : above;
    gap = order.find(free);
  }
  if (gap === undefined) return null;
  const step = gap > to ? 1 : -1;
  const moves: TopMove[] = [];
  for (let place = to; place !== gap; place += step) moves.push({ id: places.get(place)!, from: place, to: place + step });
  return [{ id, from, to }, ...moves];
}

/**
 * Gives a service (of the tenant `db` is bound to) its place on the top list, moving others as
 * planTopMove says, in the caller's transaction. The lock keeps two editors from taking one
 * place at the same moment. Null when the list is full.
 */
export async function setTopPlace(trx: Kysely<any>, tenantId: number, id: number, to: number): Promise<TopMove[] | null> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('ozg_services_top'), ${tenantId}::integer)`.execute(trx);
  const rows = await trx.selectFrom('ozg_services').select(['id', 'top_position']).where('top_position', '>=', 1).where('top_position', '<=', TOP_PLACES).execute();
  const moves = planTopMove(new Map(rows.map((r) => [r.top_position as number, r.id as number])), id, to);
  for (const m of moves ?? []) await trx.updateTable('ozg_services').set({ top_position: m.to, updated_at: sql`now()` }).where('id', '=', m.id).execute();
  return moves;
}
