import { fillText, useTexts } from '../../web-app/client/i18n.ts';
import type { CategoryNode } from '../content/category-admin.ts';
import { categoriesTexts } from './categories-texts.ts';
import { FormMessages } from './form-messages.tsx';

export type CategoriesPageProps = {
  tree: CategoryNode[];
  csrf: string;
  canEdit: boolean;
  error: string | null;
  notice: string | null;
  /** The category just moved with ↑/↓: its new place is announced. */
  moved?: number | null;
};

const flatten = (nodes: CategoryNode[], depth = 0): { node: CategoryNode; depth: number }[] => nodes.flatMap((n) => [{ node: n, depth }, ...flatten(n.children, depth + 1)]);

/** Where a category stands among its siblings (1-based), for the announcement after a move. */
function placeOf(nodes: CategoryNode[], id: number): { name: string; position: number; count: number } | null {
  const i = nodes.findIndex((n) => n.id === id);
  if (i >= 0) return { name: nodes[i]!.name, position: i + 1, count: nodes.length };
  for (const n of nodes) {
    const found = placeOf(n.children, id);
    if (found) return found;
  }
  return null;
}

/**
 * The category tree with order buttons and an edit form per category; works without script.
 * For editors the levels carry their parent and the items their id and name, which the
 * drag-and-drop script (client/category-order.ts) uses.
 */
export function CategoriesPage({ tree, csrf, canEdit, error, notice, moved = null }: CategoriesPageProps) {
  const t = useTexts(categoriesTexts);
  const all = flatten(tree);
  const place = moved === null ? null : placeOf(tree, moved);
  const parentOptions = (selected: number | null, except: number | null) => [
    <option key="top" value="">
      {t.topLevel}
    </option>,
    ...all
      .filter(({ node }) => node.id !== except)
      .map(({ node, depth }) => (
        <option key={node.id} value={String(node.id)} selected={node.id === selected}>
          {`${'— '.repeat(depth)}${node.name}`}
        </option>
      )),
  ];
  const renderLevel = (nodes: CategoryNode[], parent: number | null) => (
    <ol class="category-level" data-parent={canEdit ? String(parent ?? '') : undefined}>
      {nodes.map((n, i) => (
        <li key={n.id} id={`kategorie-${n.id}`} data-id={canEdit ? String(n.id) : undefined} data-name={canEdit ? n.name : undefined}>
          <span class="category-name">{n.name}</span>
          {canEdit && (
            <span class="category-actions">
              {(['up', 'down'] as const).map((dir) => (
                <form key={dir} method="post" action={`/studio/kategorien/${n.id}/verschieben`} class="inline">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <input type="hidden" name="richtung" value={dir} />
                  <button type="submit" class="small" data-dir={dir} disabled={dir === 'up' ? i === 0 : i === nodes.length - 1} aria-label={`${t[dir]}: ${n.name}`}>
                    <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span>
                  </button>
                </form>
              ))}
              <details>
                <summary>{fillText(t.edit, { name: n.name })}</summary>
                <form method="post" action={`/studio/kategorien/${n.id}`} class="studio-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <p class="field">
                    <label for={`name-${n.id}`}>{t.name}</label>
                    <input id={`name-${n.id}`} name="name" type="text" value={n.name} required maxLength={200} />
                  </p>
                  <p class="field">
                    <label for={`parent-${n.id}`}>{t.parent}</label>
                    <select id={`parent-${n.id}`} name="parent">
                      {parentOptions(n.parentId, n.id)}
                    </select>
                  </p>
                  <p class="field">
                    <label for={`icon-${n.id}`}>{t.icon}</label>
                    <input id={`icon-${n.id}`} name="icon" type="text" value={n.iconName ?? ''} maxLength={100} />
                  </p>
                  <p>
                    <button type="submit">{t.save}</button>
                  </p>
                </form>
                <form method="post" action={`/studio/kategorien/${n.id}/loeschen`} class="studio-form">
                  <input type="hidden" name="_csrf" value={csrf} />
                  <p class="field field-checkbox">
                    <input type="checkbox" id={`confirm-${n.id}`} name="bestaetigt" value="ja" />
                    <label for={`confirm-${n.id}`}>{fillText(t.confirmRemove, { name: n.name })}</label>
                  </p>
                  <p>
                    <button type="submit" class="danger">
                      {t.remove}
                    </button>
                  </p>
                </form>
              </details>
            </span>
          )}
          {n.children.length > 0 && renderLevel(n.children, n.id)}
        </li>
      ))}
    </ol>
  );
  return (
    <>
      <FormMessages error={error} notice={notice ?? (place && fillText(t.position, place))} />
      <p>{canEdit ? t.intro : t.readOnly}</p>
      {renderLevel(tree, null)}
      {canEdit && (
        <form method="post" action="/studio/kategorien" class="studio-form">
          <h2>{t.add}</h2>
          <input type="hidden" name="_csrf" value={csrf} />
          <p class="field">
            <label for="new-name">{t.name}</label>
            <input id="new-name" name="name" type="text" required maxLength={200} />
          </p>
          <p class="field">
            <label for="new-parent">{t.parent}</label>
            <select id="new-parent" name="parent">
              {parentOptions(null, null)}
            </select>
          </p>
          <p class="field">
            <label for="new-icon">{t.icon}</label>
            <input id="new-icon" name="icon" type="text" maxLength={100} />
          </p>
          <p>
            <button type="submit">{t.create}</button>
          </p>
        </form>
      )}
    </>
  );
}
