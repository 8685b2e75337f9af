import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPlatform, type Platform } from '../core/app.ts';
import { loadConfig } from '../core/config.ts';
import { allModules } from '../server/modules.ts';
import { seedDemoIfEmpty } from '../server/demo/seed-demo.ts';
import { demoTenants } from '../server/demo/demo-tenants.ts';
import { createApplication, ensureAccount, setMembership } from '../core/auth/credentials.ts';
import type { Role } from '../core/auth/principal.ts';

/**
 * A real server for tests: PGlite in a fresh temporary data dir, or, when TEST_DATABASE_URL is
 * set, a fresh PostgreSQL database created for this platform and dropped afterwards.
 */
export type TestPlatform = Platform & {
  /** GraphQL over HTTP (fastify.inject) on a tenant's host; returns the parsed body and status. */
  gql(host: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  /** A bearer token for a demo account ("bad-belzig-admin" …) via POST /oauth/token. */
  token(clientId: string): Promise<string>;
  /** A bearer token of a new account with this role in the tenant (e.g. read_only, editor). */
  tokenWithRole(slug: string, role: Role): Promise<string>;
  /** The database URL this platform uses (PostgreSQL only), for a second process on it. */
  databaseUrl?: string;
  dataDir: string;
};

export const BB = 'bad-belzig.localhost';
export const WB = 'wiesenburg.localhost';

export function demoSecret(clientId: string): string {
  for (const t of demoTenants) for (const a of t.accounts) if (a.clientId === clientId && a.clientSecret) return a.clientSecret;
  throw new Error(`no demo client ${clientId}`);
}

export function hostOf(clientId: string): string {
  return clientId.startsWith('wiesenburg') ? WB : BB;
}

export async function freshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dorfplatz_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `env`: further configuration as environment variables (e.g. where pushes are sent). */
export async function startTestPlatform(opts: { seed?: boolean; databaseUrl?: string; dataDir?: string; env?: Record<string, string> } = {}): Promise<TestPlatform> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'dorfplatz-test-'));
  let databaseUrl = opts.databaseUrl;
  let drop: (() => Promise<void>) | undefined;
  if (!databaseUrl && process.env.TEST_DATABASE_URL) {
    const fresh = await freshDatabase(process.env.TEST_DATABASE_URL);
    databaseUrl = fresh.url;
    drop = fresh.drop;
  }
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, JOBS: 'off', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATABASE_POOL_SIZE: '4', ...opts.env });
  const platform = await createPlatform(config, allModules);
  if (opts.seed !== false) await seedDemoIfEmpty(platform);

  const gql: TestPlatform['gql'] = async (host, query, variables, token) => {
    const res = await platform.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { host, 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const token: TestPlatform['token'] = async (clientId) => {
    const res = await platform.http.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { host: hostOf(clientId), 'content-type': 'application/json' },
      payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: demoSecret(clientId) },
    });
    if (res.statusCode !== 200) throw new Error(`token for ${clientId}: ${res.statusCode} ${res.body}`);
    return res.json().access_token;
  };
  const tokenWithRole: TestPlatform['tokenWithRole'] = async (slug, role) => {
    const tenant = platform.tenants.get(slug);
    if (!tenant) throw new Error(`no tenant ${slug}`);
    const system = platform.database.system;
    const accountId = await ensureAccount(system, { email: `${role}-${Math.random().toString(36).slice(2, 10)}@${slug}.test`, name: role });
    await setMembership(system, { accountId, tenantId: tenant.id, role });
    const app = await createApplication(system, { tenantId: tenant.id, ownerAccountId: accountId, name: `${role} (test)` });
    const res = await platform.http.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { host: `${slug}.localhost`, 'content-type': 'application/json' },
      payload: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret },
    });
    if (res.statusCode !== 200) throw new Error(`token for a ${role} of ${slug}: ${res.statusCode} ${res.body}`);
    return res.json().access_token;
  };
  const close = platform.close;
  return Object.assign(platform, {
    gql,
    token,
    tokenWithRole,
    databaseUrl,
    dataDir,
    async close() {
      await close();
      await drop?.();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** Berlin timestamp format of the mainserver: "2024-05-01 09:30:00 +0200". */
export const RUBY_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/** Polls until `check` holds or `ms` pass — for what other processes learn by NOTIFY. */
export async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}
