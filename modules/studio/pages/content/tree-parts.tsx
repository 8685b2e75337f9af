import { fillText, useTexts } from '../../../web-app/client/i18n.ts';
import { contentTexts } from '../../content/content-texts.ts';
import { StudioTable } from '../studio-table.tsx';

/** A record's place in its tree as the form shows it (editors with `tree`, e.g. generic items). */
export type TreeView = {
  parentId: number | null;
  /** The current parent with its title, for the link to its form. */
  parent: { id: number; title: string } | null;
  /** The parents the record may be put under, labelled with kind and nesting. */
  choices: { id: number; label: string }[];
  /** The record's children; null for a record not saved yet. */
  children: { id: number; title: string; kind: string; state: string }[] | null;
  canAddChild: boolean;
};

/** The parent select inside the form; the current parent stays offered even when the caller could not choose it. */
export function ParentField({ tree, base, error }: { tree: TreeView; base: string; error: string | undefined }) {
  const t = useTexts(contentTexts);
  const current = tree.parent && !tree.choices.some((c) => c.id === tree.parent!.id) ? [{ id: tree.parent.id, label: tree.parent.title }] : [];
  const described = ['f-_parent-hint', error ? 'f-_parent-error' : ''].filter(Boolean).join(' ');
  return (
    <p class="field">
      <label for="f-_parent">{t.parent}</label>
      <select id="f-_parent" name="_parent" aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
        <option value="">{t.topLevel}</option>
        {[...current, ...tree.choices].map((c) => (
          <option key={c.id} value={String(c.id)} selected={c.id === tree.parentId}>
            {c.label}
          </option>
        ))}
      </select>
      <span class="hint" id="f-_parent-hint">
        {t.parentHint}
      </span>
      {error && (
        <span class="field-error" id="f-_parent-error">
          {error}
        </span>
      )}
      {tree.parent && (
        <a href={`${base}/${tree.parent.id}`} class="field-link">
          {fillText(t.openParent, { title: tree.parent.title || `#${tree.parent.id}` })}
        </a>
      )}
    </p>
  );
}

/** The record's children with links to their forms, and the way to add one. */
export function ChildrenSection({ tree, base, recordId }: { tree: TreeView; base: string; recordId: number }) {
  const t = useTexts(contentTexts);
  const children = tree.children ?? [];
  return (
    <section class="record-children" aria-labelledby="children-heading">
      <h2 id="children-heading">{t.children}</h2>
      {children.length === 0 ? (
        <p>{t.noChildren}</p>
      ) : (
        <StudioTable caption={fillText(t.childrenCount, { n: children.length })} columns={[t.title, t.type, t.state]}>
          {children.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`${base}/${c.id}`}>{c.title || `#${c.id}`}</a>
              </td>
              <td>{c.kind}</td>
              <td>{c.state}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      {tree.canAddChild && (
        <p>
          <a href={`${base}/neu?eltern=${recordId}`} class="button">
            {t.addChild}
          </a>
        </p>
      )}
    </section>
  );
}
