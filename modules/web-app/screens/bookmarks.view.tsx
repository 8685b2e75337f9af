import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fillText, useTexts } from '../client/i18n.ts';
import { Icon } from '../client/icons.tsx';
import { BOOKMARK_TYPES, removeBookmark, useBookmarks, type Bookmark } from '../client/bookmarks.ts';
import { bookmarksTexts } from './bookmarks-texts.ts';

/**
 * The device's bookmarks grouped by type. The server cannot know them, so its HTML says
 * "loading" (and, inside <noscript>, why nothing will come without JavaScript); the list is
 * drawn from localStorage once the page runs.
 */
export default function BookmarksView() {
  const t = useTexts(bookmarksTexts);
  const list = useBookmarks();
  const [status, setStatus] = useState('');
  const root = useRef<HTMLElement>(null);
  // After a removal, focus goes to the next remove button (or the heading when none is left),
  // in the same commit as the removal: a plain effect waits for an animation frame, which a
  // busy or hidden tab may delay, leaving focus on <body> meanwhile.
  const focusIndex = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusIndex.current === null || !root.current) return;
    const buttons = root.current.querySelectorAll<HTMLElement>('.bookmark-remove');
    (buttons[Math.min(focusIndex.current, buttons.length - 1)] ?? root.current.querySelector<HTMLElement>('h1'))?.focus();
    focusIndex.current = null;
  });
  // Grouped by type, newest first within a group.
  const ordered = BOOKMARK_TYPES.flatMap((type) => (list ?? []).filter((b) => b.type === type).sort((a, b) => b.savedAt - a.savedAt));
  const remove = (b: Bookmark) => {
    focusIndex.current = ordered.indexOf(b);
    removeBookmark(b.type, b.id);
    setStatus(fillText(t.removed, { title: b.title }));
  };
  return (
    <section class="page bookmarks-page" ref={root}>
      <h1 tabIndex={-1}>{t.title}</h1>
      <p role="status" class="bookmarks-status">
        {status}
      </p>
      {list === null ? (
        <>
          <p class="loading">{t.loading}</p>
          <div dangerouslySetInnerHTML={{ __html: `<noscript><p>${t.noScript}</p></noscript>` }} />
        </>
      ) : list.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        BOOKMARK_TYPES.map((type) => {
          const items = ordered.filter((b) => b.type === type);
          return (
            items.length > 0 && (
              <section key={type} class="bookmark-group" aria-labelledby={`bookmarks-${type}`}>
                <h2 id={`bookmarks-${type}`}>
                  {t[type]} <span class="bookmark-count">({items.length})</span>
                </h2>
                <ul class="bookmark-list">
                  {items.map((b) => (
                    <li key={b.id}>
                      <a href={b.href}>{b.title}</a>
                      <button type="button" class="bookmark-remove" aria-label={`${t.remove}: ${b.title}`} onClick={() => remove(b)}>
                        <Icon name="trash" size={20} />
                        <span>{t.remove}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )
          );
        })
      )}
    </section>
  );
}
