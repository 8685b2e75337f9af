import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decryptAes128gcm } from './aes128gcm.ts';
import { b, RFC8291, RFC8291_UA } from './rfc8291-vector.ts';

const ua = RFC8291_UA;

describe('aes128gcm decryption (RFC 8291 / RFC 8188)', () => {
  it("decrypts RFC 8291 Appendix A's message with the user agent's keys", () => {
    assert.equal(decryptAes128gcm(b(RFC8291.body), ua).toString('utf8'), RFC8291.plaintext);
  });

  it("reads the example's header: the salt, record size 4096 and the sender's key as keyid", () => {
    const body = b(RFC8291.body);
    assert.deepEqual(body.subarray(0, 16), b(RFC8291.salt));
    assert.equal(body.readUInt32BE(16), 4096);
    assert.equal(body[20], 65);
    assert.deepEqual(body.subarray(21, 86), b(RFC8291.asPublic));
  });

  it('refuses a changed ciphertext byte, a wrong auth secret and a second record', () => {
    const tampered = b(RFC8291.body);
    tampered[tampered.length - 20]! ^= 1;
    assert.throws(() => decryptAes128gcm(tampered, ua), /unable to authenticate|auth/i);
    assert.throws(() => decryptAes128gcm(b(RFC8291.body), { ...ua, authSecret: Buffer.alloc(16, 7) }), /unable to authenticate|auth/i);
    const tinyRecords = b(RFC8291.body);
    tinyRecords.writeUInt32BE(18, 16);
    assert.throws(() => decryptAes128gcm(tinyRecords, ua), /more than one record/);
  });
});
