import { sql, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors.ts';

/** Reports one device may try to file per hour, and one address (several people behind one router). */
export const REPORTS_PER_DEVICE_PER_HOUR = 10;
export const REPORTS_PER_IP_PER_HOUR = 30;
const WINDOW_SECONDS = 3600;

/**
 * Counts one attempt against a key in the current fixed window, in Postgres so that every
 * process shares the count (one upsert; the row lock makes concurrent attempts take turns).
 * Returns 0 when allowed, else the seconds until the window ends.
 */
export async function takeAttempt(db: Kysely<any>, key: string, limit: number): Promise<number> {
  const { rows } = await sql<{ used: number; wait: number }>`
    WITH clock AS (SELECT to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${WINDOW_SECONDS}::int) * ${WINDOW_SECONDS}::int) AS start, clock_timestamp() AS t),
    counted AS (
      INSERT INTO defect_rate_windows AS w (key, window_start, used)
      SELECT ${key}::text, start, 1 FROM clock
      ON CONFLICT (tenant_id, key, window_start) DO UPDATE SET used = w.used + 1
      RETURNING used)
    SELECT (SELECT used FROM counted) AS used,
      ceil(extract(epoch FROM start + make_interval(secs => ${WINDOW_SECONDS}::int) - t))::int AS wait
    FROM clock`.execute(db);
  const row = rows[0]!;
  return Number(row.used) > limit ? Math.max(1, Number(row.wait)) : 0;
}

/** Old windows go now and then (one in fifty attempts), not on every request. */
async function prune(db: Kysely<any>): Promise<void> {
  if (Math.random() < 0.02) await sql`DELETE FROM defect_rate_windows WHERE window_start < now() - interval '1 day'`.execute(db);
}

/** A device id is the client's own string: kept only as a hash, like the address. */
const keyOf = (kind: string, value: string) => `${kind}:${createHash('sha256').update(value).digest('base64url').slice(0, 22)}`;

/**
 * Per device (when the client names one) and per client address; the longer wait wins.
 * Throws 429 with `retryAfter` in the details (the routes set the Retry-After header from it).
 */
export async function limitReportAttempts(db: Kysely<any>, who: { deviceId: string; ip: string }): Promise<void> {
  await prune(db);
  const waits = [await takeAttempt(db, keyOf('ip', who.ip), REPORTS_PER_IP_PER_HOUR)];
  if (who.deviceId) waits.push(await takeAttempt(db, keyOf('device', who.deviceId), REPORTS_PER_DEVICE_PER_HOUR));
  const wait = Math.max(...waits);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    const message = `Von diesem Gerät oder Anschluss kamen in kurzer Zeit zu viele Meldungen. Bitte versuchen Sie es in ${minutes} Minute${minutes === 1 ? '' : 'n'} erneut.`;
    throw new AppError('TOO_MANY_REQUESTS', message, { code: 'rate_limited', retryAfter: wait });
  }
}
