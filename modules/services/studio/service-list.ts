import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { SOURCES, type Source } from '../model/catalog.ts';

export const PER_PAGE = 25;

/** The overview's filters as the GET form sends them; anything odd falls back to "all". */
export const ServiceQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  quelle: z.enum(['', ...SOURCES]).catch(''),
  status: z.enum(['', 'visible', 'hidden', 'pinned', 'top']).catch(''),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ServiceQuery = z.infer<typeof ServiceQuery>;

export type ServiceRow = { id: number; name: string; source: Source; leikaKey: string | null; hidden: boolean; pinned: boolean; topPosition: number | null };

const columns = ['id', 'name', 'source', 'leika_key', 'hidden', 'pinned', 'top_position'] as const;
const toRow = (r: any): ServiceRow => ({ id: r.id, name: r.name, source: r.source, leikaKey: r.leika_key, hidden: r.hidden, pinned: r.pinned, topPosition: r.top_position });

/** One page of the tenant's services by name, searched in names and filtered by source and state. */
export async function listServices(db: Kysely<any>, query: ServiceQuery): Promise<{ rows: ServiceRow[]; total: number }> {
  let q = db.selectFrom('ozg_services').select(columns);
  if (query.q) q = q.where('name', 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.quelle) q = q.where('source', '=', query.quelle);
  if (query.status === 'visible') q = q.where('hidden', '=', false);
  if (query.status === 'hidden') q = q.where('hidden', '=', true);
  if (query.status === 'pinned') q = q.where('pinned', '=', true);
  if (query.status === 'top') q = q.where('top_position', 'is not', null);
  const rows = await q
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(PER_PAGE)
    .offset((query.seite - 1) * PER_PAGE)
    .execute();
  return { rows: rows.map(toRow), total: rows.length ? Number(rows[0]!.total) : 0 };
}

/** The services with a place in the top list, in its order. */
export async function topServices(db: Kysely<any>): Promise<ServiceRow[]> {
  const rows = await db.selectFrom('ozg_services').select(columns).where('top_position', 'is not', null).orderBy('top_position').orderBy('id').execute();
  return rows.map(toRow);
}

export async function findService(db: Kysely<any>, id: number): Promise<ServiceRow | null> {
  const row = await db.selectFrom('ozg_services').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toRow(row) : null;
}
