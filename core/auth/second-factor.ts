import type { Kysely } from 'kysely';
import { newTotpSecret, verifyTotp } from './totp.ts';

/**
 * Setting up and removing the optional TOTP second factor of an account. A new secret stays
 * "pending" until the account proves with a code that its authenticator app has it.
 */
export class SecondFactor {
  constructor(private readonly db: Kysely<any>) {}

  async status(accountId: number): Promise<{ enabled: boolean; pendingSecret: string | null }> {
    const row = await this.db.selectFrom('accounts').select(['totp_secret', 'totp_pending_secret']).where('id', '=', accountId).executeTakeFirstOrThrow();
    return { enabled: !!row.totp_secret, pendingSecret: row.totp_pending_secret };
  }

  async begin(accountId: number): Promise<string> {
    const secret = newTotpSecret();
    await this.db.updateTable('accounts').set({ totp_pending_secret: secret }).where('id', '=', accountId).execute();
    return secret;
  }

  async confirm(accountId: number, code: string, now = Date.now()): Promise<boolean> {
    const { pendingSecret } = await this.status(accountId);
    const step = pendingSecret ? verifyTotp(pendingSecret, code, now) : null;
    if (step === null) return false;
    await this.db.updateTable('accounts').set({ totp_secret: pendingSecret, totp_pending_secret: null, totp_last_step: step }).where('id', '=', accountId).execute();
    return true;
  }

  async disable(accountId: number, code: string, now = Date.now()): Promise<boolean> {
    const row = await this.db.selectFrom('accounts').select(['totp_secret']).where('id', '=', accountId).executeTakeFirstOrThrow();
    if (!row.totp_secret || verifyTotp(row.totp_secret, code, now) === null) return false;
    await this.db.updateTable('accounts').set({ totp_secret: null, totp_pending_secret: null }).where('id', '=', accountId).execute();
    return true;
  }
}
