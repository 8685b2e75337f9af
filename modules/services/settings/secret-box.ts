import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../../../core/config.ts';

/**
 * Seals tenants' upstream credentials (the ZuFi API key) with AES-256-GCM before they are
 * stored, so a copy of the tenant tables, an export or a log line never holds them in clear.
 * The key is SECRETS_KEY when set (recommended: then database backups alone do not open them),
 * else one generated on first start and kept in a table only the system database reads
 * (docs/decisions/024-sealed-upstream-credentials.md).
 */
let key: Buffer | undefined;

const VERSION = 'v1';

/** Loads (or, the first time, creates) the key; idempotent and safe when processes start at once. */
export async function loadSecretsKey(db: Kysely<any>, config: Config): Promise<void> {
  if (config.secretsKey) {
    key = config.secretsKey;
    return;
  }
  const fresh = randomBytes(32).toString('base64');
  await sql`INSERT INTO ozg_secrets_key (id, key) VALUES (1, ${fresh}) ON CONFLICT (id) DO NOTHING`.execute(db);
  const row = await sql<{ key: string }>`SELECT key FROM ozg_secrets_key WHERE id = 1`.execute(db);
  key = Buffer.from(row.rows[0]!.key, 'base64');
}

function currentKey(): Buffer {
  if (!key) throw new Error('services: the secrets key is not loaded (the module init did not run)');
  return key;
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', currentKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** The clear text, or null when the value was sealed with another key (SECRETS_KEY changed) or is damaged. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', currentKey(), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
