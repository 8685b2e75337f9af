import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { badRequest } from '../../../core/errors.ts';
import { zeroBits } from './solve-challenge.ts';

/** Leading zero bits of SHA-256(challenge + ":" + nonce): about 8,000 tries, well under a second in a phone browser. */
export const POW_DIFFICULTY = 13;
/** Time to solve and send; the app asks for a challenge when it sends, not when the wizard starts. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

export type Challenge = { challenge: string; difficulty: number; expiresAt: string };

/** Per process: the deployment's key never changes after its migration. */
let secretOf: Promise<Buffer> | undefined;
function secret(db: Kysely<any>): Promise<Buffer> {
  secretOf ??= db
    .selectFrom('defect_challenge_key')
    .select('secret')
    .executeTakeFirstOrThrow()
    .then((r) => Buffer.from(r.secret as string, 'hex'))
    .catch((err) => {
      secretOf = undefined;
      throw err;
    });
  return secretOf;
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/**
 * A stateless challenge: "<tenant>.<expiry ms>.<difficulty>.<random>.<HMAC>". Nothing is stored at
 * issue (a flood of GETs writes nothing); the tenant is signed in, so a challenge of one
 * municipality is useless in another.
 */
export async function issueChallenge(db: Kysely<any>, tenantId: number, now = Date.now()): Promise<Challenge> {
  const expires = now + CHALLENGE_TTL_MS;
  const body = `${tenantId}.${expires}.${POW_DIFFICULTY}.${randomBytes(12).toString('base64url')}`;
  return { challenge: `${body}.${sign(await secret(db), body)}`, difficulty: POW_DIFFICULTY, expiresAt: new Date(expires).toISOString() };
}

const refused = (message: string, code: string) => badRequest(message, { code, field: 'challenge' });

/**
 * Checks signature, tenant, expiry and the work (one HMAC and one SHA-256: cheap), without
 * spending the challenge. Throws a 400 with code challenge_invalid / challenge_expired / pow_failed.
 */
export async function checkSolution(db: Kysely<any>, tenantId: number, challenge: string, nonce: string, now = Date.now()): Promise<void> {
  const parts = challenge.split('.');
  if (parts.length !== 5 || !/^\d{1,20}$/.test(nonce)) throw refused('Die Sicherheitsprüfung fehlt oder ist ungültig. Bitte senden Sie die Meldung erneut.', 'challenge_invalid');
  const body = parts.slice(0, 4).join('.');
  const expected = Buffer.from(sign(await secret(db), body));
  const given = Buffer.from(parts[4]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || Number(parts[0]) !== tenantId) {
    throw refused('Die Sicherheitsprüfung ist ungültig. Bitte senden Sie die Meldung erneut.', 'challenge_invalid');
  }
  if (Number(parts[1]) <= now) throw refused('Die Sicherheitsprüfung ist abgelaufen. Bitte senden Sie die Meldung erneut.', 'challenge_expired');
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  if (zeroBits(digest) < Number(parts[2])) throw refused('Die Sicherheitsprüfung ist nicht gelöst. Bitte senden Sie die Meldung erneut.', 'pow_failed');
}

/**
 * Spends a challenge: true the first time, false when it was used before. Call it in the
 * transaction that files the report, so a failed filing leaves the challenge usable and a
 * concurrent second use waits for the first and then sees it spent.
 */
export async function spendChallenge(db: Kysely<any>, challenge: string): Promise<boolean> {
  const expires = new Date(Number(challenge.split('.')[1]));
  await sql`DELETE FROM defect_spent_challenges WHERE expires_at < now()`.execute(db);
  const hash = createHash('sha256').update(challenge).digest('base64url');
  const row = await db
    .insertInto('defect_spent_challenges')
    .values({ challenge_hash: hash, expires_at: expires })
    .onConflict((oc) => oc.columns(['tenant_id', 'challenge_hash']).doNothing())
    .returning('challenge_hash')
    .executeTakeFirst();
  return row !== undefined;
}

export const challengeUsed = () => refused('Diese Sicherheitsprüfung wurde schon verwendet. Bitte senden Sie die Meldung erneut.', 'challenge_used');
