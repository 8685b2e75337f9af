import { defineTexts } from '../client/i18n.ts';

export const bookmarksTexts = defineTexts({
  de: {
    title: 'Lesezeichen',
    loading: 'Wird geladen …',
    noScript: 'Lesezeichen werden auf Ihrem Gerät gespeichert und brauchen JavaScript.',
    empty: 'Sie haben noch nichts gemerkt. Auf Nachrichten, Veranstaltungen, Orten und Seiten finden Sie dafür die Schaltfläche „Merken“.',
    remove: 'Entfernen',
    removed: '„{title}“ wurde aus den Lesezeichen entfernt.',
    NewsItem: 'Nachrichten',
    EventRecord: 'Veranstaltungen',
    PointOfInterest: 'Orte',
    Tour: 'Touren',
    GenericItem: 'Weitere Einträge',
    Page: 'Seiten',
  },
  en: {
    title: 'Bookmarks',
    loading: 'Loading …',
    noScript: 'Bookmarks are kept on your device and need JavaScript.',
    empty: 'You have not bookmarked anything yet. News, events, places and pages have a “Bookmark” button for this.',
    remove: 'Remove',
    removed: '“{title}” was removed from your bookmarks.',
    NewsItem: 'News',
    EventRecord: 'Events',
    PointOfInterest: 'Places',
    Tour: 'Tours',
    GenericItem: 'More entries',
    Page: 'Pages',
  },
});
