import type { Loader } from '../../web-app/server/loader.ts';
import { newsListLoader } from './news-list.load.ts';
import { newsDetailLoader } from './news-detail.load.ts';

export const newsLoaders: Record<string, Loader> = { 'news-list': newsListLoader, 'news-detail': newsDetailLoader };
