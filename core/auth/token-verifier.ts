import type { Kysely } from 'kysely';
import { hashSecret } from './secrets.ts';
import type { Principal, Role } from './principal.ts';

type Cached = { principal: Principal; tenantId: number; expiresAt: number; checkedAt: number };

/** How long a verified token is trusted without asking the database again (revocations clear the cache at once). */
const RECHECK_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Bearer token → principal for the request's tenant. Verified tokens are remembered briefly,
 * because every app start presents the same token on the hot read path.
 */
export class TokenVerifier {
  private cache = new Map<string, Cached>();

  constructor(private readonly db: Kysely<any>) {}

  async principalFor(authorization: string | undefined, tenantId: number): Promise<Principal> {
    if (!authorization) return { kind: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return { kind: 'rejected', reason: 'The Authorization header must be "Bearer <access token>".' };
    const now = Date.now();
    // Keyed by the token itself: hashing it on every request would cost more than the lookup.
    let entry = this.cache.get(match[1]);
    if (!entry || now - entry.checkedAt > RECHECK_MS) {
      entry = await this.lookup(hashSecret(match[1]), now);
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(match[1], entry);
    }
    if (entry.principal.kind !== 'account') return entry.principal;
    if (entry.expiresAt <= now) return { kind: 'rejected', reason: 'The access token has expired; request a new one at /oauth/token.' };
    if (entry.tenantId !== tenantId) return { kind: 'rejected', reason: 'The access token belongs to another municipality.' };
    return entry.principal;
  }

  /** Forgets every verified token, after an application was revoked (here or, via NOTIFY, in another process). */
  clear(): void {
    this.cache.clear();
  }

  private async lookup(hash: string, now: number): Promise<Cached> {
    const row = await this.db
      .selectFrom('oauth_access_tokens as t')
      .innerJoin('oauth_applications as a', 'a.id', 't.application_id')
      .innerJoin('accounts as acc', 'acc.id', 'a.owner_account_id')
      .leftJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'acc.id').onRef('m.tenant_id', '=', 'a.tenant_id'))
      .select([
        't.expires_at',
        'a.id as application_id',
        'a.name',
        'a.tenant_id',
        'a.revoked_at',
        'a.role as own_role',
        'a.data_provider_id as own_data_provider_id',
        'acc.id as account_id',
        'acc.platform_admin',
        'm.role',
        'm.data_provider_id',
      ])
      .where('t.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.revoked_at) return { principal: { kind: 'rejected', reason: 'The access token is not valid.' }, tenantId: 0, expiresAt: 0, checkedAt: now };
    // An application with a role of its own (made on the studio's integrations page) acts in it;
    // older ones act in their owner's role here.
    const own = row.own_role !== null;
    if (!own && !row.role && !row.platform_admin) {
      return { principal: { kind: 'rejected', reason: 'The owner of this application has no role in this municipality.' }, tenantId: row.tenant_id, expiresAt: 0, checkedAt: now };
    }
    return {
      principal: {
        kind: 'account',
        accountId: row.account_id,
        applicationId: row.application_id,
        actor: row.name,
        role: ((own ? row.own_role : row.role) ?? 'admin') as Role,
        platformAdmin: own ? false : row.platform_admin,
        dataProviderId: own ? row.own_data_provider_id : row.data_provider_id,
      },
      tenantId: row.tenant_id,
      expiresAt: new Date(row.expires_at).getTime(),
      checkedAt: now,
    };
  }
}
