import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { JobHandler } from '../../../core/jobs/job-queue.ts';
import { AppError } from '../../../core/errors.ts';
import { applyCatalog, type ApplyCounts } from '../store/apply-catalog.ts';
import { readZufiSettings } from '../settings/zufi-settings.ts';
import { fetchZufiCatalog, type ZufiFetchOptions } from '../zufi/zufi-provider.ts';
import { zufiFailureOf } from '../zufi/zufi-error.ts';
import { redact } from '../zufi/redact.ts';
import { SyncPayload } from './sync-request.ts';
import { RunRecorder, recordSourceStatus } from './run-log.ts';
import { circuitOpenUntil, closeCircuit, recordFailedRun } from './circuit-breaker.ts';
import { refuseSuspiciousShrink } from './shrink-guard.ts';
import { freshUntil } from './freshness.ts';

export type SyncOutcome =
  | { status: 'succeeded'; runId: number; counts: Omit<ApplyCounts, 'warnings'> }
  | { status: 'failed'; runId: number; error: string }
  | { status: 'skipped'; reason: 'disabled' | 'circuit_open' | 'busy' };

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/**
 * One ZuFi sync of the tenant (db bound to it): fetch the whole catalogue, then, in one
 * transaction, check it against the shrink guard, apply it and mark the services fresh for as
 * long as the upstream allows. Any failure leaves the copy as it was and is recorded in the
 * run row, in ozg_source_status (so the app can say how old its copy is) and in the circuit breaker.
 */
export type SyncOptions = ZufiFetchOptions & {
  /** Also receives every line of the run's log as it is written (the bench prints them). */
  onProgress?: (message: string) => void;
};

export async function runZufiSync(db: Kysely<any>, payload: SyncPayload, log: Log, opts: SyncOptions = {}): Promise<SyncOutcome> {
  const settings = await readZufiSettings(db);
  if (payload.trigger === 'schedule') {
    if (!settings.enabled) return skipped(log, 'disabled');
    const openUntil = circuitOpenUntil(settings);
    if (openUntil) return skipped(log, 'circuit_open', { openUntil: openUntil.toISOString(), failures: settings.circuitFailures });
  } else {
    // A person asked for this run: it is tried whatever the breaker says.
    await closeCircuit(db);
  }
  const run = await RunRecorder.start(db, 'zufi', payload.trigger, { secret: settings.apiKey });
  if (!run) return skipped(log, 'busy');

  const line = (m: string) => {
    run.line(m);
    opts.onProgress?.(m);
  };
  const attemptAt = new Date();
  try {
    const fetched = await fetchZufiCatalog(settings, line, opts);
    for (const w of fetched.warnings) line(w);
    const until = freshUntil(fetched.freshness, settings.syncIntervalHours * 3_600_000, attemptAt.getTime());
    const { warnings, ...counts } = await db.transaction().execute(async (trx) => {
      if (!payload.allowShrink) await refuseSuspiciousShrink(trx, 'zufi', fetched.catalog.services.length);
      const applied = await applyCatalog(trx, 'zufi', fetched.catalog, { onProgress: line });
      await sql`UPDATE ozg_services SET fresh_until = ${until} WHERE source = 'zufi'`.execute(trx);
      return applied;
    });
    for (const w of warnings) line(w);
    await run.succeed(counts);
    await recordSourceStatus(db, 'zufi', attemptAt, null);
    await closeCircuit(db);
    log.info({ runId: run.id, services: counts.services }, 'ZuFi sync succeeded');
    return { status: 'succeeded', runId: run.id, counts };
  } catch (err) {
    const reason = zufiFailureOf(err);
    const message = err instanceof AppError ? err.message : `Unerwarteter Fehler beim Abgleich: ${err instanceof Error ? err.message : String(err)}`;
    const error = await run.fail(message);
    await recordSourceStatus(db, 'zufi', attemptAt, error);
    const circuit = await recordFailedRun(db, reason);
    log.warn({ runId: run.id, reason: reason ?? 'internal', circuitFailures: circuit.failures, circuitOpenUntil: circuit.openUntil?.toISOString() ?? null }, redact(`ZuFi sync failed: ${error}`, settings.apiKey));
    return { status: 'failed', runId: run.id, error };
  }
}

function skipped(log: Log, reason: 'disabled' | 'circuit_open' | 'busy', details: Record<string, unknown> = {}): SyncOutcome {
  log.info({ reason, ...details }, reason === 'circuit_open' ? 'ZuFi sync skipped: circuit breaker open' : `ZuFi sync skipped (${reason})`);
  return { status: 'skipped', reason };
}

/** The SYNC_JOB handler (payload: sync-request.ts). Failures are recorded in the run, not retried by the queue. */
export const syncJob: JobHandler = async ({ db, tenantId, payload, log }) => {
  if (tenantId === null) return;
  const parsed = SyncPayload.safeParse(payload);
  await runZufiSync(db, parsed.success ? parsed.data : { trigger: 'schedule' }, log);
};
