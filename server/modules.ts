import type { ModuleManifest } from '../core/registry/manifest.ts';
import { contentPartsModule } from '../modules/content-parts/manifest.ts';
import { categoriesModule } from '../modules/categories/manifest.ts';
import { dataProvidersModule } from '../modules/data-providers/manifest.ts';
import { staticContentModule } from '../modules/static-content/manifest.ts';
import { newsModule } from '../modules/news/manifest.ts';
import { eventsModule } from '../modules/events/manifest.ts';
import { placesModule } from '../modules/places/manifest.ts';
import { genericItemsModule } from '../modules/generic-items/manifest.ts';
import { searchModule } from '../modules/search/manifest.ts';
import { resourceFiltersModule } from '../modules/resource-filters/manifest.ts';
import { webAppModule } from '../modules/web-app/manifest.ts';
import { mediaModule } from '../modules/media/manifest.ts';
import { studioModule } from '../modules/studio/manifest.ts';
import { pushModule } from '../modules/push/manifest.ts';
import { servicesModule } from '../modules/services/manifest.ts';
import { defectsModule } from '../modules/defects/manifest.ts';

/** Every module this deployment knows; which of them a municipality uses is set per tenant. */
export const allModules: ModuleManifest[] = [
  contentPartsModule,
  categoriesModule,
  dataProvidersModule,
  staticContentModule,
  newsModule,
  eventsModule,
  placesModule,
  genericItemsModule,
  searchModule,
  resourceFiltersModule,
  webAppModule,
  mediaModule,
  studioModule,
  pushModule,
  servicesModule,
  defectsModule,
];
