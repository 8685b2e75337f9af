import type { ModuleManifest } from '../../core/registry/manifest.ts';

/** Placeholder: this module is being built (issue 3). */
export const placesModule: ModuleManifest = {
  name: 'places',
  title: { de: 'places', en: 'places' },
  dependsOn: ['content-parts'],
};
