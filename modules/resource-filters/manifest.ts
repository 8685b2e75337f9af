import type { ModuleManifest } from '../../core/registry/manifest.ts';

/** Placeholder: this module is being built (issue 3). */
export const resourceFiltersModule: ModuleManifest = {
  name: 'resource-filters',
  title: { de: 'resource-filters', en: 'resource-filters' },
  dependsOn: ['content-parts'],
};
