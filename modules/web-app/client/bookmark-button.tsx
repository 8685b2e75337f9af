import { useTexts } from './i18n.ts';
import { Icon } from './icons.tsx';
import { bookmarkTexts } from './bookmark-texts.ts';
import { toggleBookmark, useBookmarks, type BookmarkType } from './bookmarks.ts';

export type BookmarkButtonProps = { type: BookmarkType; id: string; title: string; href: string };

/**
 * "Merken" on a detail page: a toggle button (aria-pressed) that keeps the page in the device's
 * bookmarks (/lesezeichen). Bookmarks need the browser's storage, so the button stays hidden in
 * the server's HTML and appears once the page is interactive.
 */
export function BookmarkButton({ type, id, title, href }: BookmarkButtonProps) {
  const t = useTexts(bookmarkTexts);
  const list = useBookmarks();
  const pressed = !!list?.some((b) => b.type === type && b.id === id);
  return (
    <button type="button" class="bookmark-button" aria-pressed={pressed} hidden={list === null} onClick={() => toggleBookmark({ type, id, title, href })}>
      <Icon name="bookmark" />
      <span>{pressed ? t.added : t.add}</span>
    </button>
  );
}
