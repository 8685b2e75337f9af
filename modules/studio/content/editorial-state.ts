import { sql, type Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';

export type EditorialStatus = 'draft' | 'published';

/** Where a record stands editorially. Records never saved in the studio have none yet (imports). */
export type EditorialState = {
  status: EditorialStatus;
  publishAt: Date | null;
  unpublishAt: Date | null;
  version: number;
  deletedAt: Date | null;
  updatedAt: Date | null;
  updatedBy: string | null;
};

export type RecordRef = { recordType: string; table: string; id: number };

export const SCHEDULE_JOB = 'studio.apply-schedule';
export const PURGE_JOB = 'studio.purge-trashed';
export const TRASH_DAYS = 30;

const fromRow = (r: any): EditorialState => ({
  status: r.status,
  publishAt: r.publish_at ? new Date(r.publish_at) : null,
  unpublishAt: r.unpublish_at ? new Date(r.unpublish_at) : null,
  version: Number(r.version),
  deletedAt: r.deleted_at ? new Date(r.deleted_at) : null,
  updatedAt: r.updated_at ? new Date(r.updated_at) : null,
  updatedBy: r.updated_by ?? null,
});

/** A record the studio has not touched: published if the module shows it, else a draft. */
async function implicitState(db: Kysely<any>, ref: RecordRef): Promise<EditorialState | null> {
  const row = await db.selectFrom(ref.table).select(['visible']).where('id', '=', ref.id).executeTakeFirst();
  if (!row) return null;
  return { status: row.visible ? 'published' : 'draft', publishAt: null, unpublishAt: null, version: 0, deletedAt: null, updatedAt: null, updatedBy: null };
}

export async function readState(db: Kysely<any>, ref: RecordRef): Promise<EditorialState | null> {
  const row = await db.selectFrom('editorial_states').selectAll().where('record_type', '=', ref.recordType).where('record_id', '=', ref.id).executeTakeFirst();
  return row ? fromRow(row) : implicitState(db, ref);
}

/**
 * Reads the state for a write and holds it until the transaction ends, so two saves of the same
 * record are serialised and the second sees the first one's version.
 */
export async function lockState(db: Kysely<any>, ref: RecordRef): Promise<EditorialState | null> {
  const implicit = await implicitState(db, ref);
  if (!implicit) return null;
  await db
    .insertInto('editorial_states')
    .values({ record_type: ref.recordType, record_id: ref.id, source_table: ref.table, status: implicit.status, version: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db.selectFrom('editorial_states').selectAll().where('record_type', '=', ref.recordType).where('record_id', '=', ref.id).forUpdate().executeTakeFirstOrThrow();
  return fromRow(row);
}

export type StateChange = Partial<Pick<EditorialState, 'status' | 'publishAt' | 'unpublishAt' | 'deletedAt'>> & { by: string };

/** Writes a new state (version + 1), sets the module's `visible` to match and schedules the next changes. */
export async function writeState(db: Kysely<any>, ref: RecordRef, change: StateChange): Promise<EditorialState> {
  const set: Record<string, unknown> = { version: sql`version + 1`, updated_at: sql`now()`, updated_by: change.by };
  if (change.status !== undefined) set.status = change.status;
  if (change.publishAt !== undefined) set.publish_at = change.publishAt;
  if (change.unpublishAt !== undefined) set.unpublish_at = change.unpublishAt;
  if (change.deletedAt !== undefined) {
    set.deleted_at = change.deletedAt;
    set.deleted_by = change.deletedAt ? change.by : null;
  }
  const row = await db.updateTable('editorial_states').set(set).where('record_type', '=', ref.recordType).where('record_id', '=', ref.id).returningAll().executeTakeFirstOrThrow();
  const state = fromRow(row);
  await applyVisibility(db, ref);
  const now = Date.now();
  for (const at of [state.publishAt, state.unpublishAt]) {
    if (at && at.getTime() > now) await enqueueJob(db, { name: SCHEDULE_JOB, payload: { recordType: ref.recordType, id: ref.id }, runAt: at, dedupeKey: `${SCHEDULE_JOB}:${ref.recordType}:${ref.id}:${at.getTime()}` });
  }
  if (state.deletedAt) {
    const purgeAt = new Date(state.deletedAt.getTime() + TRASH_DAYS * 86_400_000);
    await enqueueJob(db, { name: PURGE_JOB, payload: { recordType: ref.recordType, id: ref.id }, runAt: purgeAt, dedupeKey: `${PURGE_JOB}:${ref.recordType}:${ref.id}` });
  }
  return state;
}

/**
 * The module's `visible` follows the editorial state by the database clock: published, inside its
 * window and not in the trash. Also run by the schedule job when a window opens or closes.
 */
export async function applyVisibility(db: Kysely<any>, ref: RecordRef): Promise<void> {
  const publicNow = sql<boolean>`EXISTS (SELECT 1 FROM editorial_states e WHERE e.record_type = ${ref.recordType} AND e.record_id = ${ref.id}
    AND e.status = 'published' AND e.deleted_at IS NULL
    AND (e.publish_at IS NULL OR e.publish_at <= now()) AND (e.unpublish_at IS NULL OR e.unpublish_at > now()))`;
  await db.updateTable(ref.table).set({ visible: publicNow }).where('id', '=', ref.id).where('visible', 'is distinct from', publicNow).execute();
}

/** What the list and form say about a record's state. */
export type StateLabel = 'draft' | 'scheduled' | 'published' | 'expired' | 'trashed';

export function stateLabel(s: EditorialState, now = new Date()): StateLabel {
  if (s.deletedAt) return 'trashed';
  if (s.status === 'draft') return 'draft';
  if (s.publishAt && s.publishAt > now) return 'scheduled';
  if (s.unpublishAt && s.unpublishAt <= now) return 'expired';
  return 'published';
}
