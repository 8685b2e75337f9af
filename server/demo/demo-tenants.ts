import type { Role } from '../../core/auth/principal.ts';
import type { TenantInput } from '../../core/tenancy/tenant.ts';

/** A demo account: an API client (clientId/secret), a studio login (password), or both. */
export type DemoAccount = { email: string; name: string; role: Role; dataProviderKey?: string; clientId?: string; clientSecret?: string; password?: string };
export type DemoTenant = TenantInput & { accounts: DemoAccount[] };

/**
 * The demo municipalities and their fixed credentials (listed in the README). Only for a demo:
 * a real deployment creates tenants and applications with the CLI, which makes random secrets.
 */
export const demoTenants: DemoTenant[] = [
  {
    slug: 'bad-belzig',
    name: 'Bad Belzig (Demo)',
    officialKey: '120690017017',
    state: 'Brandenburg',
    domains: ['bad-belzig.localhost'],
    theme: { primaryColor: '#1b5e7a', secondaryColor: '#c0392b' },
    accounts: [
      { email: 'app@bad-belzig.demo', name: 'Bad Belzig App', role: 'app', clientId: 'bad-belzig-app', clientSecret: 'demo-app-secret-bad-belzig' },
      { email: 'redaktion@bad-belzig.demo', name: 'Redaktion Bad Belzig', role: 'admin', clientId: 'bad-belzig-admin', clientSecret: 'demo-admin-secret-bad-belzig', password: 'demo-studio-admin' },
      { email: 'editor@bad-belzig.demo', name: 'Erika Editor', role: 'editor', password: 'demo-studio-editor' },
      { email: 'autorin@bad-belzig.demo', name: 'Anna Autorin (Stadtverwaltung)', role: 'data_provider', dataProviderKey: 'stadtverwaltung', password: 'demo-studio-author' },
      { email: 'moderation@bad-belzig.demo', name: 'Max Moderator', role: 'moderator', password: 'demo-studio-moderator' },
      { email: 'lesen@bad-belzig.demo', name: 'Lea Lesend', role: 'read_only', password: 'demo-studio-readonly' },
      {
        email: 'import@bad-belzig.demo',
        name: 'Importer Stadtverwaltung',
        role: 'data_provider',
        dataProviderKey: 'stadtverwaltung',
        clientId: 'bad-belzig-importer',
        clientSecret: 'demo-importer-secret-bad-belzig',
      },
    ],
  },
  {
    slug: 'wiesenburg',
    name: 'Wiesenburg/Mark (Demo)',
    officialKey: '120690665665',
    state: 'Brandenburg',
    domains: ['wiesenburg.localhost'],
    theme: { primaryColor: '#2e7d32', secondaryColor: '#6d4c41' },
    accounts: [
      { email: 'app@wiesenburg.demo', name: 'Wiesenburg App', role: 'app', clientId: 'wiesenburg-app', clientSecret: 'demo-app-secret-wiesenburg' },
      { email: 'redaktion@wiesenburg.demo', name: 'Redaktion Wiesenburg', role: 'admin', clientId: 'wiesenburg-admin', clientSecret: 'demo-admin-secret-wiesenburg', password: 'demo-studio-admin' },
    ],
  },
];

/** The demo's platform admin: no role in a municipality, logs in on every host and manages them all (/studio/plattform). */
export const demoPlatformAdmin = { email: 'plattform@dorfplatz.demo', name: 'Plattform-Administration (Demo)', password: 'demo-platform-admin' };
