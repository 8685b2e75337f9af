import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { EncryptionPool } from '../web/encryption-pool.ts';
import { decryptAes128gcm, type UserAgentKeys } from './aes128gcm.ts';

function browser(): { ua: UserAgentKeys; p256dh: string; auth: string } {
  const ecdh = createECDH('prime256v1');
  const ua = { publicKey: ecdh.generateKeys(), privateKey: ecdh.getPrivateKey(), authSecret: randomBytes(16) };
  return { ua, p256dh: ua.publicKey.toString('base64url'), auth: ua.authSecret.toString('base64url') };
}

const notOnTheCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');

describe('Encryption threads for Web Push', () => {
  it('encrypts many messages at once on its threads, each for its own browser; a bad key fails only its own message', async () => {
    const pool = new EncryptionPool({ threads: 2 });
    const browsers = Array.from({ length: 120 }, browser);
    const bodies = await Promise.all(browsers.map((b, i) => pool.encrypt(b.p256dh, b.auth, `Nachricht ${i} für Bad Belzig 🚧`)));
    browsers.forEach((b, i) => assert.equal(decryptAes128gcm(bodies[i]!, b.ua).toString('utf8'), `Nachricht ${i} für Bad Belzig 🚧`));
    const [bad, good] = await Promise.allSettled([pool.encrypt(notOnTheCurve, browsers[0]!.auth, 'x'), pool.encrypt(browsers[1]!.p256dh, browsers[1]!.auth, 'y')]);
    assert.equal(bad.status, 'rejected');
    assert.match((bad as PromiseRejectedResult).reason.message, /Public key is not valid/);
    assert.equal(good.status, 'fulfilled');
    await pool.close();
  });

  it('finishes the messages of threads that are stopped, and starts new threads afterwards', async () => {
    const pool = new EncryptionPool({ threads: 1 });
    const b = browser();
    await pool.encrypt(b.p256dh, b.auth, 'warm');
    assert.equal(pool.running, 1);
    const inFlight = Array.from({ length: 50 }, (_, i) => pool.encrypt(b.p256dh, b.auth, `m${i}`));
    await new Promise((resolve) => setImmediate(resolve));
    await pool.close();
    const bodies = await Promise.all(inFlight);
    bodies.forEach((body, i) => assert.equal(decryptAes128gcm(body, b.ua).toString(), `m${i}`));
    assert.equal(pool.running, 0);
    assert.equal(decryptAes128gcm(await pool.encrypt(b.p256dh, b.auth, 'again'), b.ua).toString(), 'again');
    assert.equal(pool.running, 1);
    await pool.close();
  });

  it('encrypts on the calling thread when its threads cannot start', async () => {
    const pool = new EncryptionPool({ threads: 2, script: new URL('./no-such-worker.mjs', import.meta.url) });
    const b = browser();
    const bodies = await Promise.all([pool.encrypt(b.p256dh, b.auth, 'eins'), pool.encrypt(b.p256dh, b.auth, 'zwei')]);
    assert.deepEqual(bodies.map((body) => decryptAes128gcm(body, b.ua).toString()), ['eins', 'zwei']);
    assert.equal(decryptAes128gcm(await pool.encrypt(b.p256dh, b.auth, 'drei'), b.ua).toString(), 'drei');
    assert.equal(pool.running, 0, 'no threads started again');
  });

  it('stops threads that have had nothing to do for a while', async () => {
    const pool = new EncryptionPool({ threads: 2, idleMs: 100 });
    const b = browser();
    await Promise.all([pool.encrypt(b.p256dh, b.auth, 'a'), pool.encrypt(b.p256dh, b.auth, 'b')]);
    // Not necessarily both: on a busy machine the first may already have idled out while the second started.
    assert.ok(pool.running > 0, 'threads were started');
    // A thread takes a moment to stop, longer on a busy machine.
    const deadline = Date.now() + 10_000;
    while (pool.running && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(pool.running, 0);
  });
});
