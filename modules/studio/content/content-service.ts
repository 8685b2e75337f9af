import type { Kysely } from 'kysely';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import type { ContentEditor, EditorImage, EditorValues } from '../../../core/registry/content-editor.ts';
import { lockState, writeState, type EditorialState, type EditorialStatus, type RecordRef } from './editorial-state.ts';
import { recordRevision, type RevisionAction, type Snapshot } from './revisions.ts';
import { canEditRecord } from './content-access.ts';
import { recordAudit } from '../../../core/audit/audit-log.ts';

export type Actor = { principal: AccountPrincipal; label: string; tenantId: number; ip: string };

export type SaveRequest = {
  id: number | null;
  expectedVersion: number;
  values: EditorValues;
  status: EditorialStatus;
  publishAt: Date | null;
  unpublishAt: Date | null;
  /** Owner of a new record; an author's own provider is forced by the caller. */
  dataProviderId: number | null;
  images: Map<string, EditorImage>;
  /** Editors with a tree: where the record goes (undefined: it stays where it is). */
  parentId?: number | null;
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: 'not-found' | 'forbidden' } | { ok: false; reason: 'conflict'; current: EditorialState };

const refOf = (editor: ContentEditor, id: number): RecordRef => ({ recordType: editor.recordType, table: editor.table, id });

const snapshotOf = (r: Pick<SaveRequest, 'values' | 'status' | 'publishAt' | 'unpublishAt'>): Snapshot => ({
  values: r.values,
  status: r.status,
  publishAt: r.publishAt?.toISOString() ?? null,
  unpublishAt: r.unpublishAt?.toISOString() ?? null,
});

/** Locks an existing record for a change by this actor, checking that it exists, is theirs to change and is not in the trash. */
async function lockOwn(db: Kysely<any>, editor: ContentEditor, actor: Actor, id: number): Promise<Outcome<EditorialState>> {
  const state = await lockState(db, refOf(editor, id));
  if (!state) return { ok: false, reason: 'not-found' };
  const owner = await db.selectFrom(editor.table).select('data_provider_id').where('id', '=', id).executeTakeFirstOrThrow();
  if (!canEditRecord(actor.principal, owner.data_provider_id ?? null)) return { ok: false, reason: 'forbidden' };
  return { ok: true, value: state };
}

/** A new version in the record's history and an entry in the audit log, in the write's transaction. */
async function remember(db: Kysely<any>, editor: ContentEditor, actor: Actor, id: number, state: EditorialState, action: RevisionAction, snapshot: Snapshot) {
  await recordRevision(db, { recordType: editor.recordType, recordId: id, version: state.version, accountId: actor.principal.accountId, actor: actor.label, action, snapshot });
  await recordAudit(db, {
    tenantId: actor.tenantId,
    accountId: actor.principal.accountId,
    actor: actor.label,
    action: `studio:content.${action}`,
    targetType: editor.recordType,
    targetId: String(id),
    detail: { version: state.version, status: state.status },
    ip: actor.ip,
  });
}

/**
 * Saves a form in one transaction: the record through the module's own write path, its editorial
 * state (visibility follows) and a new version in the history. A form based on an older version
 * is refused with the current state, so a concurrent edit is never overwritten unseen.
 */
export async function saveRecord(db: Kysely<any>, editor: ContentEditor, actor: Actor, req: SaveRequest): Promise<Outcome<{ id: number; version: number }>> {
  return db.transaction().execute(async (trx) => {
    if (req.id !== null) {
      const locked = await lockOwn(trx, editor, actor, req.id);
      if (!locked.ok) return locked;
      if (locked.value.deletedAt) return { ok: false, reason: 'not-found' };
      if (locked.value.version !== req.expectedVersion) return { ok: false, reason: 'conflict', current: locked.value };
    } else if (!canEditRecord(actor.principal, req.dataProviderId)) {
      return { ok: false, reason: 'forbidden' };
    }
    const caller = req.id === null ? { ...actor.principal, dataProviderId: req.dataProviderId } : actor.principal;
    const id = await editor.save(trx, caller, req.values, { id: req.id, tenantId: actor.tenantId, publishAt: req.status === 'published' ? req.publishAt : null, images: req.images, parentId: req.parentId });
    const ref = refOf(editor, id);
    if (req.id === null) await lockState(trx, ref);
    const state = await writeState(trx, ref, { status: req.status, publishAt: req.publishAt, unpublishAt: req.unpublishAt, by: actor.label });
    await remember(trx, editor, actor, id, state, req.id === null ? 'created' : 'updated', snapshotOf(req));
    return { ok: true, value: { id, version: state.version } };
  });
}

/** Moves a record to the trash (hidden at once, purged after 30 days) or back out of it, as a draft. */
export async function setTrashed(db: Kysely<any>, editor: ContentEditor, actor: Actor, id: number, trashed: boolean): Promise<Outcome<string>> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockOwn(trx, editor, actor, id);
    if (!locked.ok) return locked;
    if (!!locked.value.deletedAt === trashed) return { ok: false, reason: 'not-found' };
    const loaded = await editor.load(trx, id);
    if (!loaded) return { ok: false, reason: 'not-found' };
    // Restored content comes back as a draft: someone decides again whether it is still current.
    const state = await writeState(trx, refOf(editor, id), trashed ? { deletedAt: new Date(), by: actor.label } : { deletedAt: null, status: 'draft', by: actor.label });
    const snapshot = snapshotOf({ values: loaded.values, status: state.status, publishAt: state.publishAt, unpublishAt: state.unpublishAt });
    await remember(trx, editor, actor, id, state, trashed ? 'trashed' : 'restored', snapshot);
    return { ok: true, value: String(loaded.values[editor.titleField] ?? '') };
  });
}
