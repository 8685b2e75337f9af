import { sql, type Kysely } from 'kysely';
import type { ContentEditor } from '../../../core/registry/content-editor.ts';
import { z } from 'zod';

export const PER_PAGE = 20;

export const ListQuerySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  status: z.enum(['', 'draft', 'scheduled', 'published', 'expired']).catch(''),
  sort: z.enum(['updated', 'title', 'created']).catch('updated'),
  seite: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export type ListRow = {
  id: number;
  title: string;
  provider: string | null;
  dataProviderId: number | null;
  visible: boolean;
  updatedAt: Date;
  state: { status: 'draft' | 'published'; publishAt: Date | null; unpublishAt: Date | null; deletedAt: Date | null } | null;
};

const stateOf = (r: any): ListRow['state'] =>
  r.status ? { status: r.status, publishAt: r.publish_at && new Date(r.publish_at), unpublishAt: r.unpublish_at && new Date(r.unpublish_at), deletedAt: r.deleted_at && new Date(r.deleted_at) } : null;

/** Which records of a tree (editors with parentColumn): the top level (lists), those under one record (its form) or all (the trash). */
type Place = 'top' | 'any' | { parent: number };

/** One editor's records with their editorial state: search, status filter, sort, one page. */
function recordsOf(db: Kysely<any>, editor: ContentEditor, ownProviderId: number | null | undefined, place: Place = 'top') {
  let q = db
    .selectFrom(`${editor.table} as t`)
    .leftJoin('editorial_states as e', (j) => j.onRef('e.record_id', '=', 't.id').on('e.record_type', '=', editor.recordType))
    .leftJoin('data_providers as dp', 'dp.id', 't.data_provider_id')
    .select([
      't.id',
      sql<string>`coalesce(${sql.ref(`t.${editor.titleColumn}`)}, '')`.as('title'),
      'dp.name as provider',
      't.data_provider_id',
      't.visible',
      't.updated_at',
      't.created_at',
      'e.status',
      'e.publish_at',
      'e.unpublish_at',
      'e.deleted_at',
    ]);
  if (editor.parentColumn && place !== 'any') q = place === 'top' ? q.where(sql.ref(`t.${editor.parentColumn}`), 'is', null) : q.where(sql.ref(`t.${editor.parentColumn}`), '=', place.parent);
  // Authors work on their own data provider's records only.
  if (ownProviderId !== undefined) q = q.where('t.data_provider_id', ownProviderId === null ? 'is' : '=', ownProviderId);
  return q;
}

export async function listRecords(db: Kysely<any>, editor: ContentEditor, query: ListQuery, ownProviderId?: number | null): Promise<{ rows: ListRow[]; total: number }> {
  let q = recordsOf(db, editor, ownProviderId).where('e.deleted_at', 'is', null);
  if (query.q) q = q.where(sql.ref(`t.${editor.titleColumn}`), 'ilike', `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.status === 'draft') q = q.where((eb) => eb.or([eb('e.status', '=', 'draft'), eb.and([eb('e.status', 'is', null), eb('t.visible', '=', false)])]));
  if (query.status === 'published') q = q.where('t.visible', '=', true);
  if (query.status === 'scheduled') q = q.where('e.status', '=', 'published').where('e.publish_at', '>', sql<Date>`now()`);
  if (query.status === 'expired') q = q.where('e.status', '=', 'published').where('e.unpublish_at', '<=', sql<Date>`now()`);
  const ordered =
    query.sort === 'title'
      ? q.orderBy(sql`lower(${sql.ref(`t.${editor.titleColumn}`)})`).orderBy('t.id')
      : q.orderBy(query.sort === 'created' ? 't.created_at' : 't.updated_at', 'desc').orderBy('t.id', 'desc');
  const rows = await ordered
    .select(sql<number>`count(*) over ()`.as('total'))
    .limit(PER_PAGE)
    .offset((query.seite - 1) * PER_PAGE)
    .execute();
  return { rows: rows.map(toRow), total: rows.length ? Number((rows[0] as any).total) : 0 };
}

export async function listTrashed(db: Kysely<any>, editor: ContentEditor, ownProviderId?: number | null): Promise<ListRow[]> {
  const rows = await recordsOf(db, editor, ownProviderId, 'any').where('e.deleted_at', 'is not', null).orderBy('e.deleted_at', 'desc').limit(500).execute();
  return rows.map(toRow);
}

/** The records directly under one (editors with `tree`), by title, with their kind; not those in the trash. */
export async function listChildren(db: Kysely<any>, editor: ContentEditor, parentId: number, ownProviderId?: number | null): Promise<(ListRow & { kind: string })[]> {
  if (!editor.tree) return [];
  const rows = await recordsOf(db, editor, ownProviderId, { parent: parentId })
    .where('e.deleted_at', 'is', null)
    .select(sql<string>`coalesce(${sql.ref(`t.${editor.tree.kindColumn}`)}, '')`.as('kind'))
    .orderBy(sql`lower(${sql.ref(`t.${editor.titleColumn}`)})`)
    .orderBy('t.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toRow(r), kind: (r as { kind: string }).kind }));
}

const toRow = (r: any): ListRow => ({
  id: r.id,
  title: r.title,
  provider: r.provider ?? null,
  dataProviderId: r.data_provider_id ?? null,
  visible: r.visible,
  updatedAt: new Date(r.updated_at),
  state: stateOf(r),
});
