import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { resourceFiltersMigrations } from './migrations.ts';
import { resourceFiltersTypeDefs } from './schema.ts';
import { resourceFiltersResolvers } from './resolvers.ts';
import { seedResourceFilters } from './seed.ts';

// destroyRecord(recordType: "ResourceFilter", id) removes a configuration (admins and editors).
registerRecordType('ResourceFilter', { module: 'resource-filters', table: 'resource_filters', ownedByDataProvider: false, hasVisibility: false, hasExternalId: false });

/** Per resource type, the filter controls the app shows above its lists (category, dates, radius …). */
export const resourceFiltersModule: ModuleManifest = {
  name: 'resource-filters',
  title: { de: 'Filter der Listen', en: 'List filters' },
  dependsOn: ['content-parts'],
  migrations: resourceFiltersMigrations,
  graphql: { typeDefs: resourceFiltersTypeDefs, resolvers: resourceFiltersResolvers },
  seed: seedResourceFilters,
};
