import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { IResolvers } from '@graphql-tools/utils';
import type { Migration } from '../db/migrate.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { JobContext, JobHandler } from '../jobs/job-queue.ts';
import type { EventName, ModuleEvents } from '../events/module-events.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import type { RequestScope } from '../http/request-scope.ts';
import type { SessionStore } from '../auth/sessions.ts';
import type { PasswordResets } from '../auth/password-reset.ts';
import type { SecondFactor } from '../auth/second-factor.ts';
import type { AccountDirectory } from '../auth/account-directory.ts';
import type { Integrations } from '../auth/integrations.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import type { TenantAdministration } from '../tenancy/tenant-administration.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ContentEditor } from './content-editor.ts';
import type { Config } from '../config.ts';
import type { ResponseCache } from '../graphql/response-cache.ts';

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

/** What a module gets when the platform starts: the system database (owner rights), migrations applied. */
export type InitContext = { db: Kysely<any>; config: Config };

/** What a module gets when a new municipality is created: its database, inside the creating transaction. */
export type StarterContext = { tenant: Tenant; db: Kysely<any> };

/** Services of the core that routes may use beyond their request scope. */
export type RouteServices = {
  config: Config;
  /** The folder served at /media/ (DATA_DIR/media). */
  mediaDir: string;
  /** Password logins and sessions (for the studio's login pages). */
  sessions: SessionStore;
  passwordResets: PasswordResets;
  secondFactor: SecondFactor;
  accounts: AccountDirectory;
  /** Every municipality (in memory; the studio changes its own tenant's theme and modules through it, every process reloads). */
  tenants: TenantDirectory;
  /** The platform admins' writes to municipalities. */
  tenantAdmin: TenantAdministration;
  /** The tenant's OAuth applications (the studio's integrations page). */
  integrations: Integrations;
  mailer: Mailer;
  /** Every registered module (the studio offers the editors of those a tenant has enabled). */
  modules: ModuleManifest[];
  /** The published-content response cache (decision 002), for public REST reads that want it. */
  cache: ResponseCache;
};

/** Routes a module adds; every request of its scope already carries tenant and principal. */
export type RoutePlugin = (app: FastifyInstance, scope: (req: FastifyRequest) => Promise<RequestScope>, services: RouteServices) => void | Promise<void>;

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
  /** What this module does when another one reports an event (core/events), for tenants that enabled it. */
  on?: { [E in EventName]?: (ctx: JobContext & { payload: ModuleEvents[E] }) => Promise<void> };
  /**
   * Platform-wide state the module needs before requests are served (e.g. a deployment's keys).
   * Runs on every start of every process: it must be idempotent and safe when processes start at once.
   */
  init?: (ctx: InitContext) => Promise<void>;
  /** Writes what a new municipality needs to start (neutral configuration, no demo content). */
  starter?: (ctx: StarterContext) => Promise<void>;
  /** Seeds the demo content of a tenant; runs once, on a tenant with no content yet. */
  seed?: (ctx: SeedContext) => Promise<void>;
  /** Forms through which staff edit this module's records in the studio. */
  editors?: ContentEditor[];
};
