import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';
import { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { coreMigrations } from './db/core-migrations.ts';
import { CONTENT_CHANGED_CHANNEL } from './db/session-context.ts';
import { TenantDirectory, TENANTS_CHANGED_CHANNEL } from './tenancy/tenant-directory.ts';
import type { Tenant } from './tenancy/tenant.ts';
import { TenantAdministration } from './tenancy/tenant-administration.ts';
import { TokenVerifier } from './auth/token-verifier.ts';
import { SessionStore, SESSION_COOKIE, csrfMatches } from './auth/sessions.ts';
import { readCookie } from './auth/cookies.ts';
import type { Principal } from './auth/principal.ts';
import { registerOAuthRoute } from './auth/oauth-route.ts';
import { JobQueue, enqueueJob, type JobHandler } from './jobs/job-queue.ts';
import { EVENT_JOB, eventDispatcher, listenerJobName } from './events/module-events.ts';
import { assembleSchema } from './graphql/assemble.ts';
import { registerGraphQLRoute } from './graphql/graphql-route.ts';
import { ResponseCache } from './graphql/response-cache.ts';
import type { GraphQLContext } from './graphql/context.ts';
import type { ModuleManifest, RouteServices } from './registry/manifest.ts';
import { PasswordResets } from './auth/password-reset.ts';
import { SecondFactor } from './auth/second-factor.ts';
import { AccountDirectory } from './auth/account-directory.ts';
import { Integrations, CREDENTIALS_REVOKED_CHANNEL } from './auth/integrations.ts';
import { AUDIT_RETENTION_JOB, auditRetentionJob, scheduleAuditRetention } from './audit/audit-retention.ts';
import { DB_MAINTENANCE_JOB, dbMaintenanceJob, scheduleDbMaintenance } from './db/maintenance.ts';
import { createMailer } from './mail/mailer.ts';
import { orderModules } from './registry/registry.ts';
import type { RequestScope } from './http/request-scope.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerHealth } from './http/health.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';

declare module 'fastify' {
  interface FastifyRequest {
    tenant: Tenant;
    scopePromise?: Promise<RequestScope>;
    /** This request's tenant, caller and database (resolved once, on first use). */
    scope(): Promise<RequestScope>;
  }
}

export type Platform = {
  config: Config;
  http: FastifyInstance;
  database: Database;
  tenants: TenantDirectory;
  jobs: JobQueue;
  cache: ResponseCache;
  modules: ModuleManifest[];
  mediaDir: string;
  /** Finishes in-flight requests and jobs, then closes the database. */
  close(): Promise<void>;
};

/**
 * Builds the whole server from the configuration and the module manifests: database and
 * migrations, tenants, auth, GraphQL, jobs, HTTP. Knows modules only through their manifests.
 */
export async function createPlatform(config: Config, manifests: ModuleManifest[]): Promise<Platform> {
  const modules = orderModules(manifests);
  const mediaDir = path.resolve(config.dataDir, 'media');
  mkdirSync(mediaDir, { recursive: true });

  const http = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    return503OnClosing: true,
  });

  const database = await Database.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  try {
    const applied = await migrate(database.system, [coreMigrations, ...modules.map((m) => ({ owner: m.name, migrations: m.migrations ?? [] }))]);
    if (applied.length) http.log.info({ applied }, 'database migrations applied');
    for (const m of modules) await m.init?.({ db: database.system, config });
  } catch (err) {
    await database.close();
    throw err;
  }

  const tenants = new TenantDirectory(database.system, config.defaultTenant);
  await tenants.reload();
  const cache = new ResponseCache();
  // Responses depend on a tenant's enabled modules: a changed tenant starts with an empty cache.
  tenants.onReload(() => cache.invalidate('*'));
  await database.listen(TENANTS_CHANGED_CHANNEL, () => void tenants.reload().catch((err) => http.log.error({ err }, 'tenant reload failed')));
  await database.listen(CONTENT_CHANGED_CHANNEL, (payload) => cache.onNotification(payload), () => cache.invalidate('*'));

  const jobs = new JobQueue(database, http.log, { config });
  jobs.register(AUDIT_RETENTION_JOB, auditRetentionJob);
  jobs.register(DB_MAINTENANCE_JOB, dbMaintenanceJob(database.kind));
  for (const m of modules) for (const [name, handler] of Object.entries(m.jobs ?? {})) jobs.register(name, handler);
  for (const m of modules) for (const [event, handler] of Object.entries(m.on ?? {})) jobs.register(listenerJobName(m.name, event), handler as JobHandler);
  const listening = modules.map((m) => ({ module: m.name, events: Object.keys(m.on ?? {}) }));
  jobs.register(EVENT_JOB, eventDispatcher(listening, (id) => tenants.all().find((t) => t.id === id)));

  const verifier = new TokenVerifier(database.system);
  await database.listen(CREDENTIALS_REVOKED_CHANNEL, () => verifier.clear(), () => verifier.clear());

  registerSecurityHeaders(http);
  await http.register(cors, { origin: '*', methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] });
  await http.register(formbody, { bodyLimit: config.bodyLimit });
  await http.register(fastifyStatic, { root: mediaDir, prefix: '/media/', decorateReply: false, maxAge: '1d' });
  registerErrorHandling(http);
  registerMetrics(http, () => jobs.depth());
  registerHealth(http, database);

  http.decorateRequest('tenant', null as unknown as Tenant);
  http.addHook('onRequest', async (req) => {
    const tenant = tenants.resolve(req.headers.host);
    if (!tenant) throw new AppError('NOT_FOUND', 'No municipality is set up on this server yet (npm run cli -- tenant:create).');
    req.tenant = tenant;
  });

  // Staff writes (state-changing requests with a session cookie: the studio) go to the tenant
  // database directly; the cache would hear of them only by NOTIFY, which on PostgreSQL arrives
  // a moment after the answer. Like GraphQL mutations, drop this process's entries before answering.
  http.addHook('onSend', async (req, _reply, payload) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.tenant && readCookie(req.headers.cookie, SESSION_COOKIE)) cache.invalidate(req.tenant.id);
    return payload;
  });

  const sessions = new SessionStore(database.system);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, dataDir: config.dataDir });
  const services: RouteServices = {
    config,
    mediaDir,
    sessions,
    passwordResets: new PasswordResets(database.system, sessions),
    secondFactor: new SecondFactor(database.system),
    accounts: new AccountDirectory(database.system),
    tenants,
    tenantAdmin: new TenantAdministration(database, tenants, modules),
    // Revoked tokens are refused at once here; other processes hear of it by NOTIFY (above).
    integrations: new Integrations(database.system, () => verifier.clear()),
    mailer,
    modules,
    cache,
  };
  const principalOf = async (req: FastifyRequest): Promise<Principal> => {
    if (req.headers.authorization) return verifier.principalFor(req.headers.authorization, req.tenant.id);
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!token) return { kind: 'anonymous' };
    const session = await sessions.resolve(token, req.tenant.id);
    const safe = req.method === 'GET' || req.method === 'HEAD';
    if (!session) return safe ? { kind: 'anonymous' } : { kind: 'rejected', reason: 'Your session has expired; please log in again.' };
    // A cookie is sent by the browser on its own; a write must also prove it comes from our page.
    if (!safe && !csrfMatches(session.csrf, req.headers['x-csrf-token'] ?? (req.body as { _csrf?: unknown } | undefined)?._csrf)) {
      return { kind: 'rejected', reason: 'The request lacks the CSRF token of your session (header x-csrf-token).' };
    }
    return session.principal;
  };
  const scopeOf = (req: FastifyRequest): Promise<RequestScope> => {
    req.scopePromise ??= principalOf(req).then((principal) => ({
      tenant: req.tenant,
      principal,
      db: database.forTenant(req.tenant.id),
      origin: `${req.protocol}://${req.host}`,
      ip: req.ip,
    }));
    return req.scopePromise;
  };
  http.decorateRequest('scope', function (this: FastifyRequest) {
    return scopeOf(this);
  });

  registerOAuthRoute(http, database.system, (req) => req.tenant);
  const schema = assembleSchema(modules, (tenantId) => cache.invalidate(tenantId));
  registerGraphQLRoute(http, {
    schema,
    cache,
    scopeOf,
    contextFor: (scope): GraphQLContext => ({
      ...scope,
      memo: new Map(),
      enqueue: (db, job) => enqueueJob(db, job),
    }),
  });

  for (const m of modules) {
    if (!m.routes) continue;
    await http.register(async (scoped) => {
      scoped.addHook('onRequest', async (req) => {
        if (!req.tenant.enabledModules.includes(m.name)) throw new AppError('NOT_FOUND', `The module "${m.name}" is not enabled for this municipality.`);
      });
      await m.routes!(scoped, scopeOf, services);
    });
  }

  if (config.runJobs) {
    // The retention job queues its own next run; this starts the chain (dedupe key: never twice).
    await scheduleAuditRetention(database.system);
    await scheduleDbMaintenance(database.system);
    jobs.start();
  }

  return {
    config,
    http,
    database,
    tenants,
    jobs,
    cache,
    modules,
    mediaDir,
    async close() {
      await http.close();
      await jobs.stop();
      await database.close();
    },
  };
}
