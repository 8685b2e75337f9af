import { sql, type Kysely } from 'kysely';
import { createApplication } from './credentials.ts';
import type { Role } from './principal.ts';

/** Roles an API client may get on the studio's integrations page (moderation is a studio task). */
export const INTEGRATION_ROLES = ['app', 'data_provider', 'editor', 'read_only', 'admin'] as const satisfies readonly Role[];
export type IntegrationRole = (typeof INTEGRATION_ROLES)[number];

/** NOTIFY channel: an application was revoked, so every process forgets its verified tokens. */
export const CREDENTIALS_REVOKED_CHANNEL = 'dorfplatz_credentials_revoked';

export type Integration = {
  id: number;
  name: string;
  clientId: string;
  /** The role its tokens act in: its own, or (for older applications) its owner's; null when the owner has none. */
  role: Role | null;
  dataProviderId: number | null;
  ownerEmail: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastTokenAt: Date | null;
};

/**
 * A tenant's OAuth applications (API clients for importers and apps): list, create with a role of
 * their own, revoke. Secrets are random and stored only as a hash; the caller shows them once.
 */
export class Integrations {
  constructor(
    private readonly db: Kysely<any>,
    /** Called after a revocation, so this process refuses the application's tokens at once. */
    private readonly onRevoked: () => void,
  ) {}

  async list(tenantId: number): Promise<Integration[]> {
    const rows = await this.db
      .selectFrom('oauth_applications as a')
      .innerJoin('accounts as acc', 'acc.id', 'a.owner_account_id')
      .leftJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.owner_account_id').onRef('m.tenant_id', '=', 'a.tenant_id'))
      .select([
        'a.id',
        'a.name',
        'a.uid',
        'a.role',
        'a.data_provider_id',
        'a.created_at',
        'a.revoked_at',
        'acc.email',
        'm.role as owner_role',
        'm.data_provider_id as owner_data_provider_id',
        (eb) => eb.selectFrom('oauth_access_tokens as t').whereRef('t.application_id', '=', 'a.id').select(sql<Date>`max(t.created_at)`.as('x')).as('last_token_at'),
      ])
      .where('a.tenant_id', '=', tenantId)
      .orderBy(sql`a.revoked_at IS NOT NULL`)
      .orderBy(sql`lower(a.name)`)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      clientId: r.uid,
      role: (r.role ?? r.owner_role ?? null) as Role | null,
      dataProviderId: r.role ? r.data_provider_id : r.owner_data_provider_id,
      ownerEmail: r.email,
      createdAt: new Date(r.created_at),
      revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
      lastTokenAt: r.last_token_at ? new Date(r.last_token_at) : null,
    }));
  }

  /** The new client's id and secret; the secret is not stored and cannot be shown again. */
  create(tenantId: number, ownerAccountId: number, input: { name: string; role: IntegrationRole; dataProviderId: number | null }) {
    return createApplication(this.db, {
      tenantId,
      ownerAccountId,
      name: input.name,
      role: input.role,
      dataProviderId: input.role === 'data_provider' ? input.dataProviderId : null,
    });
  }

  /** Revokes an application of this tenant: no new tokens, and the issued ones are refused from now on. */
  async revoke(tenantId: number, id: number): Promise<boolean> {
    const res = await this.db
      .updateTable('oauth_applications')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    this.onRevoked();
    await sql`SELECT pg_notify(${CREDENTIALS_REVOKED_CHANNEL}, ${String(id)})`.execute(this.db);
    return true;
  }
}
