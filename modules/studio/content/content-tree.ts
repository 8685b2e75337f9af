import { sql, type Kysely } from 'kysely';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import type { ContentEditor, TreeChoice } from '../../../core/registry/content-editor.ts';
import type { Lang } from '../../web-app/client/i18n.ts';

/** A record's parent as stored (editors with a tree); null at the top or for other editors. */
export async function parentIdOf(db: Kysely<any>, editor: ContentEditor, id: number): Promise<number | null> {
  if (!editor.tree || !editor.parentColumn) return null;
  const row = await db.selectFrom(editor.table).select(sql<number | null>`${sql.ref(editor.parentColumn)}`.as('parent')).where('id', '=', id).executeTakeFirst();
  return row?.parent ?? null;
}

/** The title of a record (for the link to a parent the caller may not choose, e.g. another provider's). */
export async function titleOf(db: Kysely<any>, editor: ContentEditor, id: number): Promise<string | null> {
  const row = await db.selectFrom(editor.table).select(sql<string>`coalesce(${sql.ref(editor.titleColumn)}, '')`.as('title')).where('id', '=', id).executeTakeFirst();
  return row ? row.title : null;
}

/** The parents the module allows for this record and caller, without those in the studio's trash. */
export async function parentOptions(db: Kysely<any>, editor: ContentEditor, caller: AccountPrincipal, id: number | null): Promise<TreeChoice[]> {
  if (!editor.tree) return [];
  const choices = await editor.tree.parentChoices(db, caller, id);
  const trashed = new Set(
    (await db.selectFrom('editorial_states').select('record_id').where('record_type', '=', editor.recordType).where('deleted_at', 'is not', null).execute()).map((r) => r.record_id as number),
  );
  return choices.filter((c) => !trashed.has(c.id));
}

/** The label of a kind value ("Offer" → "Angebot") from the options of the tree's kind field. */
export function kindLabel(editor: ContentEditor, kind: string, lang: Lang): string {
  const field = editor.fields.find((f) => f.name === editor.tree?.kindField);
  return field?.options?.find((o) => o.value === kind)?.label[lang] ?? kind;
}

/**
 * The form's `_parent` control, checked against the offered parents: absent leaves the parent as it
 * is (undefined), empty is the top level (null); an id must be offered or be the current parent.
 */
export function chosenParent(raw: string | undefined, offered: TreeChoice[], current: number | null): { parentId: number | null | undefined; valid: boolean } {
  if (raw === undefined) return { parentId: undefined, valid: true };
  if (raw === '') return { parentId: null, valid: true };
  const id = /^\d{1,10}$/.test(raw) ? Number(raw) : null;
  const valid = id !== null && (id === current || offered.some((c) => c.id === id));
  // Refused: the form is shown again with the parent it had.
  return { parentId: valid ? id : current, valid };
}
