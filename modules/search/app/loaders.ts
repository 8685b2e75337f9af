import type { Loader } from '../../web-app/server/loader.ts';
import { searchLoader } from './search.load.ts';

export const searchLoaders: Record<string, Loader> = { search: searchLoader };
