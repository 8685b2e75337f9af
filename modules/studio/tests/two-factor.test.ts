import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, BB, type TestPlatform } from '../../../test/harness.ts';
import { totpCode } from '../../../core/auth/totp.ts';
import { hiddenField, studioClient } from './studio-client.ts';

describe('studio two-factor login (TOTP)', () => {
  let p: TestPlatform;
  let c: ReturnType<typeof studioClient>;
  before(async () => {
    p = await startTestPlatform({ seed: true });
    c = studioClient(p, BB);
  });
  after(() => p?.close());

  it('is set up with a confirmed code, then required at login, and a code works only once', async () => {
    const session = (await c.login('redaktion@bad-belzig.demo', 'demo-studio-admin')).session!;
    const cookie = `dp_session=${session}`;
    const start = await c.get('/studio/zwei-faktor', cookie);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /ausgeschaltet/);
    const csrf = hiddenField(start.body);
    const setup = await c.post('/studio/zwei-faktor', { _csrf: csrf, aktion: 'einrichten' }, cookie);
    const secret = /class="secret">([A-Z2-7 ]+)</.exec(setup.body)?.[1]?.replace(/ /g, '');
    assert.ok(secret && secret.length >= 32, 'secret shown');
    assert.match(setup.body, /otpauth:\/\/totp\//);

    assert.equal((await c.post('/studio/zwei-faktor', { _csrf: csrf, aktion: 'bestaetigen', code: '000000' }, cookie)).statusCode, 400);
    const noCsrf = await c.post('/studio/zwei-faktor', { _csrf: 'x'.repeat(43), aktion: 'bestaetigen', code: totpCode(secret!) }, cookie);
    assert.equal(noCsrf.statusCode, 403);
    const confirmed = await c.post('/studio/zwei-faktor', { _csrf: csrf, aktion: 'bestaetigen', code: totpCode(secret!) }, cookie);
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /jetzt eingeschaltet/);

    const withoutCode = await c.login('redaktion@bad-belzig.demo', 'demo-studio-admin');
    assert.equal(withoutCode.res.statusCode, 401);
    assert.match(withoutCode.res.body, /Bestätigungscode fehlt oder ist falsch/);
    assert.equal(withoutCode.session, null);
    // The code used to confirm may not be used again; the next time step's code is accepted (clock drift).
    const replay = await c.submit('/studio/anmelden', '/studio/anmelden', { email: 'redaktion@bad-belzig.demo', password: 'demo-studio-admin', code: totpCode(secret!) });
    assert.equal(replay.statusCode, 401);
    const next = await c.submit('/studio/anmelden', '/studio/anmelden', { email: 'redaktion@bad-belzig.demo', password: 'demo-studio-admin', code: totpCode(secret!, Date.now() + 30_000) });
    assert.equal(next.statusCode, 303);

    const off = await c.post('/studio/zwei-faktor', { _csrf: csrf, aktion: 'ausschalten', code: totpCode(secret!) }, cookie);
    assert.equal(off.statusCode, 200);
    assert.match(off.body, /jetzt ausgeschaltet/);
    assert.equal((await c.login('redaktion@bad-belzig.demo', 'demo-studio-admin')).res.statusCode, 303);
  });
});
