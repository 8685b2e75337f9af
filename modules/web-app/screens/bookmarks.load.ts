import type { Loader } from '../server/loader.ts';
import { bookmarksTexts } from './bookmarks-texts.ts';

/** The bookmarks live on the device; the server only names the page. */
export const bookmarksLoader: Loader = async (ctx) => ({ title: bookmarksTexts(ctx.lang).title, data: null });
