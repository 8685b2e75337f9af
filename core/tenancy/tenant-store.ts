import { sql, type Kysely } from 'kysely';
import { validationError } from '../errors.ts';
import { type Tenant, type TenantInput, TenantInputSchema, type TenantUpdate, TenantUpdateSchema, localHostOf, tenantFromRow } from './tenant.ts';

/** NOTIFY channel on which processes learn that tenants changed. */
export const TENANTS_CHANGED_CHANNEL = 'dorfplatz_tenants_changed';

/**
 * Writes of the tenants table, always inside the caller's transaction (system database). The
 * table is locked against other tenant writers first, so two processes cannot both take a
 * slug or a host; the NOTIFY is delivered at commit, when every process reloads its directory.
 */

const issuesOf = (issues: { message: string; path: PropertyKey[] }[]) =>
  validationError(issues.map((i) => i.message).join('; '), { field: String(issues[0]?.path[0] ?? '') });

async function lockTenants(trx: Kysely<any>): Promise<void> {
  await sql`LOCK TABLE tenants IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
}

/** Refuses hosts another tenant answers on (its domains or its slug's local host). */
async function assertHostsFree(trx: Kysely<any>, hosts: string[], exceptId: number | null, field: 'slug' | 'domains' = 'domains'): Promise<void> {
  const others = await trx.selectFrom('tenants').select(['id', 'slug', 'name', 'domains']).execute();
  for (const o of others) {
    if (o.id === exceptId) continue;
    const taken = hosts.find((h) => h === localHostOf(o.slug) || (o.domains as string[]).includes(h));
    if (taken) throw validationError(`The host "${taken}" belongs to the municipality "${o.name}" already.`, { field, value: field === 'slug' ? taken.replace(/\.localhost$/, '') : taken });
  }
}

export async function insertTenant(trx: Kysely<any>, input: TenantInput): Promise<Tenant> {
  const parsed = TenantInputSchema.safeParse(input);
  if (!parsed.success) throw issuesOf(parsed.error.issues);
  const t = parsed.data;
  await lockTenants(trx);
  const existing = await trx.selectFrom('tenants').select('id').where('slug', '=', t.slug).executeTakeFirst();
  if (existing) throw validationError(`A municipality with the slug "${t.slug}" exists already.`, { field: 'slug', value: t.slug });
  await assertHostsFree(trx, [localHostOf(t.slug)], null, 'slug');
  await assertHostsFree(trx, t.domains, null);
  const row = await trx
    .insertInto('tenants')
    .values({ slug: t.slug, name: t.name, official_key: t.officialKey, state: t.state, domains: t.domains, enabled_modules: t.enabledModules, theme: JSON.stringify(t.theme) })
    .returningAll()
    .executeTakeFirstOrThrow();
  await sql`SELECT pg_notify(${TENANTS_CHANGED_CHANNEL}, '')`.execute(trx);
  return tenantFromRow(row);
}

export async function updateTenant(trx: Kysely<any>, id: number, update: TenantUpdate): Promise<Tenant> {
  const parsed = TenantUpdateSchema.safeParse(update);
  if (!parsed.success) throw issuesOf(parsed.error.issues);
  const u = parsed.data;
  await lockTenants(trx);
  await assertHostsFree(trx, u.domains, id);
  const row = await trx
    .updateTable('tenants')
    .set({ name: u.name, official_key: u.officialKey, state: u.state, domains: u.domains, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw validationError(`There is no municipality with the id ${id}.`, { field: 'id' });
  await sql`SELECT pg_notify(${TENANTS_CHANGED_CHANNEL}, '')`.execute(trx);
  return tenantFromRow(row);
}
