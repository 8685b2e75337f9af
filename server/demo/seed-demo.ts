import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Platform } from '../../core/app.ts';
import { createApplication, ensureAccount, setMembership } from '../../core/auth/credentials.ts';
import { hashPassword } from '../../core/auth/passwords.ts';
import type { Tenant } from '../../core/tenancy/tenant.ts';
import { dataProviderIdsByKey } from '../../modules/data-providers/seed.ts';
import { demoPlatformAdmin, demoTenants, type DemoTenant } from './demo-tenants.ts';

const modulesRoot = fileURLToPath(new URL('../../modules/', import.meta.url));

/** Runs every enabled module's seed for one tenant, in dependency order, in one transaction. */
export async function seedTenantContent(platform: Platform, tenant: Tenant): Promise<void> {
  await platform.database
    .forTenant(tenant.id)
    .transaction()
    .execute(async (db) => {
      for (const m of platform.modules) {
        if (!m.seed || !tenant.enabledModules.includes(m.name)) continue;
        await m.seed({ tenant, db, seedDir: path.join(modulesRoot, m.name, 'seed'), mediaDir: path.join(platform.mediaDir, 'demo'), mediaUrl: '/media/demo' });
      }
    });
}

const setPassword = async (db: Platform['database']['system'], accountId: number, password: string) =>
  db.updateTable('accounts').set({ password_hash: await hashPassword(password) }).where('id', '=', accountId).execute();

async function seedTenant(platform: Platform, demo: DemoTenant): Promise<void> {
  const { accounts, ...input } = demo;
  const tenant = await platform.tenants.create({ ...input, enabledModules: platform.modules.map((m) => m.name) });
  await seedTenantContent(platform, tenant);
  const db = platform.database.system;
  const providerIds = await platform.database
    .forTenant(tenant.id)
    .transaction()
    .execute((trx) => dataProviderIdsByKey({ tenant, db: trx, seedDir: path.join(modulesRoot, 'data-providers', 'seed'), mediaDir: '', mediaUrl: '' }));
  for (const a of accounts) {
    const accountId = await ensureAccount(db, { email: a.email, name: a.name });
    await setMembership(db, { accountId, tenantId: tenant.id, role: a.role, dataProviderId: a.dataProviderKey ? (providerIds.get(a.dataProviderKey) ?? null) : null });
    if (a.clientId) await createApplication(db, { tenantId: tenant.id, ownerAccountId: accountId, name: `${a.name} (Demo)`, uid: a.clientId, secret: a.clientSecret });
    if (a.password) await setPassword(db, accountId, a.password);
  }
}

/** Seeds the demo municipalities into an empty database; does nothing when tenants exist. */
export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  if (platform.tenants.all().length > 0) return false;
  for (const demo of demoTenants) await seedTenant(platform, demo);
  const db = platform.database.system;
  const adminId = await ensureAccount(db, { email: demoPlatformAdmin.email, name: demoPlatformAdmin.name, platformAdmin: true });
  await setPassword(db, adminId, demoPlatformAdmin.password);
  return true;
}
