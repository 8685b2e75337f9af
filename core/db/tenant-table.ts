import { sql, type Kysely } from 'kysely';
import { TENANT_ROLE } from './session-context.ts';

/**
 * Column definition for the tenant id of a tenant-owned table. The default comes from the
 * session, so module code never writes tenant ids and cannot write another tenant's.
 */
export const tenantIdColumn = sql.raw(`tenant_id integer NOT NULL DEFAULT dorfplatz_current_tenant() REFERENCES tenants(id) ON DELETE CASCADE`);

/**
 * Puts a table under tenant isolation (row-level security policy, grants to the tenant role)
 * and makes every write to it invalidate that tenant's cached responses — unless the table holds
 * nothing any response shows (`invalidatesCache: false`, e.g. the audit log).
 */
export async function makeTenantOwned(db: Kysely<any>, table: string, opts: { invalidatesCache?: boolean } = {}): Promise<void> {
  const t = sql.id(table);
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY tenant_isolation ON ${t} USING (tenant_id = dorfplatz_current_tenant()) WITH CHECK (tenant_id = dorfplatz_current_tenant())`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO ${sql.id(TENANT_ROLE)}`.execute(db);
  await sql`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${sql.id(TENANT_ROLE)}`.execute(db);
  if (opts.invalidatesCache === false) return;
  await sql`CREATE TRIGGER content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
    FOR EACH STATEMENT EXECUTE FUNCTION dorfplatz_content_changed()`.execute(db);
}
