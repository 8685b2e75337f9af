import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { staticContentMigrations } from './migrations.ts';
import { staticContentTypeDefs } from './schema.ts';
import { staticContentResolvers } from './resolvers.ts';
import { seedStaticContent } from './seed.ts';
import { starterConfig } from './starter/starter-config.ts';
import { insertStaticContent } from './static-content-store.ts';

registerRecordType('StaticContent', { module: 'static-content', table: 'static_contents', ownedByDataProvider: false, hasVisibility: false, hasExternalId: false });

/** The app's remote configuration (globalSettings, tiles …) and HTML pages, versioned per app release. */
export const staticContentModule: ModuleManifest = {
  name: 'static-content',
  title: { de: 'Statische Inhalte und App-Konfiguration', en: 'Static content and app configuration' },
  // Seed files refer to categories by name.
  dependsOn: ['content-parts', 'categories'],
  migrations: staticContentMigrations,
  graphql: { typeDefs: staticContentTypeDefs, resolvers: staticContentResolvers },
  seed: seedStaticContent,
  async starter({ tenant, db }) {
    for (const record of starterConfig(tenant)) await insertStaticContent(db, record);
  },
};
