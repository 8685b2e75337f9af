import { sql, type Kysely } from 'kysely';

export type StaffMember = { accountId: number; email: string; name: string; role: string };

/** The current tenant's studio accounts (studio-migrations.ts: defect_staff), by name. */
export async function staffMembers(db: Kysely<any>): Promise<StaffMember[]> {
  const { rows } = await sql<StaffMember>`SELECT account_id AS "accountId", email, name, role FROM defect_staff()`.execute(db);
  return rows;
}

/** "Erika Muster" or, without a name, the e-mail address. */
export const staffLabel = (m: StaffMember) => m.name || m.email;
