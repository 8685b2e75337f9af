import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import { encryptAes128gcm } from '../web/aes128gcm-encrypt.ts';
import { decryptAes128gcm } from './aes128gcm.ts';
import { b, RFC8291, RFC8291_UA } from './rfc8291-vector.ts';

describe('aes128gcm encryption for Web Push (RFC 8291)', () => {
  it("with the example's sender key and salt, gives exactly RFC 8291 Appendix A's body", () => {
    const keys = createECDH('prime256v1');
    keys.setPrivateKey(b(RFC8291.asPrivate));
    const body = encryptAes128gcm(RFC8291_UA.publicKey, RFC8291_UA.authSecret, Buffer.from(RFC8291.plaintext), { keys, salt: b(RFC8291.salt) });
    assert.equal(body.toString('base64url'), RFC8291.body);
  });

  it('uses a new sender key and salt for every message; the browser decrypts each', () => {
    const plaintext = Buffer.from(JSON.stringify({ title: 'Straßenfest 🎉', body: 'Am Samstag' }));
    const one = encryptAes128gcm(RFC8291_UA.publicKey, RFC8291_UA.authSecret, plaintext);
    const two = encryptAes128gcm(RFC8291_UA.publicKey, RFC8291_UA.authSecret, plaintext);
    assert.notDeepEqual(one.subarray(0, 16), two.subarray(0, 16), 'salt');
    assert.notDeepEqual(one.subarray(21, 86), two.subarray(21, 86), 'sender key');
    assert.deepEqual(decryptAes128gcm(one, RFC8291_UA), plaintext);
    assert.deepEqual(decryptAes128gcm(two, RFC8291_UA), plaintext);
  });

  it('3993 bytes of plaintext make a body of exactly 4096 bytes, the most a push service must take', () => {
    const body = encryptAes128gcm(RFC8291_UA.publicKey, RFC8291_UA.authSecret, Buffer.alloc(3993, 'a'));
    assert.equal(body.length, 4096);
    assert.equal(decryptAes128gcm(body, RFC8291_UA).length, 3993);
  });
});
