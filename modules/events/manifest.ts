import type { ModuleManifest } from '../../core/registry/manifest.ts';

/** Placeholder: this module is being built (issue 3). */
export const eventsModule: ModuleManifest = {
  name: 'events',
  title: { de: 'events', en: 'events' },
  dependsOn: ['content-parts'],
};
