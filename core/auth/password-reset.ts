import { sql, type Kysely } from 'kysely';
import { hashSecret, newSecret } from './secrets.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import type { SessionStore } from './sessions.ts';

const RESET_LIFETIME_MS = 60 * 60 * 1000;
/** At most this many open reset links per account and hour (the form can be abused to send mail). */
const MAX_OPEN_RESETS = 3;

export type ResetOutcome = { ok: true; email: string; accountId: number } | { ok: false; reason: 'invalid-token' | 'weak-password'; message?: string };

/**
 * "Forgot password": a one-time link valid for an hour, of which only the hash is stored. Setting
 * the new password ends all sessions of the account.
 */
export class PasswordResets {
  constructor(
    private readonly db: Kysely<any>,
    private readonly sessions: SessionStore,
  ) {}

  /** A token for an account with a role in this tenant, or null (unknown, no access, too many requests). */
  async request(email: string, tenantId: number, now = new Date()): Promise<{ token: string; email: string; name: string; accountId: number } | null> {
    const acc = await this.db
      .selectFrom('accounts as a')
      .leftJoin('memberships as m', (j) => j.onRef('m.account_id', '=', 'a.id').on('m.tenant_id', '=', tenantId))
      .select(['a.id', 'a.email', 'a.name', 'a.platform_admin', 'm.role'])
      .where(sql<boolean>`lower(a.email) = lower(${email.trim()})`)
      .executeTakeFirst();
    if (!acc || (!acc.platform_admin && (!acc.role || acc.role === 'app'))) return null;
    const open = await this.db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', acc.id)
      .where('created_at', '>', new Date(now.getTime() - RESET_LIFETIME_MS))
      .executeTakeFirstOrThrow();
    if (Number(open.n) >= MAX_OPEN_RESETS) return null;
    const token = newSecret();
    await this.db
      .insertInto('password_resets')
      .values({ account_id: acc.id, token_hash: hashSecret(token), created_at: now, expires_at: new Date(now.getTime() + RESET_LIFETIME_MS) })
      .execute();
    return { token, email: acc.email, name: acc.name, accountId: acc.id };
  }

  async isValid(token: string, now = new Date()): Promise<boolean> {
    return (await this.find(token, now)) !== undefined;
  }

  async complete(token: string, password: string, now = new Date()): Promise<ResetOutcome> {
    const row = await this.find(token, now);
    if (!row) return { ok: false, reason: 'invalid-token' };
    const problem = passwordProblem(password, row.email);
    if (problem) return { ok: false, reason: 'weak-password', message: problem };
    // Claim the token first, so two concurrent submissions cannot both use it.
    const claimed = await this.db.updateTable('password_resets').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, reason: 'invalid-token' };
    await this.sessions.setPassword(row.account_id, await hashPassword(password));
    return { ok: true, email: row.email, accountId: row.account_id };
  }

  private find(token: string, now: Date) {
    if (!token || token.length > 100) return Promise.resolve(undefined);
    return this.db
      .selectFrom('password_resets as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .select(['r.id', 'r.account_id', 'a.email'])
      .where('r.token_hash', '=', hashSecret(token))
      .where('r.used_at', 'is', null)
      .where('r.expires_at', '>', now)
      .executeTakeFirst();
  }
}
