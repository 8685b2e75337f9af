import { createCipheriv, createECDH, createHmac, randomBytes, type ECDH } from 'node:crypto';

/** RFC 8188 record size in the header: the whole message is one record (RFC 8291 §4). */
const RECORD_SIZE = 4096;
const HEADER_BYTES = 86;
const KEY_INFO = Buffer.from('WebPush: info\0', 'latin1');
// HKDF-Expand's first block: info followed by the counter 0x01 (RFC 5869 §2.3).
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01', 'latin1');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01', 'latin1');
const ONE = Buffer.from([1]);
/** RFC 8188 §2: the last (and only) record ends with 0x02, no further padding. */
const LAST_RECORD = Buffer.from([2]);

/**
 * One ECDH object for the process; generateKeys() gives it a new key pair for every message.
 * The web-push package builds a new object per message and exports its key again, which with
 * its generic code costs about 15 % more per delivery (decision 021).
 */
const ephemeral = createECDH('prime256v1');

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** For the RFC's test vector only: a fixed sender key pair and salt instead of fresh ones. */
export type FixedSender = { keys: ECDH; salt: Buffer };

/**
 * The body of a Web Push message (RFC 8291): ECDH between a new sender key pair and the
 * browser's key, combined with its auth secret into a key and nonce for one aes128gcm record
 * (RFC 8188) behind the header of salt, record size and the sender's public key.
 */
export function encryptAes128gcm(uaPublicKey: Buffer, authSecret: Buffer, plaintext: Buffer, fixed?: FixedSender): Buffer {
  const sender = fixed?.keys ?? ephemeral;
  const senderPublicKey = fixed ? fixed.keys.getPublicKey() : ephemeral.generateKeys();
  const salt = fixed?.salt ?? randomBytes(16);
  const ecdhSecret = sender.computeSecret(uaPublicKey);
  // HKDF (RFC 5869) by hand: every output fits one SHA-256 block, and hkdfSync costs more per call.
  const ikm = hmac(hmac(authSecret, ecdhSecret), Buffer.concat([KEY_INFO, uaPublicKey, senderPublicKey, ONE]));
  const prk = hmac(salt, ikm);
  const cipher = createCipheriv('aes-128-gcm', hmac(prk, CEK_INFO).subarray(0, 16), hmac(prk, NONCE_INFO).subarray(0, 12));
  const header = Buffer.allocUnsafe(HEADER_BYTES);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header[20] = senderPublicKey.length;
  senderPublicKey.copy(header, 21);
  return Buffer.concat([header, cipher.update(plaintext), cipher.update(LAST_RECORD), cipher.final(), cipher.getAuthTag()]);
}

/** The body for a stored subscription (keys in base64url, as the browser gave them); throws with a reason. */
export function encryptForSubscription(p256dh: string, auth: string, payload: string): Buffer {
  const uaPublicKey = Buffer.from(p256dh, 'base64url');
  const authSecret = Buffer.from(auth, 'base64url');
  if (uaPublicKey.length !== 65 || uaPublicKey[0] !== 4) throw new Error('p256dh is not an uncompressed P-256 key');
  if (authSecret.length !== 16) throw new Error('auth is not a 16-byte secret');
  return encryptAes128gcm(uaPublicKey, authSecret, Buffer.from(payload));
}
