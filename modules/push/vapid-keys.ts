import type { Kysely } from 'kysely';
import webpush from 'web-push';

/** The deployment's VAPID key pair (RFC 8292), base64url: public 65 bytes uncompressed P-256, private 32 bytes. */
export type VapidKeys = { publicKey: string; privateKey: string };

async function readKeys(db: Kysely<any>): Promise<VapidKeys | undefined> {
  const row = await db.selectFrom('push_vapid_keys').select(['public_key', 'private_key']).where('id', '=', 1).executeTakeFirst();
  return row && { publicKey: row.public_key, privateKey: row.private_key };
}

/**
 * Creates the key pair on the first start and returns the stored one. Processes starting at
 * once may both generate a pair; the insert keeps whichever came first and every process then
 * reads that one — so all of them sign with the key the browsers subscribed with.
 */
export async function ensureVapidKeys(db: Kysely<any>): Promise<VapidKeys> {
  const existing = await readKeys(db);
  if (existing) return existing;
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insertInto('push_vapid_keys')
    .values({ id: 1, public_key: fresh.publicKey, private_key: fresh.privateKey })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const stored = await readKeys(db);
  if (!stored) throw new Error('VAPID keys vanished right after being stored.');
  return stored;
}

/** The stored key pair (the module's init has created it before any request). */
export async function vapidKeys(db: Kysely<any>): Promise<VapidKeys> {
  const keys = await readKeys(db);
  if (!keys) throw new Error('No VAPID keys: the push module was not initialised.');
  return keys;
}
