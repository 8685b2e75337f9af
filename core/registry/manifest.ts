import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { IResolvers } from '@graphql-tools/utils';
import type { Migration } from '../db/migrate.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { JobHandler } from '../jobs/job-queue.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { RequestScope } from '../http/request-scope.ts';

export type LocalizedText = { de: string; en: string };

/** What a module gets when it seeds a tenant: that tenant's database and its own seed folder. */
export type SeedContext = {
  tenant: Tenant;
  db: Kysely<any>;
  /** This module's seed folder (files named after the tenant's slug). */
  seedDir: string;
  /** Public URL path under which files copied to `mediaDir` are served. */
  mediaUrl: string;
  mediaDir: string;
};

/** Routes a module adds; every request of its scope already carries tenant and principal. */
export type RoutePlugin = (app: FastifyInstance, scope: (req: FastifyRequest) => Promise<RequestScope>) => void | Promise<void>;

/**
 * A module is a vertical slice: schema, resolvers, routes, jobs, migrations and seed data.
 * The core knows modules only through this manifest.
 */
export type ModuleManifest = {
  name: string;
  title: LocalizedText;
  /** Modules whose tables or types this one builds on; they must be enabled too. */
  dependsOn?: string[];
  migrations?: Migration[];
  graphql?: { typeDefs: string; resolvers?: IResolvers<any, GraphQLContext> };
  routes?: RoutePlugin;
  jobs?: Record<string, JobHandler>;
  /** Seeds the demo content of a tenant; runs once, on a tenant with no content yet. */
  seed?: (ctx: SeedContext) => Promise<void>;
};
