import { timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { hashSecret, newSecret } from './secrets.ts';
import { verifyPassword } from './passwords.ts';
import { verifyTotp } from './totp.ts';
import type { Principal, Role } from './principal.ts';

/** Studio sessions: idle timeout, absolute lifetime, lockout after repeated failed logins. */
export const SESSION_COOKIE = 'dp_session';
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;

export type LoginResult =
  | { ok: true; token: string; csrf: string; accountId: number }
  | { ok: false; reason: 'invalid' | 'code' | 'locked' | 'no-access'; retryAfterSeconds?: number };

export type SessionInfo = { principal: Extract<Principal, { kind: 'account' }>; csrf: string; email: string; name: string; sessionId: number };

export type LoginMeta = { ip: string; userAgent: string };

/**
 * Logins with e-mail and password for one tenant, and the sessions they start. A session is bound
 * to the tenant (host) it was started on; its cookie is a random token of which only the hash is
 * stored, and every login makes a new one (no session fixation).
 */
export class SessionStore {
  constructor(private readonly db: Kysely<any>) {}

  /** With a second factor set up, `code` must be a current, unused TOTP code; a wrong one counts as a failed attempt. */
  async login(email: string, password: string, tenantId: number, meta: LoginMeta, code = '', now = new Date()): Promise<LoginResult> {
    const acc = await this.db
      .selectFrom('accounts as a')
      .leftJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.id').on('m.tenant_id', '=', tenantId))
      .select(['a.id', 'a.password_hash', 'a.failed_logins', 'a.locked_until', 'a.platform_admin', 'a.totp_secret', 'a.totp_last_step', 'm.role'])
      .where(sql<boolean>`lower(a.email) = lower(${email.trim()})`)
      .executeTakeFirst();
    if (acc?.locked_until && new Date(acc.locked_until) > now) {
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((new Date(acc.locked_until).getTime() - now.getTime()) / 1000) };
    }
    const valid = await verifyPassword(acc?.password_hash ?? null, password);
    if (!acc || !acc.password_hash || !valid) {
      if (acc) await this.recordFailure(acc.id, acc.failed_logins + 1, now);
      return { ok: false, reason: 'invalid' };
    }
    let step: number | null = null;
    if (acc.totp_secret) {
      step = verifyTotp(acc.totp_secret, code, now.getTime());
      if (step === null || step <= Number(acc.totp_last_step)) {
        await this.recordFailure(acc.id, acc.failed_logins + 1, now);
        return { ok: false, reason: 'code' };
      }
    }
    if (!acc.platform_admin && (!acc.role || acc.role === 'app')) return { ok: false, reason: 'no-access' };
    await this.db
      .updateTable('accounts')
      .set({ failed_logins: 0, locked_until: null, ...(step !== null ? { totp_last_step: step } : {}) })
      .where('id', '=', acc.id)
      .execute();
    const token = newSecret();
    const csrf = newSecret();
    await this.db
      .insertInto('sessions')
      .values({ token_hash: hashSecret(token), account_id: acc.id, tenant_id: tenantId, csrf_token: csrf, ip: meta.ip.slice(0, 64), user_agent: meta.userAgent.slice(0, 300), created_at: now, last_seen_at: now })
      .execute();
    return { ok: true, token, csrf, accountId: acc.id };
  }

  /** Exponential back-off once the free attempts are used: 1, 2, 4 … minutes, at most an hour. */
  private async recordFailure(accountId: number, failures: number, now: Date): Promise<void> {
    const over = failures - FREE_ATTEMPTS;
    const lockedUntil = over >= 0 ? new Date(now.getTime() + Math.min(2 ** over, MAX_LOCK_MINUTES) * 60_000) : null;
    await this.db.updateTable('accounts').set({ failed_logins: failures, locked_until: lockedUntil }).where('id', '=', accountId).execute();
  }

  /** The session behind a cookie token on this tenant, or null (unknown, expired, other tenant, role gone). */
  async resolve(token: string | null, tenantId: number, now = new Date()): Promise<SessionInfo | null> {
    if (!token || token.length > 100) return null;
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('accounts as a', 'a.id', 's.account_id')
      .leftJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.id').onRef('m.tenant_id', '=', 's.tenant_id'))
      .select(['s.id', 's.tenant_id', 's.csrf_token', 's.created_at', 's.last_seen_at', 'a.id as account_id', 'a.email', 'a.name', 'a.platform_admin', 'm.role', 'm.data_provider_id'])
      .where('s.token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!row || row.tenant_id !== tenantId) return null;
    const t = now.getTime();
    if (t - new Date(row.last_seen_at).getTime() > SESSION_IDLE_MS || t - new Date(row.created_at).getTime() > SESSION_MAX_MS) {
      await this.db.deleteFrom('sessions').where('id', '=', row.id).execute();
      return null;
    }
    if (!row.platform_admin && (!row.role || row.role === 'app')) return null;
    // Sliding idle timeout, written at most once a minute.
    if (t - new Date(row.last_seen_at).getTime() > 60_000) await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
    return {
      sessionId: row.id,
      csrf: row.csrf_token,
      email: row.email,
      name: row.name,
      principal: { kind: 'account', accountId: row.account_id, applicationId: 0, actor: row.email, role: (row.role ?? 'admin') as Role, platformAdmin: row.platform_admin, dataProviderId: row.data_provider_id },
    };
  }

  async logout(token: string | null): Promise<void> {
    if (token) await this.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(token)).execute();
  }

  async setPassword(accountId: number, passwordHash: string): Promise<void> {
    await this.db.updateTable('accounts').set({ password_hash: passwordHash, failed_logins: 0, locked_until: null }).where('id', '=', accountId).execute();
    // A new password ends every session of the account.
    await this.db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  }
}

/** Constant-time comparison of a presented CSRF token with the expected one. */
export function csrfMatches(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(presented));
}
