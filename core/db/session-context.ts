import { sql, type Kysely } from 'kysely';
import type { Pool, PoolClient } from './pool.ts';

/**
 * Tenant isolation is enforced by PostgreSQL row-level security, not by each query:
 * a tenant-bound pool switches its connection to the unprivileged role below and sets
 * the tenant id; every tenant-owned table has a policy on that setting (see tenant-table.ts).
 * The context is remembered per physical connection and switched only when it changes.
 */
export const TENANT_ROLE = 'dorfplatz_tenant';
export const TENANT_SETTING = 'dorfplatz.tenant_id';
/** NOTIFY channel carrying the id of a tenant whose content changed ('*' for all). */
export const CONTENT_CHANGED_CHANNEL = 'dorfplatz_content_changed';

export type SessionContext = { tenantId: number } | { tenantId: null };

const currentContext = new WeakMap<object, number | null>();

export function sessionOf(client: PoolClient): object {
  return (client as PoolClient & { session?: object }).session ?? client;
}

async function ensureContext(client: PoolClient, tenantId: number | null): Promise<void> {
  const session = sessionOf(client);
  const current = currentContext.has(session) ? currentContext.get(session)! : null;
  if (current === tenantId) return;
  await client.query(`SELECT set_config('role', $1, false), set_config('${TENANT_SETTING}', $2, false)`, [
    tenantId === null ? 'none' : TENANT_ROLE,
    tenantId === null ? '' : String(tenantId),
  ]);
  currentContext.set(session, tenantId);
}

/** A view of the pool whose connections always run as the given tenant (or as the system when null). */
export function contextPool(base: Pool, tenantId: number | null): Pool {
  return {
    async connect() {
      const client = await base.connect();
      try {
        await ensureContext(client, tenantId);
      } catch (err) {
        currentContext.delete(sessionOf(client));
        client.release();
        throw err;
      }
      return client;
    },
    end: () => base.end(),
  };
}

/**
 * Inside a transaction of the system database: act as the tenant (role and setting) until it
 * ends, so later statements are confined to its rows and new rows get its id by default —
 * e.g. the starter records of a tenant created earlier in the same transaction.
 */
export async function actAsTenantUntilCommit(trx: Kysely<any>, tenantId: number): Promise<void> {
  await sql`SELECT set_config('role', ${TENANT_ROLE}, true), set_config(${TENANT_SETTING}, ${String(tenantId)}, true)`.execute(trx);
}
