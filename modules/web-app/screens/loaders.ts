import type { Loader } from '../server/loader.ts';
import { homeLoader } from './home.load.ts';
import { bookmarksLoader } from './bookmarks.load.ts';
import { settingsLoader } from './settings.load.ts';

export const webAppLoaders: Record<string, Loader> = { home: homeLoader, bookmarks: bookmarksLoader, settings: settingsLoader };
