import type { Kysely } from 'kysely';
import type { EditorValues } from '../../../core/registry/content-editor.ts';
import type { EditorialStatus } from './editorial-state.ts';

/** What a version holds: the form as saved and its editorial settings. */
export type Snapshot = { values: EditorValues; status: EditorialStatus; publishAt: string | null; unpublishAt: string | null };
export type RevisionAction = 'created' | 'updated' | 'trashed' | 'restored';

export type Revision = { version: number; at: Date; actor: string; action: RevisionAction; snapshot: Snapshot };

export async function recordRevision(
  db: Kysely<any>,
  r: { recordType: string; recordId: number; version: number; accountId: number; actor: string; action: RevisionAction; snapshot: Snapshot },
): Promise<void> {
  await db
    .insertInto('content_revisions')
    .values({ record_type: r.recordType, record_id: r.recordId, version: r.version, account_id: r.accountId, actor: r.actor, action: r.action, snapshot: JSON.stringify(r.snapshot) })
    .execute();
}

const fromRow = (r: any): Revision => ({ version: r.version, at: new Date(r.at), actor: r.actor, action: r.action, snapshot: r.snapshot });

export async function listRevisions(db: Kysely<any>, recordType: string, recordId: number): Promise<Revision[]> {
  const rows = await db.selectFrom('content_revisions').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).orderBy('version', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map(fromRow);
}

export async function findRevision(db: Kysely<any>, recordType: string, recordId: number, version: number): Promise<Revision | null> {
  const row = await db.selectFrom('content_revisions').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).where('version', '=', version).orderBy('id', 'desc').executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Names of the fields (and settings) in which a version differs from the one before it. */
export function changedFields(now: Snapshot, before: Snapshot | undefined): string[] {
  if (!before) return [];
  const names = new Set([...Object.keys(now.values), ...Object.keys(before.values)]);
  const out = [...names].filter((n) => JSON.stringify(now.values[n] ?? null) !== JSON.stringify(before.values[n] ?? null));
  for (const k of ['status', 'publishAt', 'unpublishAt'] as const) if (now[k] !== before[k]) out.push(k);
  return out;
}
