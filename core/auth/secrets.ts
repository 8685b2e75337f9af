import { createHash, randomBytes } from 'node:crypto';

/** Random, URL-safe credential of 256 bits. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets and tokens are high-entropy random strings, so a plain SHA-256 is a sound
 * one-way hash for them (no dictionary to guess from); it keeps verification cheap.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
