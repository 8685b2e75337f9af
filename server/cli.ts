import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { createPlatform, type Platform } from '../core/app.ts';
import { createApplication, ensureAccount, setMembership } from '../core/auth/credentials.ts';
import { ROLES, type Role } from '../core/auth/principal.ts';
import { AppError } from '../core/errors.ts';
import { TenantAdministration } from '../core/tenancy/tenant-administration.ts';
import type { TenantInput } from '../core/tenancy/tenant.ts';
import { allModules } from './modules.ts';
import { seedDemoIfEmpty } from './demo/seed-demo.ts';

const usage = `Dorfplatz administration — npm run cli -- <command> [options]

  tenant:create  --slug bad-belzig --name "Bad Belzig" [--official-key 120690017017] [--state Brandenburg]
                 [--domain app.bad-belzig.de ...] [--modules news,static-content]   (default: all modules)
                 writes a starter configuration with the name (as /studio/plattform does)
  tenant:list
  account:create --tenant <slug> --email <e-mail> --role <${ROLES.join('|')}> [--name "…"] [--data-provider <id>]
                 [--platform-admin]
  app:create     --tenant <slug> --email <owner e-mail> --name "XML-Importer"
                 prints client_id and client_secret (shown once; only a hash is stored)
  seed:demo      seeds the demo municipalities into an empty database

With the embedded database (no DATABASE_URL), stop the server first: one process at a time opens DATA_DIR.`;

const options = {
  slug: { type: 'string' },
  name: { type: 'string' },
  'official-key': { type: 'string' },
  state: { type: 'string' },
  domain: { type: 'string', multiple: true },
  modules: { type: 'string' },
  tenant: { type: 'string' },
  email: { type: 'string' },
  role: { type: 'string' },
  'data-provider': { type: 'string' },
  'platform-admin': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function need(values: Values, key: keyof Values): string {
  const v = values[key];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('VALIDATION', `--${key} is required.`);
  return v;
}

function tenantOf(platform: Platform, slug: string) {
  const t = platform.tenants.get(slug);
  if (!t) throw new AppError('NOT_FOUND', `No municipality with the slug "${slug}". See: npm run cli -- tenant:list`);
  return t;
}

const commands: Record<string, (p: Platform, v: Values) => Promise<string>> = {
  async 'tenant:create'(p, v) {
    const admin = new TenantAdministration(p.database, p.tenants, p.modules);
    const enabledModules = v.modules ? v.modules.split(',').map((s) => s.trim()).filter(Boolean) : p.modules.map((m) => m.name);
    const input = { slug: need(v, 'slug'), name: need(v, 'name'), officialKey: v['official-key'] ?? '', state: (v.state ?? '') as TenantInput['state'], domains: v.domain ?? [], enabledModules };
    const { tenant: t } = await admin.create(input, { source: 'cli', accountId: null, actor: 'cli', ip: '' });
    return `Created municipality ${t.name} (slug ${t.slug}, id ${t.id}); modules: ${t.enabledModules.join(', ')}.\nLocal URL: http://${t.slug}.localhost:${p.config.port}/graphql`;
  },
  async 'tenant:list'(p) {
    const rows = p.tenants.all().map((t) => `${String(t.id).padStart(4)}  ${t.slug.padEnd(24)} ${t.name}  [${t.domains.join(', ')}]`);
    return rows.length ? rows.join('\n') : 'No municipalities yet.';
  },
  async 'account:create'(p, v) {
    const tenant = tenantOf(p, need(v, 'tenant'));
    const role = need(v, 'role') as Role;
    if (!ROLES.includes(role)) throw new AppError('VALIDATION', `--role must be one of ${ROLES.join(', ')}.`);
    const dataProvider = v['data-provider'] ? Number(v['data-provider']) : null;
    if (dataProvider !== null && !Number.isInteger(dataProvider)) throw new AppError('VALIDATION', '--data-provider must be a data provider id.');
    const accountId = await ensureAccount(p.database.system, { email: need(v, 'email'), name: v.name, platformAdmin: v['platform-admin'] });
    await setMembership(p.database.system, { accountId, tenantId: tenant.id, role, dataProviderId: dataProvider });
    return `Account ${v.email} is ${role} in ${tenant.name}${v['platform-admin'] ? ' and a platform admin' : ''}.`;
  },
  async 'app:create'(p, v) {
    const tenant = tenantOf(p, need(v, 'tenant'));
    const owner = await p.database.system
      .selectFrom('accounts')
      .innerJoin('memberships', 'memberships.account_id', 'accounts.id')
      .select('accounts.id')
      .where((eb) => eb(eb.fn('lower', ['accounts.email']), '=', need(v, 'email').toLowerCase()))
      .where('memberships.tenant_id', '=', tenant.id)
      .executeTakeFirst();
    if (!owner) throw new AppError('NOT_FOUND', `${v.email} has no role in ${tenant.name}; create it with account:create first.`);
    const app = await createApplication(p.database.system, { tenantId: tenant.id, ownerAccountId: owner.id, name: need(v, 'name') });
    return `OAuth application "${v.name}" for ${tenant.name}:\n  client_id:     ${app.clientId}\n  client_secret: ${app.clientSecret}\n(The secret is shown only now.)`;
  },
  async 'seed:demo'(p) {
    return (await seedDemoIfEmpty(p)) ? 'Seeded the demo municipalities.' : 'The database has municipalities already; nothing seeded.';
  },
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
  const command = commands[positionals[0] ?? ''] as ((p: Platform, v: Values) => Promise<string>) | undefined;
  if (!command || values.help) {
    process.stdout.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const platform = await createPlatform(loadConfig({ ...process.env, JOBS: 'off', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }), allModules);
  try {
    process.stdout.write(`${await command(platform, values)}\n`);
    return 0;
  } finally {
    await platform.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof AppError || err?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? err.message : `Failed: ${err?.message ?? err}`}\n`);
    process.exit(1);
  },
);
