import { sql } from 'kysely';
import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { TENANT_ROLE } from '../../core/db/session-context.ts';
import { contentPartsTypeDefs } from './schema.ts';
import { contentPartsResolvers } from './resolvers.ts';

/** Shared sub-resources of all content (addresses, contacts, media, content blocks) and record actions. */
export const contentPartsModule: ModuleManifest = {
  name: 'content-parts',
  title: { de: 'Inhaltsbausteine', en: 'Content parts' },
  migrations: [
    {
      id: '001-part-ids',
      async up(db) {
        await sql`CREATE SEQUENCE content_part_ids`.execute(db);
        await sql`GRANT USAGE ON SEQUENCE content_part_ids TO ${sql.id(TENANT_ROLE)}`.execute(db);
      },
    },
  ],
  graphql: { typeDefs: contentPartsTypeDefs, resolvers: contentPartsResolvers },
};
