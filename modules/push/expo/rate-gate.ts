import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';

/**
 * From this rate on the gate is not asked at all: Expo allows 600 per second, so only a local
 * endpoint (tests, the benchmark: EXPO_PUSH_RATE=Infinity) is configured this high.
 */
export const UNLIMITED_RATE = 100_000;

/**
 * Takes `n` messages of the `limit` per second that `channel` may send, counted for the whole
 * deployment in `push_rate_windows` (one row per channel and second of the database's clock), so
 * any number of processes on one database stay within it together. Waits for the next second
 * while the current one is full. A request larger than the limit takes its share over several
 * seconds. See docs/decisions/020-expo-rate-in-postgres.md.
 */
export async function takeRate(db: Kysely<any>, channel: string, limit: number, n: number): Promise<void> {
  if (limit >= UNLIMITED_RATE) return;
  const perSecond = Math.max(1, Math.floor(limit));
  let left = n;
  while (left > 0) {
    const part = Math.min(left, perSecond);
    const { taken, waitMs } = await tryTake(db, channel, perSecond, part);
    if (taken) left -= part;
    // A few ms beyond the boundary, spread so waiting processes do not all ask at once.
    else await sleep(waitMs + 1 + Math.floor(Math.random() * 10));
  }
}

/**
 * One statement: count `n` into the current second's row unless that passes `limit` (the row
 * lock of the upsert makes concurrent callers take turns), drop rows older than a minute, and
 * say how long the current second still lasts.
 */
async function tryTake(db: Kysely<any>, channel: string, limit: number, n: number): Promise<{ taken: boolean; waitMs: number }> {
  const { rows } = await sql<{ taken: boolean; wait_ms: number }>`
    WITH clock AS (SELECT clock_timestamp() AS t),
    pruned AS (
      DELETE FROM push_rate_windows
      WHERE channel = ${channel}::text AND second < (SELECT t FROM clock) - interval '1 minute'),
    taken AS (
      INSERT INTO push_rate_windows AS w (channel, second, used)
      SELECT ${channel}::text, date_trunc('second', t), ${n}::int FROM clock
      ON CONFLICT (channel, second) DO UPDATE SET used = w.used + excluded.used
      WHERE w.used + excluded.used <= ${limit}::int
      RETURNING used)
    SELECT EXISTS (SELECT 1 FROM taken) AS taken,
      ceil(extract(epoch FROM date_trunc('second', t) + interval '1 second' - t) * 1000)::int AS wait_ms
    FROM clock`.execute(db);
  const row = rows[0]!;
  return { taken: row.taken, waitMs: Number(row.wait_ms) };
}
