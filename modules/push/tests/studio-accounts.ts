import type { TestPlatform } from '../../../test/harness.ts';
import { ensureAccount, setMembership } from '../../../core/auth/credentials.ts';
import type { Role } from '../../../core/auth/principal.ts';

/**
 * A studio account with a role in a tenant of the push fixture (which has no demo accounts).
 * `passwordHash`: made once per suite, as hashing is slow on purpose. Returns the e-mail.
 */
export async function studioAccount(p: TestPlatform, slug: string, role: Role, passwordHash: string, dataProviderId: number | null = null): Promise<string> {
  const email = `${role}-${slug}@push-studio.test`;
  const accountId = await ensureAccount(p.database.system, { email, name: role });
  await p.database.system.updateTable('accounts').set({ password_hash: passwordHash }).where('id', '=', accountId).execute();
  await setMembership(p.database.system, { accountId, tenantId: p.tenants.get(slug)!.id, role, dataProviderId });
  return email;
}
