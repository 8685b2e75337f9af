import type { Kysely } from 'kysely';
import { validationError } from '../errors.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { ROLES, type Role } from './principal.ts';

export const TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/** Creates the account if the e-mail is new; returns its id either way. */
export async function ensureAccount(db: Kysely<any>, input: { email: string; name?: string; platformAdmin?: boolean }): Promise<number> {
  const email = input.email.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw validationError(`"${email}" is not an e-mail address.`);
  const existing = await db.selectFrom('accounts').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
  if (existing) {
    if (input.platformAdmin) await db.updateTable('accounts').set({ platform_admin: true }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const row = await db
    .insertInto('accounts')
    .values({ email, name: input.name ?? '', platform_admin: input.platformAdmin ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setMembership(db: Kysely<any>, m: { accountId: number; tenantId: number; role: Role; dataProviderId?: number | null }): Promise<void> {
  if (!ROLES.includes(m.role)) throw validationError(`Unknown role "${m.role}"; use one of ${ROLES.join(', ')}.`);
  await db
    .insertInto('memberships')
    .values({ account_id: m.accountId, tenant_id: m.tenantId, role: m.role, data_provider_id: m.dataProviderId ?? null })
    .onConflict((oc) => oc.columns(['account_id', 'tenant_id']).doUpdateSet({ role: m.role, data_provider_id: m.dataProviderId ?? null }))
    .execute();
}

/**
 * Registers an OAuth application owned by an account in a tenant. Fixed credentials are
 * accepted for the demo; otherwise random ones are made. The secret is returned once.
 * Without `role` the application acts in its owner's role in the tenant.
 */
export async function createApplication(
  db: Kysely<any>,
  a: { tenantId: number; ownerAccountId: number; name: string; uid?: string; secret?: string; role?: Role; dataProviderId?: number | null },
): Promise<{ id: number; clientId: string; clientSecret: string }> {
  const clientId = a.uid ?? newSecret().slice(0, 32);
  const clientSecret = a.secret ?? newSecret();
  const row = await db
    .insertInto('oauth_applications')
    .values({
      tenant_id: a.tenantId,
      owner_account_id: a.ownerAccountId,
      name: a.name,
      uid: clientId,
      secret_hash: hashSecret(clientSecret),
      role: a.role ?? null,
      data_provider_id: a.dataProviderId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, clientId, clientSecret };
}

export type IssuedToken = { access_token: string; token_type: 'Bearer'; expires_in: number; created_at: number };

/** client_credentials grant: null when the client is unknown, revoked or the secret is wrong. */
export async function issueToken(db: Kysely<any>, clientId: string, clientSecret: string, tenantId: number): Promise<IssuedToken | null> {
  const app = await db
    .selectFrom('oauth_applications')
    .select(['id', 'secret_hash', 'tenant_id'])
    .where('uid', '=', clientId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!app || app.secret_hash !== hashSecret(clientSecret) || app.tenant_id !== tenantId) return null;
  const token = newSecret();
  const createdAt = new Date();
  await db
    .insertInto('oauth_access_tokens')
    .values({ application_id: app.id, token_hash: hashSecret(token), created_at: createdAt, expires_at: new Date(createdAt.getTime() + TOKEN_LIFETIME_SECONDS * 1000) })
    .execute();
  return { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, created_at: Math.floor(createdAt.getTime() / 1000) };
}
