import { BB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

/** Two municipalities with every module, the app's tokens and a news item in a category of Bad Belzig. */
export type PushFixture = {
  p: TestPlatform;
  /** App tokens (role app: what the mobile app ships), per tenant. */
  app: { bb: string; wb: string };
  newsItemId: number;
  categoryIds: number[];
};

/**
 * Without the demo content (pushes do not need it, and seeding it takes long on a shared
 * machine): bare tenants on the demo host names, records made through the API. `env`: further
 * configuration (e.g. the local Expo service's address).
 */
export async function startPushFixture(env?: Record<string, string>): Promise<PushFixture> {
  const p = await startTestPlatform({ seed: false, env });
  const enabledModules = p.modules.map((m) => m.name);
  await p.tenants.create({ slug: 'bad-belzig', name: 'Bad Belzig (Test)', enabledModules });
  await p.tenants.create({ slug: 'wiesenburg', name: 'Wiesenburg/Mark (Test)', enabledModules });
  const app = { bb: await p.tokenWithRole('bad-belzig', 'app'), wb: await p.tokenWithRole('wiesenburg', 'app') };
  const admin = await p.tokenWithRole('bad-belzig', 'admin');
  const create = async (title: string, category: string) => {
    const res = await p.gql(BB, `mutation($t: String!, $c: String!) { createNewsItem(title: $t, categoryName: $c, contentBlocks: [{title: $t, body: "<p>Text</p>"}]) { id categories { id } } }`, { t: title, c: category }, admin);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.createNewsItem as { id: string; categories: { id: string }[] };
  };
  const first = await create('Straßenfest am Samstag', 'Veranstaltungen');
  const second = await create('Neue Öffnungszeiten im Rathaus', 'Aus dem Rathaus');
  return { p, app, newsItemId: Number(first.id), categoryIds: [first, second].map((n) => Number(n.categories[0]!.id)) };
}

/** Stores a browser's subscription through the API in Bad Belzig and reads back its row, as the sender gets it. */
export async function storedSubscription(p: TestPlatform, sub: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  const stored = await p.http.inject({ method: 'POST', url: '/push/subscriptions', headers: { host: BB }, payload: sub });
  if (stored.statusCode !== 201) throw new Error(`subscribing: ${stored.statusCode} ${stored.body}`);
  const db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const row = await db.selectFrom('push_web_subscriptions').select(['endpoint', 'p256dh', 'auth']).where('endpoint', '=', sub.endpoint).executeTakeFirstOrThrow();
  return { db, row };
}
