import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { actAsTenantUntilCommit } from '../db/session-context.ts';
import { AccountDirectory } from '../auth/account-directory.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { validationError } from '../errors.ts';
import type { ModuleManifest } from '../registry/manifest.ts';
import { withDependencies } from '../registry/registry.ts';
import type { TenantDirectory } from './tenant-directory.ts';
import type { Tenant, TenantInput, TenantUpdate } from './tenant.ts';
import { insertTenant, updateTenant } from './tenant-store.ts';

/** Who acts (platform admin in the studio, or the CLI) and from which tenant's host. */
export type TenantAdminActor = {
  source: 'studio' | 'cli';
  accountId: number | null;
  actor: string;
  ip: string;
  /** The tenant whose host the action came from; its log gets the entry too. */
  fromTenantId?: number;
};

export type NewTenant = TenantInput & { firstAdmin?: { email: string; name?: string } };
export type Created = { tenant: Tenant; invitation: { accountId: number; token: string | null } | null };

/**
 * Creating and changing municipalities — the one path for the CLI and the studio's platform
 * pages. A creation is one transaction: the tenant row, its first admin (invited with a one-time
 * link), each enabled module's starter records and the audit entries; a refusal leaves nothing.
 */
export class TenantAdministration {
  constructor(
    private readonly database: Database,
    readonly directory: TenantDirectory,
    private readonly modules: ModuleManifest[],
  ) {}

  /** The wanted modules with their dependencies; unknown names are refused. */
  modulesFor(wanted: string[]): string[] {
    const unknown = wanted.filter((w) => !this.modules.some((m) => m.name === w));
    if (unknown.length) throw validationError(`Unknown modules: ${unknown.join(', ')}. Known: ${this.modules.map((m) => m.name).join(', ')}.`, { field: 'enabledModules' });
    return withDependencies(this.modules, wanted);
  }

  async create(input: NewTenant, by: TenantAdminActor): Promise<Created> {
    const { firstAdmin, ...tenantInput } = input;
    const enabledModules = this.modulesFor(tenantInput.enabledModules ?? []);
    const created = await this.database.system.transaction().execute(async (trx): Promise<Created> => {
      const tenant = await insertTenant(trx, { ...tenantInput, enabledModules });
      const invitation = firstAdmin ? await new AccountDirectory(trx).invite(tenant.id, { email: firstAdmin.email, name: firstAdmin.name ?? '', role: 'admin', dataProviderId: null }) : null;
      const entry = { action: `${by.source}:tenant.create`, targetType: 'tenant', targetId: String(tenant.id), detail: { slug: tenant.slug, name: tenant.name, domains: tenant.domains, modules: tenant.enabledModules, firstAdmin: firstAdmin?.email ?? null } };
      if (by.fromTenantId && by.fromTenantId !== tenant.id) await audit(trx, by, by.fromTenantId, entry);
      // From here on as the new tenant: starters see and write its rows only.
      await actAsTenantUntilCommit(trx, tenant.id);
      for (const m of this.modules) if (m.starter && tenant.enabledModules.includes(m.name)) await m.starter({ tenant, db: trx });
      await audit(trx, by, tenant.id, entry);
      if (invitation) await audit(trx, by, tenant.id, { action: `${by.source}:account.invite`, targetType: 'account', targetId: String(invitation.accountId), detail: { email: firstAdmin!.email, role: 'admin' } });
      return { tenant, invitation };
    });
    await this.directory.reload();
    return created;
  }

  /** Name, key, state and domains; audited in the changed tenant's log (and the acting one's). */
  async update(id: number, update: TenantUpdate, by: TenantAdminActor): Promise<Tenant> {
    const tenant = await this.database.system.transaction().execute(async (trx) => {
      const before = this.directory.all().find((t) => t.id === id);
      const after = await updateTenant(trx, id, update);
      const changed = (['name', 'officialKey', 'state', 'domains'] as const).filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after[k]));
      const entry = { action: `${by.source}:tenant.update`, targetType: 'tenant', targetId: String(id), detail: { slug: after.slug, changed, name: after.name, domains: after.domains } };
      if (by.fromTenantId && by.fromTenantId !== id) await audit(trx, by, by.fromTenantId, entry);
      await audit(trx, by, id, entry);
      return after;
    });
    await this.directory.reload();
    return tenant;
  }
}

type Entry = { action: string; targetType: string; targetId: string; detail: Record<string, unknown> };
const audit = (trx: Kysely<any>, by: TenantAdminActor, tenantId: number, e: Entry) => recordAudit(trx, { tenantId, accountId: by.accountId, actor: by.actor, ip: by.ip, ...e });
