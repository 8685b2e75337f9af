import { useEffect, useState } from 'preact/hooks';

/**
 * Bookmarks, kept on the device only (localStorage; each tenant has its own host, so its own
 * list). The API's record type names are used (NewsItem, EventRecord …), plus Page for CMS pages.
 */
export type BookmarkType = 'NewsItem' | 'EventRecord' | 'PointOfInterest' | 'Tour' | 'GenericItem' | 'Page';
export const BOOKMARK_TYPES: BookmarkType[] = ['NewsItem', 'EventRecord', 'PointOfInterest', 'Tour', 'GenericItem', 'Page'];

export type Bookmark = { type: BookmarkType; id: string; title: string; href: string; savedAt: number };

const KEY = 'dp_bookmarks';
const listeners = new Set<() => void>();

/** What localStorage holds, checked entry by entry: anything malformed (another version, a hand edit) is dropped. */
export function readBookmarks(): Bookmark[] {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (b): b is Bookmark =>
      !!b && BOOKMARK_TYPES.includes(b.type) && typeof b.id === 'string' && typeof b.title === 'string' && typeof b.href === 'string' && b.href.startsWith('/') && typeof b.savedAt === 'number',
  );
}

function write(list: Bookmark[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or blocked (private mode): the change lives until the page is left.
  }
  listeners.forEach((l) => l());
}

const same = (b: { type: string; id: string }, type: string, id: string) => b.type === type && b.id === id;

export function toggleBookmark(entry: Omit<Bookmark, 'savedAt'>): void {
  const list = readBookmarks();
  write(list.some((b) => same(b, entry.type, entry.id)) ? list.filter((b) => !same(b, entry.type, entry.id)) : [{ ...entry, savedAt: Date.now() }, ...list]);
}

export function removeBookmark(type: BookmarkType, id: string): void {
  write(readBookmarks().filter((b) => !same(b, type, id)));
}

/**
 * The stored list for components: null until mounted (the server cannot know it, so the first
 * render matches the server's HTML), then kept current across components and other tabs.
 */
export function useBookmarks(): Bookmark[] | null {
  const [list, setList] = useState<Bookmark[] | null>(null);
  useEffect(() => {
    const update = () => setList(readBookmarks());
    const onStorage = (e: StorageEvent) => (e.key === KEY || e.key === null) && update();
    update();
    listeners.add(update);
    addEventListener('storage', onStorage);
    return () => {
      listeners.delete(update);
      removeEventListener('storage', onStorage);
    };
  }, []);
  return list;
}
