import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { hashPassword } from '../../../core/auth/passwords.ts';
import type { Role } from '../../../core/auth/principal.ts';
import { studioAccount } from '../../push/tests/studio-accounts.ts';
import { studioClient } from '../../studio/tests/studio-client.ts';
import { Catalog } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';

export const NO_SERVICES = 'ohne-leistungen';
/** Bad Belzig's official regional key (ARS). */
export const BB_KEY = '120690020020';
export const PASSWORD = 'leistungen-studio-passwort';

export type Session = { cookie: string; csrf: string };
export type Sessions = Record<'admin' | 'editor' | 'reader' | 'author' | 'moderator' | 'wbAdmin' | 'noServicesAdmin', Session>;

/** A few services as ZuFi would deliver them, with life situations and an authority. */
export const zufiCatalog = Catalog.parse({
  categories: [
    { sourceId: 'c-familie', name: 'Familie und Kinder', position: 1 },
    { sourceId: 'c-geburt', parentSourceId: 'c-familie', name: 'Geburt' },
    { sourceId: 'c-wohnen', name: 'Wohnen', position: 2 },
  ],
  services: [
    { sourceId: 'z1', leikaKey: '99010004001000', name: 'Personalausweis beantragen', synonyms: ['Perso'], categorySourceIds: ['c-familie'] },
    { sourceId: 'z2', name: 'Meldebescheinigung beantragen' },
    { sourceId: 'z3', name: 'Hundesteuer anmelden' },
    { sourceId: 'z4', name: 'Gewerbe anmelden' },
    { sourceId: 'z5', name: 'Wohngeld beantragen', categorySourceIds: ['c-wohnen'] },
    { sourceId: 'z6', name: 'Baugenehmigung beantragen', categorySourceIds: ['c-wohnen'] },
  ],
  authorities: [
    { sourceId: 'a1', name: 'Bürgerbüro Bad Belzig' },
    { sourceId: 'a2', name: 'Landkreis Potsdam-Mittelmark, Bauordnungsamt' },
  ],
  responsibilities: [{ serviceSourceId: 'z1', authoritySourceId: 'a1', area: BB_KEY }],
});

/**
 * Bad Belzig and Wiesenburg with every module (Bad Belzig with its ARS and ZuFi services), a
 * tenant without the services module, and a logged-in studio session per role.
 */
export async function startServicesStudio(): Promise<{ p: TestPlatform; c: ReturnType<typeof studioClient>; s: Sessions; bbId: number; wbId: number }> {
  const p = await startTestPlatform({ seed: false });
  const all = p.modules.map((m) => m.name);
  await p.tenants.create({ slug: 'bad-belzig', name: 'Bad Belzig (Test)', officialKey: BB_KEY, enabledModules: all });
  await p.tenants.create({ slug: 'wiesenburg', name: 'Wiesenburg/Mark (Test)', enabledModules: all });
  await p.tenants.create({ slug: NO_SERVICES, name: 'Ohne Leistungen', enabledModules: all.filter((n) => n !== 'services') });
  const bbId = p.tenants.get('bad-belzig')!.id;
  const wbId = p.tenants.get('wiesenburg')!.id;
  await applyCatalog(p.database.forTenant(bbId), 'zufi', zufiCatalog);
  const c = studioClient(p, BB);
  const hash = await hashPassword(PASSWORD);
  const provider = await p.database.system.insertInto('data_providers').values({ tenant_id: bbId, name: 'Heimatverein' }).returning('id').executeTakeFirstOrThrow();
  const login = async (slug: string, role: Role, host = BB, providerId: number | null = null) => c.session(await studioAccount(p, slug, role, hash, providerId), PASSWORD, host);
  const s: Sessions = {
    admin: await login('bad-belzig', 'admin'),
    editor: await login('bad-belzig', 'editor'),
    reader: await login('bad-belzig', 'read_only'),
    author: await login('bad-belzig', 'data_provider', BB, provider.id),
    moderator: await login('bad-belzig', 'moderator'),
    wbAdmin: await login('wiesenburg', 'admin', WB),
    noServicesAdmin: await login(NO_SERVICES, 'admin', `${NO_SERVICES}.localhost`),
  };
  return { p, c, s, bbId, wbId };
}
