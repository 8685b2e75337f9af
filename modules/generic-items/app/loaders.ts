import type { Loader } from '../../web-app/server/loader.ts';
import { genericListLoader } from './generic-list.load.ts';
import { genericItemLoader } from './generic-item.load.ts';

export const genericItemsLoaders: Record<string, Loader> = { 'generic-items': genericListLoader, 'generic-item': genericItemLoader };
