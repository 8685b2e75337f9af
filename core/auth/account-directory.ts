import { sql, type Kysely } from 'kysely';
import { ensureAccount, setMembership } from './credentials.ts';
import type { Role } from './principal.ts';
import { newSecret, hashSecret } from './secrets.ts';

/** Roles a tenant admin may give in the studio (app tokens are made on the integrations page). */
export const STAFF_ROLES = ['admin', 'editor', 'data_provider', 'moderator', 'read_only'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export type Member = { accountId: number; email: string; name: string; role: Role; dataProviderId: number | null; hasPassword: boolean };

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The staff of one tenant: who has which role. Invitations create the account if needed and give a
 * one-time link (a week) to set the password, stored like a password reset.
 */
export class AccountDirectory {
  constructor(private readonly db: Kysely<any>) {}

  async members(tenantId: number): Promise<Member[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.id', 'a.email', 'a.name', 'a.password_hash', 'm.role', 'm.data_provider_id'])
      .where('m.tenant_id', '=', tenantId)
      .where('m.role', '!=', 'app')
      .orderBy(sql`lower(a.name)`)
      .orderBy('a.email')
      .execute();
    return rows.map((r) => ({ accountId: r.id, email: r.email, name: r.name, role: r.role as Role, dataProviderId: r.data_provider_id, hasPassword: !!r.password_hash }));
  }

  /** Adds (or re-roles) a member; returns a set-password token when the account has no password yet. */
  async invite(tenantId: number, input: { email: string; name: string; role: StaffRole; dataProviderId: number | null }): Promise<{ accountId: number; token: string | null }> {
    const accountId = await ensureAccount(this.db, { email: input.email, name: input.name });
    await setMembership(this.db, { accountId, tenantId, role: input.role, dataProviderId: input.role === 'data_provider' ? input.dataProviderId : null });
    const acc = await this.db.selectFrom('accounts').select(['password_hash', 'name']).where('id', '=', accountId).executeTakeFirstOrThrow();
    if (!acc.name && input.name) await this.db.updateTable('accounts').set({ name: input.name }).where('id', '=', accountId).execute();
    if (acc.password_hash) return { accountId, token: null };
    const token = newSecret();
    await this.db
      .insertInto('password_resets')
      .values({ account_id: accountId, token_hash: hashSecret(token), expires_at: new Date(Date.now() + INVITATION_LIFETIME_MS) })
      .execute();
    return { accountId, token };
  }

  async changeRole(tenantId: number, accountId: number, role: StaffRole, dataProviderId: number | null): Promise<boolean> {
    const res = await this.db
      .updateTable('memberships')
      .set({ role, data_provider_id: role === 'data_provider' ? dataProviderId : null })
      .where('tenant_id', '=', tenantId)
      .where('account_id', '=', accountId)
      .where('role', '!=', 'app')
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Removes the role here and ends the account's sessions on this tenant. */
  async remove(tenantId: number, accountId: number): Promise<boolean> {
    const res = await this.db.deleteFrom('memberships').where('tenant_id', '=', tenantId).where('account_id', '=', accountId).where('role', '!=', 'app').executeTakeFirst();
    await this.db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('account_id', '=', accountId).execute();
    return Number(res.numDeletedRows) === 1;
  }

  async adminCount(tenantId: number): Promise<number> {
    const r = await this.db.selectFrom('memberships').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).where('role', '=', 'admin').executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
