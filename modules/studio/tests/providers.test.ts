import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WB } from '../../../test/harness.ts';
import { studioSuite } from './studio-suite.ts';

describe('studio data providers (tenant admins)', () => {
  const s = studioSuite();


  it('creates and edits a provider, keeping contact fields the form does not show; refuses duplicates and bad mail', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const post = (url: string, form: Record<string, string>) => s.c.post(url, { _csrf: admin.csrf, ...form }, admin.cookie);
    const page = await s.c.get('/studio/anbieter', admin.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Stadtverwaltung Bad Belzig/);

    const created = await post('/studio/anbieter', { name: 'Heimatverein Fläming', dataType: 'business_account', city: 'Bad Belzig', email: 'info@heimatverein.example.org' });
    assert.equal(created.statusCode, 200, created.body);
    assert.match(created.body, /„Heimatverein Fläming“ gespeichert/);
    const row = await s.p.database.system.selectFrom('data_providers').selectAll().where('name', '=', 'Heimatverein Fläming').executeTakeFirstOrThrow();
    assert.equal(row.contact.email, 'info@heimatverein.example.org');
    assert.equal(row.address.city, 'Bad Belzig');

    const dup = await post('/studio/anbieter', { name: 'heimatverein fläming', dataType: 'general_importer' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /gibt es schon/);
    const badMail = await post(`/studio/anbieter/${row.id}`, { name: 'Heimatverein Fläming', dataType: 'business_account', email: 'keine-mail' });
    assert.equal(badMail.statusCode, 400);
    assert.match(badMail.body, /value="keine-mail"/, 'the input is kept');

    // A seeded provider's contact has fields the form does not show (ids): they stay.
    const seeded = await s.p.database.system.selectFrom('data_providers').selectAll().where('name', '=', 'Stadtverwaltung Bad Belzig').executeTakeFirstOrThrow();
    const saved = await post(`/studio/anbieter/${seeded.id}`, { name: 'Stadtverwaltung Bad Belzig', dataType: seeded.data_type, description: 'Neu beschrieben', logo: seeded.logo.url, street: seeded.address.street, zip: seeded.address.zip, city: seeded.address.city, firstName: seeded.contact.firstName, lastName: seeded.contact.lastName, phone: seeded.contact.phone, email: seeded.contact.email });
    assert.equal(saved.statusCode, 200, saved.body);
    const after = await s.p.database.system.selectFrom('data_providers').selectAll().where('id', '=', seeded.id).executeTakeFirstOrThrow();
    assert.equal(after.description, 'Neu beschrieben');
    assert.deepEqual(after.contact, seeded.contact);
    assert.deepEqual(after.logo, seeded.logo);
    const audited = await s.p.database.system.selectFrom('audit_log').select('action').where('action', 'like', 'studio:provider.%').execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), ['studio:provider.create', 'studio:provider.update']);
  });

  it('is refused for everyone but admins, and a provider of another tenant does not exist here', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    assert.equal((await s.c.get('/studio/anbieter', editor.cookie)).statusCode, 403);
    assert.equal((await s.c.post('/studio/anbieter', { _csrf: editor.csrf, name: 'X', dataType: 'general_importer' }, editor.cookie)).statusCode, 403);
    const bb = await s.p.database.system.selectFrom('data_providers as d').innerJoin('tenants as t', 't.id', 'd.tenant_id').select(['d.id', 'd.name']).where('t.slug', '=', 'bad-belzig').executeTakeFirstOrThrow();
    const wb = await s.c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB);
    const res = await s.c.post(`/studio/anbieter/${bb.id}`, { _csrf: wb.csrf, name: 'Übernommen', dataType: 'general_importer' }, wb.cookie, {}, WB);
    assert.equal(res.statusCode, 404);
    assert.equal((await s.p.database.system.selectFrom('data_providers').select('name').where('id', '=', bb.id).executeTakeFirstOrThrow()).name, bb.name);
  });
});
