import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, WB, type TestPlatform } from '../../../test/harness.ts';
import type { studioClient } from '../../studio/tests/studio-client.ts';
import { NO_SERVICES, startServicesStudio, type Session, type Sessions } from './studio-fixture.ts';

const BASE = '/studio/verwaltungsleistungen';

describe('studio: administrative services overview (/studio/verwaltungsleistungen)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  let s: Sessions;
  let bbId: number;

  before(async () => {
    ({ p, c, s, bbId } = await startServicesStudio());
  });
  after(() => p?.close());

  const db = () => p.database.forTenant(bbId);
  const idOf = async (name: string) => (await db().selectFrom('ozg_services').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id as number;
  const row = async (id: number) => db().selectFrom('ozg_services').select(['hidden', 'pinned', 'top_position']).where('id', '=', id).executeTakeFirstOrThrow();
  const act = (who: Session, id: number, form: Record<string, string>, host = BB) => c.post(`${BASE}/${id}/redaktion`, { _csrf: who.csrf, ...form }, who.cookie, {}, host);
  const topList = async () =>
    (await db().selectFrom('ozg_services').select(['name', 'top_position']).where('top_position', 'is not', null).orderBy('top_position').execute()).map((r) => `${r.top_position}:${r.name}`);
  const auditCount = async (action: string) => (await p.database.system.selectFrom('audit_log').select('id').where('action', '=', action).where('tenant_id', '=', bbId).execute()).length;

  it('lists the services by name with search, source and state filters, and pages', async () => {
    const page = await c.get(BASE, s.reader.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Verwaltungsleistungen<\/h1>/);
    assert.match(page.body, /href="\/studio\/verwaltungsleistungen" aria-current="page"/, 'the navigation names the section');
    const names = [...page.body.matchAll(/<th scope="row"><a href="\/studio\/verwaltungsleistungen\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(names, ['Baugenehmigung beantragen', 'Gewerbe anmelden', 'Hundesteuer anmelden', 'Meldebescheinigung beantragen', 'Personalausweis beantragen', 'Wohngeld beantragen']);
    assert.match(page.body, /<td>ZuFi \(BUS-BB\)<\/td><td>99010004001000<\/td>/);
    assert.doesNotMatch(page.body, /method="post" action="\/studio\/verwaltungsleistungen/, 'read-only accounts get no forms');
    assert.doesNotMatch(page.body, /href="\/studio\/verwaltungsleistungen\/neu"/);
    assert.doesNotMatch(page.body, /href="\/studio\/verwaltungsleistungen\/anbieter"/, 'only admins see the provider settings');

    const found = await c.get(`${BASE}?q=${encodeURIComponent('ANMELD')}`, s.reader.cookie);
    assert.match(found.body, /2 Leistungen/);
    assert.match(found.body, />Gewerbe anmelden</);
    assert.doesNotMatch(found.body, />Wohngeld beantragen</);
    assert.match((await c.get(`${BASE}?q=100%25`, s.reader.cookie)).body, /Keine Leistungen gefunden/, 'LIKE wildcards are searched as text');
    assert.match((await c.get(`${BASE}?quelle=manual`, s.reader.cookie)).body, /Keine Leistungen gefunden/);
    assert.match((await c.get(`${BASE}?quelle=zufi&status=quatsch&seite=-3`, s.reader.cookie)).body, /6 Leistungen · Seite 1 von 1/, 'odd filters fall back');

    await db()
      .insertInto('ozg_services')
      .values(Array.from({ length: 30 }, (_, i) => ({ source: 'file', source_id: `f${i}`, name: `Zusatzleistung ${String(i).padStart(2, '0')}`, content_hash: 'x' })))
      .execute();
    const first = await c.get(`${BASE}?quelle=file`, s.reader.cookie);
    assert.match(first.body, /30 Leistungen · Seite 1 von 2/);
    assert.match(first.body, /href="\/studio\/verwaltungsleistungen\?quelle=file&amp;seite=2"/);
    const second = await c.get(`${BASE}?quelle=file&seite=2`, s.reader.cookie);
    assert.match(second.body, />Zusatzleistung 29</);
    assert.doesNotMatch(second.body, />Zusatzleistung 00</);
    await db().deleteFrom('ozg_services').where('source', '=', 'file').execute();
  });

  it('hides, shows, pins and unpins a service (POST with the token), back to the same filters, audited', async () => {
    const id = await idOf('Hundesteuer anmelden');
    const back = `${BASE}?q=Hund`;
    const res = await act(s.editor, id, { action: 'hide', zurueck: back });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `${BASE}?q=Hund&hinweis=hide`);
    assert.deepEqual(await row(id), { hidden: true, pinned: false, top_position: null });
    const page = await c.get(String(res.headers.location), s.editor.cookie);
    assert.match(page.body, /role="status"><p>Die Leistung ist ausgeblendet; die App zeigt sie nicht mehr\./);
    assert.match(page.body, /<td>ausgeblendet<\/td>/);
    assert.match(page.body, /Einblenden<span class="visually-hidden">: Hundesteuer anmelden<\/span>/);
    assert.match(page.body, /name="zurueck" value="\/studio\/verwaltungsleistungen\?q=Hund"/, 'the forms lead back to these filters');
    assert.match((await c.get(`${BASE}?status=hidden`, s.editor.cookie)).body, /1 Leistungen/);

    assert.equal((await act(s.editor, id, { action: 'pin' })).statusCode, 303);
    assert.equal((await act(s.editor, id, { action: 'show' })).statusCode, 303);
    assert.deepEqual(await row(id), { hidden: false, pinned: true, top_position: null });
    assert.match((await c.get(`${BASE}?status=pinned`, s.editor.cookie)).body, />Hundesteuer anmelden<\/a><\/th><td>[^<]+<\/td><td>–<\/td><td>sichtbar<span class="badge">hervorgehoben<\/span>/);
    assert.equal((await act(s.admin, id, { action: 'unpin', zurueck: 'https://evil.example/' })).headers.location, `${BASE}?hinweis=unpin`, 'never back to another address');
    assert.deepEqual(await row(id), { hidden: false, pinned: false, top_position: null });
    const audit = await p.database.system.selectFrom('audit_log').selectAll().where('action', '=', 'studio:services.hide').executeTakeFirstOrThrow();
    assert.equal(audit.target_id, String(id));
    assert.equal(audit.actor, 'editor-bad-belzig@push-studio.test');
    assert.equal(await auditCount('studio:services.pin'), 1);
  });

  it('sets the top list: a free place, a new service pushing others down, a move within the list, taking one out', async () => {
    const [perso, melde, hund, gewerbe, wohngeld] = await Promise.all(['Personalausweis beantragen', 'Meldebescheinigung beantragen', 'Hundesteuer anmelden', 'Gewerbe anmelden', 'Wohngeld beantragen'].map(idOf));
    const place = (who: Session, id: number, position: string) => act(who, id, { action: 'top', position });
    assert.equal((await place(s.editor, perso!, '1')).statusCode, 303);
    assert.equal((await place(s.editor, melde!, '2')).statusCode, 303);
    assert.equal((await place(s.editor, hund!, '4')).statusCode, 303);
    assert.deepEqual(await topList(), ['1:Personalausweis beantragen', '2:Meldebescheinigung beantragen', '4:Hundesteuer anmelden']);
    // New on an occupied place: the others move one place down, up to the free place 3.
    assert.equal((await place(s.editor, gewerbe!, '1')).statusCode, 303);
    assert.deepEqual(await topList(), ['1:Gewerbe anmelden', '2:Personalausweis beantragen', '3:Meldebescheinigung beantragen', '4:Hundesteuer anmelden']);
    // A move within the list: those between move one step towards the freed place.
    const moved = await place(s.admin, hund!, '2');
    assert.equal(moved.headers.location, `${BASE}?hinweis=top`);
    assert.deepEqual(await topList(), ['1:Gewerbe anmelden', '2:Hundesteuer anmelden', '3:Personalausweis beantragen', '4:Meldebescheinigung beantragen']);
    assert.equal((await place(s.admin, gewerbe!, '4')).statusCode, 303);
    assert.deepEqual(await topList(), ['1:Hundesteuer anmelden', '2:Personalausweis beantragen', '3:Meldebescheinigung beantragen', '4:Gewerbe anmelden']);
    const audit = await p.database.system.selectFrom('audit_log').select('detail').where('action', '=', 'studio:services.top').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(audit.detail.position, 4);
    assert.equal(audit.detail.moves.length, 4);

    // The page shows the list in order.
    const page = await c.get(BASE, s.reader.cookie);
    const top = page.body.slice(page.body.indexOf('Top 10 in der Reihenfolge der App'), page.body.indexOf('Alle Leistungen</h2>'));
    assert.deepEqual([...top.matchAll(/<tr><td>(\d+)<\/td><th scope="row"><a [^>]+>([^<]+)</g)].map((m) => `${m[1]}:${m[2]}`), await topList());

    // Out of range, not a number: refused with the reason, nothing changed.
    for (const position of ['0', '11', 'drei', '']) {
      const bad = await place(s.editor, wohngeld!, position);
      assert.equal(bad.statusCode, 400, position);
      assert.match(bad.body, /Bitte geben Sie einen Platz von 1 bis 10 an\./);
    }
    assert.equal((await act(s.editor, wohngeld!, { action: 'delete' })).statusCode, 400);
    assert.equal((await row(wohngeld!)).top_position, null);

    assert.equal((await act(s.editor, gewerbe!, { action: 'untop' })).statusCode, 303);
    assert.deepEqual(await topList(), ['1:Hundesteuer anmelden', '2:Personalausweis beantragen', '3:Meldebescheinigung beantragen']);

    // A full list takes no new service.
    const extra = await db()
      .insertInto('ozg_services')
      .values(Array.from({ length: 7 }, (_, i) => ({ source: 'manual', source_id: `voll-${i}`, name: `Voll ${i}`, content_hash: 'x', top_position: 4 + i })))
      .returning('id')
      .execute();
    const full = await place(s.editor, wohngeld!, '5');
    assert.equal(full.statusCode, 409);
    assert.match(full.body, /Alle zehn Plätze sind vergeben/);
    assert.equal((await row(wohngeld!)).top_position, null);
    await db().deleteFrom('ozg_services').where('id', 'in', extra.map((e) => e.id)).execute();
  });

  it('refuses a post without the right token or from another origin, and changes nothing', async () => {
    const id = await idOf('Wohngeld beantragen');
    const before = await row(id);
    assert.equal((await act(s.editor, id, { action: 'hide', _csrf: 'falsch' })).statusCode, 403);
    assert.equal((await c.post(`${BASE}/${id}/redaktion`, { action: 'hide' }, s.editor.cookie)).statusCode, 403);
    assert.equal((await c.post(`${BASE}/${id}/redaktion`, { _csrf: s.editor.csrf, action: 'hide' }, s.editor.cookie, { origin: 'https://evil.example' })).statusCode, 403);
    const wrongSession = await c.post(`${BASE}/${id}/redaktion`, { _csrf: s.admin.csrf, action: 'hide' }, s.editor.cookie);
    assert.equal(wrongSession.statusCode, 403);
    assert.match(wrongSession.body, /role="alert"/);
    assert.deepEqual(await row(id), before);
  });

  it('lets admins and editors change, read-only accounts look, and refuses authors, moderators and visitors', async () => {
    const id = await idOf('Baugenehmigung beantragen');
    for (const who of [s.admin, s.editor]) {
      const page = await c.get(BASE, who.cookie);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/studio\/verwaltungsleistungen\/neu"/);
      assert.match((await c.get('/studio', who.cookie)).body, /<a href="\/studio\/verwaltungsleistungen">Verwaltungsleistungen<\/a>/);
    }
    const adminPage = (await c.get(BASE, s.admin.cookie)).body;
    assert.match(adminPage, /href="\/studio\/verwaltungsleistungen\/anbieter"/);
    assert.match(adminPage, /href="\/studio\/verwaltungsleistungen\/import"/);
    assert.doesNotMatch((await c.get(BASE, s.editor.cookie)).body, /verwaltungsleistungen\/import"/, 'an import is for admins only');
    assert.equal((await act(s.reader, id, { action: 'hide' })).statusCode, 403);
    assert.match((await c.get('/studio', s.reader.cookie)).body, /href="\/studio\/verwaltungsleistungen"/);
    for (const who of [s.author, s.moderator]) {
      for (const url of [BASE, `${BASE}/${id}`, `${BASE}/abgleich`, `${BASE}/neu`, `${BASE}/anbieter`]) {
        const res = await c.get(url, who.cookie);
        assert.equal(res.statusCode, 403, url);
        assert.match(res.body, /ändern dürfen Administration und Redaktion/);
      }
      assert.equal((await act(who, id, { action: 'hide' })).statusCode, 403);
      assert.doesNotMatch((await c.get('/studio', who.cookie)).body, /href="\/studio\/verwaltungsleistungen"/);
    }
    assert.equal((await row(id)).hidden, false);
    const visitor = await c.get(`${BASE}?q=Bau`);
    assert.equal(visitor.statusCode, 303);
    assert.equal(visitor.headers.location, `/studio/anmelden?weiter=${BASE}`);
    const post = await c.post(`${BASE}/${id}/redaktion`, { action: 'hide' });
    assert.equal(post.headers.location, `/studio/anmelden?weiter=${BASE}`, 'back to the overview, not to the post');
  });

  it("keeps municipalities apart: another tenant's service is 404, and without the module there are no pages", async () => {
    const id = await idOf('Personalausweis beantragen');
    const before = await row(id);
    const wb = await c.get(BASE, s.wbAdmin.cookie, WB);
    assert.equal(wb.statusCode, 200);
    assert.match(wb.body, /Keine Leistungen gefunden/);
    assert.equal((await c.get(`${BASE}/${id}`, s.wbAdmin.cookie, WB)).statusCode, 404);
    assert.equal((await act(s.wbAdmin, id, { action: 'hide' }, WB)).statusCode, 404);
    assert.equal((await act(s.wbAdmin, id, { action: 'top', position: '9' }, WB)).statusCode, 404);
    assert.deepEqual(await row(id), before);
    assert.equal((await c.get(`${BASE}/abc`, s.admin.cookie)).statusCode, 404);
    assert.equal((await c.get(`${BASE}/99999999999`, s.admin.cookie)).statusCode, 404);

    const host = `${NO_SERVICES}.localhost`;
    assert.equal((await c.get(BASE, s.noServicesAdmin.cookie, host)).statusCode, 404);
    const start = await c.get('/studio', s.noServicesAdmin.cookie, host);
    assert.equal(start.statusCode, 200);
    assert.doesNotMatch(start.body, /href="\/studio\/verwaltungsleistungen"/);
  });
});
