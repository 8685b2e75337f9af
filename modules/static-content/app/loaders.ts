import type { Loader } from '../../web-app/server/loader.ts';
import { accessibilityLoader, htmlPageLoader, tilesLoader } from './static-pages.load.ts';

export const staticContentLoaders: Record<string, Loader> = {
  'html-page': htmlPageLoader,
  accessibility: accessibilityLoader,
  service: tilesLoader,
  'tile-set': tilesLoader,
};
