import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/** A client app's key as the studio lists it (never the key itself: only its hash is kept). */
export type ApiKeyRow = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const hashOf = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key for a client app; the plain key is returned this once. */
export async function issueApiKey(db: Kysely<any>, name: string): Promise<{ id: number; key: string }> {
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  const row = await db.insertInto('defect_api_keys').values({ name, key_hash: hashOf(key) }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, key };
}

/**
 * The id of a valid key of this tenant (row-level security confines the lookup), its use noted;
 * null for an unknown, another tenant's or a revoked key.
 */
export async function useApiKey(db: Kysely<any>, key: string): Promise<number | null> {
  if (!key || key.length > 200) return null;
  const row = await db
    .updateTable('defect_api_keys')
    .set({ last_used_at: new Date() })
    .where('key_hash', '=', hashOf(key))
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function listApiKeys(db: Kysely<any>): Promise<ApiKeyRow[]> {
  return db
    .selectFrom('defect_api_keys')
    .select(['id', 'name', 'created_at as createdAt', 'last_used_at as lastUsedAt', 'revoked_at as revokedAt'])
    .orderBy('revoked_at', (o) => o.desc().nullsFirst())
    .orderBy('created_at', 'desc')
    .execute() as Promise<ApiKeyRow[]>;
}

/** Revokes an active key; its name, or null when there is no such active key. */
export async function revokeApiKey(db: Kysely<any>, id: number): Promise<string | null> {
  const row = await db.updateTable('defect_api_keys').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).returning('name').executeTakeFirst();
  return row?.name ?? null;
}
