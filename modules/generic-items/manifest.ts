import type { ModuleManifest } from '../../core/registry/manifest.ts';

/** Placeholder: this module is being built (issue 3). */
export const genericItemsModule: ModuleManifest = {
  name: 'generic-items',
  title: { de: 'generic-items', en: 'generic-items' },
  dependsOn: ['content-parts'],
};
