/**
 * Drag and drop on the category tree (/studio/kategorien): a category is picked up at its handle
 * and dropped before or after another one — of the same level, or of another level, which moves
 * it there. The new order of that level goes to /studio/kategorien/reihenfolge; the new place is
 * then announced in a live region, or the tree goes back as it was and the reason is announced.
 * Without script (and from the keyboard) the ↑/↓ buttons do the same.
 */
const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
const texts = {
  de: {
    handle: 'Ziehen, um die Reihenfolge zu ändern',
    hint: 'Mit der Maus können Sie eine Kategorie auch an ihrem Griff (⠿) an eine andere Stelle ziehen, auch in eine andere Ebene. Mit der Tastatur ändern Sie die Reihenfolge mit den Pfeil-Schaltflächen.',
    placed: '„{name}“ steht jetzt an Position {position} von {count}',
    under: ' unter „{parent}“',
    top: ' auf der obersten Ebene',
    failed: 'Die Reihenfolge wurde nicht gespeichert. Bitte versuchen Sie es noch einmal.',
  },
  en: {
    handle: 'Drag to change the order',
    hint: 'With the mouse you can also drag a category by its handle (⠿) to another place, also into another level. With the keyboard, use the arrow buttons to change the order.',
    placed: '“{name}” is now at position {position} of {count}',
    under: ' under “{parent}”',
    top: ' at the top level',
    failed: 'The order was not saved. Please try again.',
  },
}[lang];

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/** The server refused the order and said why. */
class Refusal extends Error {}

const root = document.querySelector<HTMLOListElement>('ol.category-level[data-parent=""]');
const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
let dragged: HTMLLIElement | null = null;
let marked: HTMLLIElement | null = null;

const itemsOf = (ol: HTMLOListElement) => [...ol.children].filter((c): c is HTMLLIElement => c instanceof HTMLLIElement && !!c.dataset.id);

/** Keeps the ↑/↓ buttons right after a drop: the first cannot go up, the last not down. */
function refreshButtons(ol: HTMLOListElement) {
  const items = itemsOf(ol);
  items.forEach((li, i) => {
    const button = (dir: string) => li.querySelector<HTMLButtonElement>(`:scope > .category-actions button[data-dir="${dir}"]`);
    const up = button('up');
    const down = button('down');
    if (up) up.disabled = i === 0;
    if (down) down.disabled = i === items.length - 1;
  });
}

function unmark() {
  marked?.classList.remove('drop-before', 'drop-after');
  marked = null;
}

/** The category under the pointer that the dragged one may be dropped at, and on which side. */
function dropTarget(e: DragEvent): { li: HTMLLIElement; before: boolean } | null {
  const li = (e.target as Element | null)?.closest<HTMLLIElement>('li[data-id]');
  if (!li || !dragged || dragged.contains(li)) return null;
  const row = (li.querySelector(':scope > .category-name') ?? li).getBoundingClientRect();
  return { li, before: e.clientY < row.top + row.height / 2 };
}

async function save(li: HTMLLIElement, from: { ol: HTMLOListElement; next: Node | null }, status: HTMLElement) {
  const to = li.parentElement as HTMLOListElement;
  const items = itemsOf(to);
  const parent = to.dataset.parent ? Number(to.dataset.parent) : null;
  try {
    const res = await fetch('/studio/kategorien/reihenfolge', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ parent, order: items.map((i) => Number(i.dataset.id)) }),
    });
    if (!res.ok) throw new Refusal(((await res.json().catch(() => ({}))) as { error?: string }).error ?? texts.failed);
    refreshButtons(to);
    let where = '';
    if (from.ol !== to) {
      refreshButtons(from.ol);
      if (itemsOf(from.ol).length === 0) from.ol.remove();
      const parentName = to.closest<HTMLLIElement>('li[data-id]')?.dataset.name;
      where = parentName ? fill(texts.under, { parent: parentName }) : texts.top;
    }
    status.textContent = `${fill(texts.placed, { name: li.dataset.name ?? '', position: items.indexOf(li) + 1, count: items.length })}${where}.`;
  } catch (err) {
    from.ol.insertBefore(li, from.next);
    refreshButtons(from.ol);
    refreshButtons(to);
    status.textContent = err instanceof Refusal ? err.message : texts.failed;
  }
}

function enhance(tree: HTMLOListElement) {
  const status = document.createElement('p');
  status.className = 'order-status';
  status.setAttribute('role', 'status');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = texts.hint;
  tree.before(hint, status);

  for (const li of tree.querySelectorAll<HTMLLIElement>('li[data-id]')) {
    const handle = document.createElement('span');
    handle.className = 'drag-handle';
    handle.textContent = '⠿';
    handle.title = texts.handle;
    // Mouse only: the keyboard path is the ↑/↓ buttons, so the handle stays out of the focus order and the accessibility tree.
    handle.setAttribute('aria-hidden', 'true');
    // Only the handle starts a drag, so text in the edit forms can still be selected.
    handle.addEventListener('mousedown', () => (li.draggable = true));
    li.prepend(handle);
  }

  let origin: { ol: HTMLOListElement; next: Node | null } | null = null;
  tree.addEventListener('dragstart', (e) => {
    const li = e.target as HTMLLIElement;
    if (!(li instanceof HTMLLIElement) || !li.draggable) return;
    dragged = li;
    origin = { ol: li.parentElement as HTMLOListElement, next: li.nextSibling };
    e.dataTransfer?.setData('text/plain', li.dataset.id ?? '');
    if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    li.classList.add('dragging');
  });
  tree.addEventListener('dragover', (e) => {
    const target = dropTarget(e);
    unmark();
    if (!target) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    marked = target.li;
    marked.classList.add(target.before ? 'drop-before' : 'drop-after');
  });
  tree.addEventListener('drop', (e) => {
    const target = dropTarget(e);
    unmark();
    if (!target || !dragged || !origin) return;
    e.preventDefault();
    target.li.parentElement!.insertBefore(dragged, target.before ? target.li : target.li.nextSibling);
    if (dragged.parentElement === origin.ol && dragged.nextSibling === origin.next) return;
    void save(dragged, origin, status);
  });
  tree.addEventListener('dragend', () => {
    unmark();
    dragged?.classList.remove('dragging');
    if (dragged) dragged.draggable = false;
    dragged = null;
  });
  // A press on the handle without a drag must not leave the item draggable.
  document.addEventListener('mouseup', () => {
    if (!dragged) for (const li of tree.querySelectorAll<HTMLLIElement>('li[draggable="true"]')) li.draggable = false;
  });
}

if (root && csrf) enhance(root);
