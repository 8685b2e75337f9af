import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, type TestPlatform } from '../../../test/harness.ts';
import { studioClient } from './studio-client.ts';

describe('studio password reset by e-mail (development mailbox)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  const resetLinks = async () => {
    const box = await c.get('/studio/postfach');
    assert.equal(box.statusCode, 200);
    return [...box.body.matchAll(/href="(http:\/\/[^"]+\/studio\/passwort-neu\?token=([^"]+))"/g)].map((m) => m[2]!);
  };

  it('mails a one-time link, sets the new password with it, and ends the old sessions', async () => {
    const before = (await c.login('editor@bad-belzig.demo', 'demo-studio-editor')).session!;
    const unknown = await c.submit('/studio/passwort-vergessen', '/studio/passwort-vergessen', { email: 'niemand@example.org' });
    assert.equal(unknown.statusCode, 200);
    assert.deepEqual(await resetLinks(), []);

    const asked = await c.submit('/studio/passwort-vergessen', '/studio/passwort-vergessen', { email: 'EDITOR@bad-belzig.demo' });
    assert.equal(asked.statusCode, 200);
    assert.match(asked.body, /haben wir eine E-Mail mit einem Link geschickt/);
    const [token] = await resetLinks();
    assert.ok(token);

    const form = `/studio/passwort-neu?token=${token}`;
    assert.equal((await c.get(form)).statusCode, 200);
    const mismatch = await c.submit(form, '/studio/passwort-neu', { token: token!, password: 'ein-neues-passwort', repeat: 'ein-anderes-passwort' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /stimmen nicht überein/);
    const weak = await c.submit(form, '/studio/passwort-neu', { token: token!, password: 'kurz', repeat: 'kurz' });
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /mindestens 10 Zeichen/);
    const done = await c.submit(form, '/studio/passwort-neu', { token: token!, password: 'ein-neues-passwort', repeat: 'ein-neues-passwort' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/studio/anmelden?passwort=neu');

    assert.equal((await c.get('/studio', `dp_session=${before}`)).statusCode, 303, 'old session ended');
    assert.equal((await c.login('editor@bad-belzig.demo', 'demo-studio-editor')).res.statusCode, 401);
    assert.equal((await c.login('editor@bad-belzig.demo', 'ein-neues-passwort')).res.statusCode, 303);
    const again = await c.submit(form, '/studio/passwort-neu', { token: token!, password: 'noch-ein-passwort', repeat: 'noch-ein-passwort' });
    assert.equal(again.statusCode, 400, 'a link works once');
    assert.match(again.body, /ungültig, abgelaufen oder wurde schon benutzt/);
  });

  it('refuses forged links and limits how many links one account gets per hour', async () => {
    assert.equal((await c.get('/studio/passwort-neu?token=erfunden')).statusCode, 400);
    const forged = await c.submit('/studio/passwort-neu?token=erfunden', '/studio/passwort-neu', { token: 'erfunden', password: 'ein-neues-passwort', repeat: 'ein-neues-passwort' });
    assert.equal(forged.statusCode, 400);
    const count = async () => (await resetLinks()).length;
    const start = await count();
    for (let i = 0; i < 4; i++) assert.equal((await c.submit('/studio/passwort-vergessen', '/studio/passwort-vergessen', { email: 'moderation@bad-belzig.demo' })).statusCode, 200);
    assert.equal((await count()) - start, 3);
  });
});
