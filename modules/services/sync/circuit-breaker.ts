import { sql, type Kysely } from 'kysely';
import type { ZufiSettings } from '../settings/zufi-settings.ts';
import type { ZufiFailure } from '../zufi/zufi-error.ts';

/**
 * The tenant's circuit breaker for ZuFi, kept in ozg_settings so every process sees it: after
 * THRESHOLD failed runs in a row it opens for a cooldown that doubles with each further failure
 * (1 h, 2 h, 4 h … at most 24 h); rejected credentials open it at once for the longest cooldown,
 * as retrying cannot help. While open, scheduled runs and view-triggered refreshes are skipped; a
 * run the studio asks for, saved settings (saveZufiSettings) or a successful run close it.
 */
export const CIRCUIT_THRESHOLD = 3;
const MAX_COOLDOWN_HOURS = 24;

export function circuitOpenUntil(settings: ZufiSettings, now = new Date()): Date | null {
  return settings.circuitOpenUntil && settings.circuitOpenUntil.getTime() > now.getTime() ? settings.circuitOpenUntil : null;
}

/** Counts a failed run; returns the breaker's state after it. */
export async function recordFailedRun(db: Kysely<any>, reason: ZufiFailure | undefined): Promise<{ failures: number; openUntil: Date | null }> {
  const atOnce = reason === 'unauthorized';
  const res = await sql<{ circuit_failures: number; circuit_open_until: Date | null }>`
    UPDATE ozg_settings SET
      circuit_failures = greatest(circuit_failures + 1, CASE WHEN ${atOnce} THEN ${CIRCUIT_THRESHOLD}::int ELSE 0 END),
      circuit_open_until = CASE
        WHEN ${atOnce} THEN now() + make_interval(hours => ${MAX_COOLDOWN_HOURS})
        WHEN circuit_failures + 1 >= ${CIRCUIT_THRESHOLD}::int
          THEN now() + make_interval(hours => least(${MAX_COOLDOWN_HOURS}::int, (2 ^ (circuit_failures + 1 - ${CIRCUIT_THRESHOLD}::int))::int))
        ELSE circuit_open_until END
    RETURNING circuit_failures, circuit_open_until`.execute(db);
  const row = res.rows[0];
  return { failures: row?.circuit_failures ?? 0, openUntil: row?.circuit_open_until ? new Date(row.circuit_open_until) : null };
}

/** Closes the breaker (a successful run, or a person asked for a run); writes only when it is not closed already. */
export async function closeCircuit(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('ozg_settings')
    .set({ circuit_failures: 0, circuit_open_until: null })
    .where((eb) => eb.or([eb('circuit_failures', '<>', 0), eb('circuit_open_until', 'is not', null)]))
    .execute();
}
