import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, totpCode, verifyTotp } from '../auth/totp.ts';

// RFC 6238 appendix B test vectors (SHA-1, secret "12345678901234567890"), last 6 digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));
const vectors: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    for (const [t, code] of vectors) assert.equal(totpCode(SECRET, t * 1000), code, `at ${t}`);
  });
  it('accepts one step of drift, nothing more, and only six digits', () => {
    const now = 1_700_000_000_000;
    assert.ok(verifyTotp(SECRET, totpCode(SECRET, now - 30_000), now));
    assert.ok(verifyTotp(SECRET, totpCode(SECRET, now + 30_000), now));
    assert.equal(verifyTotp(SECRET, totpCode(SECRET, now - 90_000), now), null);
    assert.equal(verifyTotp(SECRET, 'abcdef', now), null);
    assert.equal(verifyTotp(SECRET, '1234567', now), null);
  });
  it('round-trips base32', () => {
    const buf = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    assert.deepEqual(base32Decode(base32Encode(buf)), buf);
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  });
});
