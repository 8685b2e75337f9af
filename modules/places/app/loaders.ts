import type { Loader } from '../../web-app/server/loader.ts';
import { categoriesLoader } from './categories.load.ts';
import { listLoader } from './list.load.ts';
import { placeLoader } from './place.load.ts';
import { tourLoader } from './tour.load.ts';

export const placesLoaders: Record<string, Loader> = {
  places: categoriesLoader,
  'places-list': listLoader('poi'),
  place: placeLoader,
  'tours-list': listLoader('tour'),
  tour: tourLoader,
};
