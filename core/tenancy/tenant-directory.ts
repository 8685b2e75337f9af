import { sql, type Kysely } from 'kysely';
import { validationError } from '../errors.ts';
import { type Tenant, type TenantChange, TenantChangeSchema, type TenantInput, localHostOf, tenantFromRow } from './tenant.ts';
import { insertTenant, TENANTS_CHANGED_CHANNEL } from './tenant-store.ts';

export { TENANTS_CHANGED_CHANNEL } from './tenant-store.ts';

/**
 * All tenants, held in memory (a deployment has hundreds, not millions) and reloaded when
 * any process changes one. Resolves the tenant of a request from its Host header.
 */
export class TenantDirectory {
  private byHost = new Map<string, Tenant>();
  private bySlug = new Map<string, Tenant>();
  private ordered: Tenant[] = [];
  private listeners: Array<() => void> = [];

  constructor(
    private readonly db: Kysely<any>,
    private readonly defaultSlug?: string,
  ) {}

  async reload(): Promise<void> {
    const rows = await this.db.selectFrom('tenants').selectAll().orderBy('id').execute();
    const tenants = rows.map(tenantFromRow);
    this.ordered = tenants;
    this.bySlug = new Map(tenants.map((t) => [t.slug, t]));
    this.byHost = new Map();
    for (const t of tenants) {
      this.byHost.set(localHostOf(t.slug), t);
      for (const d of t.domains) this.byHost.set(d, t);
    }
    for (const l of this.listeners) l();
  }

  /** Called after every reload (e.g. to drop cached responses built with a tenant's old modules). */
  onReload(listener: () => void): void {
    this.listeners.push(listener);
  }

  all(): Tenant[] {
    return this.ordered;
  }

  get(slug: string): Tenant | undefined {
    return this.bySlug.get(slug);
  }

  /** Host header → tenant; unknown hosts go to the default tenant, never to another one. */
  resolve(hostHeader: string | undefined): Tenant | undefined {
    const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    return this.byHost.get(host) ?? this.defaultTenant();
  }

  defaultTenant(): Tenant | undefined {
    if (this.defaultSlug) return this.bySlug.get(this.defaultSlug);
    return this.ordered[0];
  }

  /** A bare tenant row (demo seeding, tests); new municipalities go through TenantAdministration. */
  async create(input: TenantInput): Promise<Tenant> {
    const tenant = await this.db.transaction().execute((trx) => insertTenant(trx, input));
    await this.reload();
    return tenant;
  }

  /** Changes a tenant's modules or theme; every process reloads its directory (NOTIFY). */
  async update(id: number, change: TenantChange): Promise<Tenant> {
    const parsed = TenantChangeSchema.safeParse(change);
    if (!parsed.success) throw validationError(parsed.error.issues.map((i) => i.message).join('; '));
    const c = parsed.data;
    const row = await this.db
      .updateTable('tenants')
      .set({ ...(c.enabledModules ? { enabled_modules: c.enabledModules } : {}), ...(c.theme ? { theme: JSON.stringify(c.theme) } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw validationError(`There is no municipality with id ${id}.`);
    await this.changed();
    return tenantFromRow(row);
  }

  private async changed(): Promise<void> {
    await sql`SELECT pg_notify(${TENANTS_CHANGED_CHANNEL}, '')`.execute(this.db);
    await this.reload();
  }
}
