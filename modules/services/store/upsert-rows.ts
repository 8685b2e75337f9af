import { sql, type Kysely } from 'kysely';
import type { Source } from '../model/catalog.ts';

export type RowCounts = { added: number; changed: number; removed: number; unchanged: number };
export type SourceRow = { sourceId: string; hash: string; columns: Record<string, unknown> };

/**
 * Writes one source's rows of a catalogue table (ozg_services, ozg_categories, ozg_authorities):
 * inserts new ones, updates those whose content hash changed, deletes those not delivered —
 * unless `keepOthers` (a refresh of some rows, not the source's whole set).
 * Returns every delivered row's database id by source id.
 */
export async function upsertRows(trx: Kysely<any>, table: string, source: Source, rows: SourceRow[], batch: number, opts: { keepOthers?: boolean } = {}): Promise<{ ids: Map<string, number>; counts: RowCounts }> {
  if (opts.keepOthers && rows.length === 0) return { ids: new Map(), counts: { added: 0, changed: 0, removed: 0, unchanged: 0 } };
  let query = trx.selectFrom(table).select(['id', 'source_id', 'content_hash']).where('source', '=', source);
  if (opts.keepOthers) query = query.where('source_id', 'in', rows.map((r) => r.sourceId));
  const existing = await query.execute();
  const known = new Map(existing.map((r) => [r.source_id as string, { id: r.id as number, hash: r.content_hash as string }]));
  const ids = new Map<string, number>();
  const changed: SourceRow[] = [];
  let added = 0;
  for (const row of rows) {
    const k = known.get(row.sourceId);
    if (k) ids.set(row.sourceId, k.id);
    else added++;
    if (!k || k.hash !== row.hash) changed.push(row);
  }
  for (let i = 0; i < changed.length; i += batch) {
    const values = changed.slice(i, i + batch).map((r) => ({ source, source_id: r.sourceId, content_hash: r.hash, ...r.columns }));
    const set = Object.fromEntries(Object.keys(values[0]!).filter((c) => c !== 'source' && c !== 'source_id').map((c) => [c, sql.ref(`excluded.${c}`)]));
    const written = await trx
      .insertInto(table)
      .values(values)
      .onConflict((oc) => oc.columns(['tenant_id', 'source', 'source_id']).doUpdateSet({ ...set, updated_at: sql`now()` }))
      .returning(['id', 'source_id'])
      .execute();
    for (const w of written) ids.set(w.source_id as string, w.id as number);
  }
  const delivered = new Set(rows.map((r) => r.sourceId));
  const removedIds = opts.keepOthers ? [] : existing.filter((r) => !delivered.has(r.source_id as string)).map((r) => r.id as number);
  if (removedIds.length) await sql`DELETE FROM ${sql.table(table)} WHERE id = ANY(${removedIds}::int[])`.execute(trx);
  return { ids, counts: { added, changed: changed.length - added, removed: removedIds.length, unchanged: rows.length - changed.length } };
}
