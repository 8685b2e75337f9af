import type { Loader } from './loader.ts';
import { webAppLoaders } from '../screens/loaders.ts';
import { staticContentLoaders } from '../../static-content/app/loaders.ts';
import { newsLoaders } from '../../news/app/loaders.ts';
import { eventsLoaders } from '../../events/app/loaders.ts';
import { placesLoaders } from '../../places/app/loaders.ts';
import { genericItemsLoaders } from '../../generic-items/app/loaders.ts';
import { searchLoaders } from '../../search/app/loaders.ts';
import { servicesLoaders } from '../../services/app/loaders.ts';
import { defectsLoaders } from '../../defects/app/loaders.ts';

/** Server-side data loaders by route name (see ../client/routes.ts); never shipped to the browser. */
export const appLoaders: Record<string, Loader> = {
  ...webAppLoaders,
  ...staticContentLoaders,
  ...newsLoaders,
  ...eventsLoaders,
  ...placesLoaders,
  ...genericItemsLoaders,
  ...searchLoaders,
  ...servicesLoaders,
  ...defectsLoaders,
};
