import { defineTexts } from './i18n.ts';

export const bookmarkTexts = defineTexts({
  de: {
    add: 'Merken',
    added: 'Gemerkt',
  },
  en: {
    add: 'Bookmark',
    added: 'Bookmarked',
  },
});
