import type { ModuleManifest } from '../../core/registry/manifest.ts';

/** Placeholder: this module is being built (issue 3). */
export const searchModule: ModuleManifest = {
  name: 'search',
  title: { de: 'search', en: 'search' },
  dependsOn: ['content-parts'],
};
