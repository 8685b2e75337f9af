import type { AppRoute } from './app-route.ts';
import { webAppRoutes } from '../screens/routes.ts';
import { staticContentRoutes } from '../../static-content/app/routes.ts';
import { newsRoutes } from '../../news/app/routes.ts';
import { eventsRoutes } from '../../events/app/routes.ts';
import { placesRoutes } from '../../places/app/routes.ts';
import { genericItemsRoutes } from '../../generic-items/app/routes.ts';
import { searchRoutes } from '../../search/app/routes.ts';
import { servicesRoutes } from '../../services/app/routes.ts';
import { defectsRoutes } from '../../defects/app/routes.ts';

/**
 * Every screen of the citizen app, composed from the modules' app folders (each screen's view is
 * its own lazily loaded chunk). Loaders for the same route names are in ../server/loaders.ts.
 */
export const appRoutes: AppRoute[] = [...webAppRoutes, ...staticContentRoutes, ...newsRoutes, ...eventsRoutes, ...placesRoutes, ...genericItemsRoutes, ...searchRoutes, ...servicesRoutes, ...defectsRoutes];
