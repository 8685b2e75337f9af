import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { mediaMigrations } from './migrations.ts';
import { mediaRoutes } from './server/media-routes.ts';

/** The media library: a tenant's images (as sized WebP/AVIF/JPEG variants) and PDFs (issue 5). */
export const mediaModule: ModuleManifest = {
  name: 'media',
  title: { de: 'Mediathek', en: 'Media library' },
  migrations: mediaMigrations,
  routes: mediaRoutes,
};
