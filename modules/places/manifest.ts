import { placeEditor } from './studio/place-editor.ts';
import { tourEditor } from './studio/tour-editor.ts';
import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { registerSearchable } from '../content-parts/searchables.ts';
import { placesMigrations } from './migrations.ts';
import { placesTypeDefs } from './schema.ts';
import { placesResolvers } from './resolvers.ts';
import { seedPlaces } from './seed.ts';

registerRecordType('PointOfInterest', { module: 'places', table: 'points_of_interest', ownedByDataProvider: true, hasVisibility: true, hasExternalId: true });
registerRecordType('Tour', { module: 'places', table: 'tours', ownedByDataProvider: true, hasVisibility: true, hasExternalId: true });
registerSearchable({ recordType: 'point_of_interest', module: 'places', table: 'points_of_interest', publicCondition: 'visible' });
registerSearchable({ recordType: 'tour', module: 'places', table: 'tours', publicCondition: 'visible' });

/** Places (Orte und Touren): points of interest with lunches, tours with their track and stops. */
export const placesModule: ModuleManifest = {
  name: 'places',
  title: { de: 'Orte und Touren', en: 'Places and tours' },
  dependsOn: ['content-parts', 'categories', 'data-providers'],
  migrations: placesMigrations,
  graphql: { typeDefs: placesTypeDefs, resolvers: placesResolvers },
  seed: seedPlaces,
  editors: [placeEditor, tourEditor],
};
