import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestPlatform, eventually, BB, WB, type TestPlatform } from '../../../test/harness.ts';
import { createPlatform, type Platform } from '../../../core/app.ts';
import { loadConfig } from '../../../core/config.ts';
import { listAudit } from '../../../core/audit/audit-log.ts';
import { TenantAdministration } from '../../../core/tenancy/tenant-administration.ts';
import { allModules } from '../../../server/modules.ts';
import { hiddenField, studioClient } from './studio-client.ts';

const PLATFORM = ['plattform@dorfplatz.demo', 'demo-platform-admin'] as const;
const NEW_HOST = 'app.musterstadt-havel.de';
/** publicJsonFile's content arrives as a JSON string (as from the mainserver). */
const json = (content: unknown) => (typeof content === 'string' ? JSON.parse(content) : content);

describe('platform admins create and edit municipalities (/studio/plattform)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const entries = (slug: string, action: string) => listAudit(p.database.forTenant(p.tenants.get(slug)!.id), { action });
  /** Rows that a refused creation must not leave behind. */
  const footprint = async () => {
    const n = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(p.database.system)).rows[0]!.n);
    return { tenants: await n('tenants'), accounts: await n('accounts'), memberships: await n('memberships'), staticContents: await n('static_contents'), audit: await n('audit_log'), resets: await n('password_resets') };
  };
  const form = (o: Record<string, string | string[]> = {}) => ({
    name: 'Musterstadt an der Havel',
    slug: '',
    schluessel: '120690000001',
    land: 'Brandenburg',
    domains: NEW_HOST,
    email: 'buergermeisterin@musterstadt-havel.de',
    adminName: 'Bea Bürgermeisterin',
    module: ['news', 'events', 'static-content', 'web-app'],
    ...o,
  });

  it('is refused on the server for everyone but platform admins, crafted posts included', async () => {
    assert.equal((await c.get('/studio/plattform')).statusCode, 303);
    const admin = await c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.doesNotMatch((await c.get('/studio', admin.cookie)).body, /\/studio\/plattform/, 'no link for tenant admins');
    const before = await footprint();
    for (const url of ['/studio/plattform', '/studio/plattform/neu', '/studio/plattform/wiesenburg/bearbeiten']) {
      const page = await c.get(url, admin.cookie);
      assert.equal(page.statusCode, 403, url);
      assert.match(page.body, /Nur Plattform-Administratorinnen/);
    }
    assert.equal((await c.post('/studio/plattform/neu', { ...form(), _csrf: admin.csrf }, admin.cookie)).statusCode, 403);
    assert.equal((await c.post('/studio/plattform/wiesenburg/bearbeiten', { ...form({ name: 'Gekapert' }), _csrf: admin.csrf }, admin.cookie)).statusCode, 403);
    assert.deepEqual(await footprint(), before);
    assert.equal(p.tenants.get('wiesenburg')!.name, 'Wiesenburg/Mark (Demo)');
  });

  it('refuses bad input and foreign or token-less posts with 400/403, keeps the input and writes nothing', async () => {
    const pa = await c.session(...PLATFORM);
    const before = await footprint();
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ slug: 'wiesenburg' }, /Die Kennung „wiesenburg“ ist schon vergeben/],
      [{ domains: `${NEW_HOST}\nbad-belzig.localhost` }, /Der Hostname „bad-belzig.localhost“ gehört schon zu einer anderen Kommune/],
      [{ schluessel: '1234' }, /8 Ziffern \(AGS\) oder 12 Ziffern \(ARS\)/],
      [{ schluessel: '12069000000x' }, /8 Ziffern \(AGS\)/],
      [{ domains: 'https://app.musterstadt-havel.de/' }, /„https:\/\/app.musterstadt-havel.de\/“ ist kein Hostname/],
      [{ email: 'keine-adresse' }, /gültige E-Mail-Adresse/],
      [{ land: 'Bayern-Nord' }, /16 Bundesländer/],
      [{ slug: 'Muster Stadt' }, /Kennung darf nur Kleinbuchstaben/],
      [{ name: '' }, /Namen der Kommune/],
      [{ module: ['news', 'raketenstart'] }, /nur angebotene Module/],
    ];
    for (const [change, message] of cases) {
      const res = await c.post('/studio/plattform/neu', { ...form(change), _csrf: pa.csrf }, pa.cookie);
      assert.equal(res.statusCode, 400, JSON.stringify(change));
      assert.match(res.body, message);
      if (!change.module) assert.match(res.body, /aria-invalid="true"/);
      if (change.name !== '') assert.match(res.body, /value="Musterstadt an der Havel"/, 'the form keeps the input');
      assert.match(res.body, /value="buergermeisterin@musterstadt-havel.de"|value="keine-adresse"/);
    }
    const csrf = await c.post('/studio/plattform/neu', { ...form(), _csrf: 'x'.repeat(43) }, pa.cookie);
    assert.equal(csrf.statusCode, 403);
    assert.match(csrf.body, /Formular ist abgelaufen/);
    assert.match(csrf.body, /value="Musterstadt an der Havel"/);
    const foreign = await c.post('/studio/plattform/neu', { ...form(), _csrf: pa.csrf }, pa.cookie, { origin: 'https://evil.example' });
    assert.equal(foreign.statusCode, 403);
    assert.equal((await c.post('/studio/plattform/neu', { _csrf: pa.csrf, module: 'x'.repeat(500) }, pa.cookie)).statusCode, 400);
    assert.deepEqual(await footprint(), before, 'nothing written');
  });

  it('rolls the whole creation back when a step after the tenant row fails', async () => {
    const before = await footprint();
    const by = { source: 'studio', accountId: null, actor: 'test', ip: '' } as const;
    await assert.rejects(
      p.tenants.create({ slug: 'wiesenburg', name: 'Doppelt' }),
      (err: any) => err.code === 'VALIDATION' && err.details.field === 'slug',
    );
    // The e-mail is checked by the account step, after the tenant row is written.
    const ta = new TenantAdministration(p.database, p.tenants, p.modules);
    await assert.rejects(ta.create({ slug: 'halb-angelegt', name: 'Halb angelegt', enabledModules: ['static-content'], firstAdmin: { email: 'kein at' } }, by), /not an e-mail address/);
    assert.deepEqual(await footprint(), before);
    assert.equal(p.tenants.get('halb-angelegt'), undefined);
  });

  it('creates a municipality usable at once: host, starter configuration, invited admin who sees nothing of the demos', async (t) => {
    // A second process on the same PostgreSQL hears of the new tenant by NOTIFY (PGlite serves one process).
    let other: Platform | undefined;
    if (p.databaseUrl) {
      other = await createPlatform(loadConfig({ DATA_DIR: p.dataDir, DATABASE_URL: p.databaseUrl, JOBS: 'off', LOG_LEVEL: 'silent' }), allModules);
      t.after(() => other!.close());
    }
    const pa = await c.session(...PLATFORM);
    assert.match((await c.get('/studio', pa.cookie)).body, /href="\/studio\/plattform"/, 'platform admins get the link');
    const list = await c.get('/studio/plattform', pa.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Bad Belzig \(Demo\)/);
    assert.match(list.body, /120690665665/);
    const blank = await c.get('/studio/plattform/neu', pa.cookie);
    assert.match(blank.body, /name="module" value="places" checked/, 'all modules preselected');
    assert.match(blank.body, /value="studio" checked="" disabled=""|value="studio" checked disabled/);

    const res = await c.post('/studio/plattform/neu', { ...form(), _csrf: hiddenField(blank.body) }, pa.cookie);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /„Musterstadt an der Havel“ ist angelegt/);
    const tenant = p.tenants.get('musterstadt-an-der-havel');
    assert.ok(tenant, 'slug suggested from the name');
    assert.deepEqual(tenant.domains, [NEW_HOST]);
    for (const m of ['news', 'events', 'static-content', 'web-app', 'studio', 'content-parts', 'categories', 'data-providers', 'media']) assert.ok(tenant.enabledModules.includes(m), m);
    assert.ok(!tenant.enabledModules.includes('places'));

    // The host resolves at once; GraphQL answers with the starter configuration and no demo content.
    const gs = await p.gql(NEW_HOST, '{ publicJsonFile(name: "globalSettings") { content } newsItems { id } eventRecords { id } }');
    const settings = json(gs.body.data.publicJsonFile.content);
    assert.equal(settings.sections.headlineNews, 'Aktuelles aus Musterstadt an der Havel');
    assert.equal(settings.mowas.regionalKeys[0].rs, '120690000001');
    assert.deepEqual(gs.body.data.newsItems, []);
    const tabs = json((await p.gql(NEW_HOST, '{ publicJsonFile(name: "tabNavigation") { content } }')).body.data.publicJsonFile.content).tabConfigs.map((x: any) => x.label);
    assert.deepEqual(tabs, ['Start', 'Service', 'Nachrichten', 'Termine', 'Menü']);
    const impressum = await p.gql(`musterstadt-an-der-havel.localhost`, '{ publicHtmlFile(name: "impressum") { content } }');
    assert.match(impressum.body.data.publicHtmlFile.content, /Herausgeber: Musterstadt an der Havel/);
    assert.doesNotMatch(JSON.stringify(gs.body), /Belzig|Wiesenburg/);
    // The web app's home screen data (the HTML needs the built app; the browser test covers it).
    const home = await p.http.inject({ method: 'GET', url: '/_data/', headers: { host: NEW_HOST } });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Willkommen in der App von Musterstadt an der Havel/);
    assert.doesNotMatch(home.body, /Belzig|Wiesenburg/);
    if (other) {
      assert.ok(await eventually(async () => other!.tenants.get('musterstadt-an-der-havel') !== undefined, 5000), 'second process reloaded');
      const there = await other.http.inject({ method: 'POST', url: '/graphql', headers: { host: NEW_HOST, 'content-type': 'application/json' }, payload: { query: '{ publicJsonFile(name: "globalSettings") { content } }' } });
      assert.equal(json(there.json().data.publicJsonFile.content).sections.headlineNews, 'Aktuelles aus Musterstadt an der Havel');
    }

    // Audited in the new municipality's log and in the log of the host the platform admin acted on.
    const [here] = await entries('bad-belzig', 'studio:tenant.create');
    assert.equal(here?.actor, 'plattform@dorfplatz.demo');
    assert.equal(here?.targetId, String(tenant.id));
    assert.equal((await entries('musterstadt-an-der-havel', 'studio:tenant.create')).length, 1);
    assert.equal((await entries('musterstadt-an-der-havel', 'studio:account.invite'))[0]?.detail.email, 'buergermeisterin@musterstadt-havel.de');
    assert.equal((await entries('wiesenburg', 'studio:tenant.create')).length, 0);

    // The invitation links to the new host; the admin sets a password there and logs in.
    const mailbox = (await c.get('/studio/postfach', '', NEW_HOST)).body;
    const link = new RegExp(`http://${NEW_HOST.replace(/\./g, '\\.')}/studio/passwort-neu\\?token=([A-Za-z0-9_-]+)`).exec(mailbox);
    assert.ok(link, 'invitation with a set-password link on the new host');
    assert.match(mailbox, /Einladung ins Studio – Musterstadt an der Havel/);
    const set = await c.submit(`/studio/passwort-neu?token=${link[1]}`, '/studio/passwort-neu', { token: link[1]!, password: 'beas-langes-passwort', repeat: 'beas-langes-passwort' }, { host: NEW_HOST });
    assert.equal(set.statusCode, 303);
    const bea = await c.session('buergermeisterin@musterstadt-havel.de', 'beas-langes-passwort', NEW_HOST);
    const start = await c.get('/studio', bea.cookie, NEW_HOST);
    assert.match(start.body, /Musterstadt an der Havel · Studio/);
    assert.match(start.body, /der Rolle „Administration“/);
    assert.doesNotMatch(start.body, /\/studio\/plattform/);
    const staff = await c.get('/studio/konten', bea.cookie, NEW_HOST);
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /buergermeisterin@musterstadt-havel.de/);
    assert.doesNotMatch(staff.body, /bad-belzig|wiesenburg|plattform@/);
    const content = await c.get('/studio/inhalte/news', bea.cookie, NEW_HOST);
    assert.doesNotMatch(content.body, /Belzig|Wiesenburg/);
    assert.equal((await c.get('/studio/plattform', bea.cookie, NEW_HOST)).statusCode, 403);
    // Her account has no role in the demo municipalities.
    assert.equal((await c.login('buergermeisterin@musterstadt-havel.de', 'beas-langes-passwort', { host: WB })).session, null);
  });

  it('edits name, key, state and domains; new hosts resolve at once, taken ones are refused', async () => {
    const pa = await c.session(...PLATFORM, WB);
    const edit = await c.get('/studio/plattform/musterstadt-an-der-havel/bearbeiten', pa.cookie, WB);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="120690000001"/);
    assert.equal((await c.get('/studio/plattform/gibt-es-nicht/bearbeiten', pa.cookie, WB)).statusCode, 404);
    const fields = { _csrf: pa.csrf, name: 'Musterstadt (Havel)', schluessel: '12069001', land: 'Brandenburg' };
    const taken = await c.post('/studio/plattform/musterstadt-an-der-havel/bearbeiten', { ...fields, domains: 'wiesenburg.localhost' }, pa.cookie, {}, WB);
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /„wiesenburg.localhost“ gehört schon/);
    assert.match(taken.body, /value="Musterstadt \(Havel\)"/);
    const saved = await c.post('/studio/plattform/musterstadt-an-der-havel/bearbeiten', { ...fields, domains: `${NEW_HOST}\nwww.musterstadt-havel.de` }, pa.cookie, {}, WB);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.match(saved.body, /sind gespeichert/);
    const tenant = p.tenants.get('musterstadt-an-der-havel')!;
    assert.equal(tenant.name, 'Musterstadt (Havel)');
    assert.equal(tenant.officialKey, '12069001');
    assert.equal((await p.gql('www.musterstadt-havel.de', '{ publicHtmlFile(name: "impressum") { content } }')).body.data.publicHtmlFile.content.includes('Musterstadt an der Havel'), true);
    const [update] = await entries('musterstadt-an-der-havel', 'studio:tenant.update');
    assert.deepEqual(update?.detail.changed, ['name', 'officialKey', 'domains']);
    assert.equal((await entries('wiesenburg', 'studio:tenant.update')).length, 1, 'also in the acting host’s log');
  });
});
