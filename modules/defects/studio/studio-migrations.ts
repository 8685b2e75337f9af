import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrate.ts';
import { TENANT_ROLE } from '../../../core/db/session-context.ts';

/**
 * The studio assigns reports to, and the team notification mails, the tenant's staff. Accounts
 * and memberships are not readable in the tenant role, so this function runs as their owner and
 * returns only the current tenant's staff (no application accounts), id, e-mail, name and role.
 */
export const defectsStudioMigrations: Migration[] = [
  {
    id: '020-defect-staff',
    async up(db) {
      await sql`CREATE FUNCTION defect_staff()
        RETURNS TABLE (account_id integer, email text, name text, role text)
        LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = pg_catalog, public
        AS $$
          SELECT a.id, a.email, a.name, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id
          WHERE m.tenant_id = dorfplatz_current_tenant() AND m.role <> 'app'
          ORDER BY lower(a.name), a.email
        $$`.execute(db);
      await sql`REVOKE ALL ON FUNCTION defect_staff() FROM PUBLIC`.execute(db);
      await sql`GRANT EXECUTE ON FUNCTION defect_staff() TO ${sql.id(TENANT_ROLE)}`.execute(db);
    },
  },
];
