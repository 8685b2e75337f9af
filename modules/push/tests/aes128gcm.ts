import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto';

/** The user agent's side of a subscription: its ECDH key pair and auth secret (RFC 8291 §2). */
export type UserAgentKeys = { privateKey: Buffer; publicKey: Buffer; authSecret: Buffer };

const info = (label: string) => Buffer.from(`${label}\0`, 'latin1');
const hkdf = (ikm: Buffer, salt: Buffer, label: Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, label, length));

/**
 * What a browser does with a Web Push body: reads the aes128gcm header (RFC 8188 §2.1: salt,
 * record size, sender key as keyid), derives the key from ECDH and the auth secret (RFC 8291 §3.3,
 * §3.4) and decrypts the single record. Throws on anything a user agent would reject.
 */
export function decryptAes128gcm(body: Buffer, ua: UserAgentKeys): Buffer {
  if (body.length < 21) throw new Error('shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idlen = body[20]!;
  if (idlen !== 65) throw new Error(`keyid must be the sender's 65-byte public key, not ${idlen} bytes`);
  const senderPublicKey = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  if (recordSize < 18) throw new Error('record size below 18');
  if (record.length > recordSize) throw new Error('more than one record (RFC 8291 allows one)');
  if (record.length < 17) throw new Error('record shorter than tag and delimiter');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(ua.privateKey);
  const ecdhSecret = ecdh.computeSecret(senderPublicKey);
  const ikm = hkdf(ecdhSecret, ua.authSecret, Buffer.concat([info('WebPush: info'), ua.publicKey, senderPublicKey]), 32);
  const key = hkdf(ikm, salt, info('Content-Encoding: aes128gcm'), 16);
  const nonce = hkdf(ikm, salt, info('Content-Encoding: nonce'), 12);

  const decipher = createDecipheriv('aes-128-gcm', key, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // RFC 8188 §2: data, then the delimiter 0x02 (last record), then zero or more 0x00.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error('missing the last-record padding delimiter');
  return padded.subarray(0, end);
}
