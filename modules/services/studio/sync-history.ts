import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Source } from '../model/catalog.ts';

export const RUNS_SHOWN = 20;

/** Counts as a run stores them ({"services": {"added": 3, …}, …}); anything else in there is left out. */
const Counts = z.record(z.string(), z.unknown()).catch({});
const LogLine = z.object({ at: z.string(), message: z.string() });
const Log = z.array(z.unknown()).catch([]);

export type RunCounts = Record<string, Record<string, number>>;
export type SyncRun = {
  id: number;
  source: Source;
  trigger: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date | null;
  counts: RunCounts;
  log: { at: string; message: string }[];
  error: string | null;
};

function countsOf(raw: unknown): RunCounts {
  const out: RunCounts = {};
  for (const [kind, value] of Object.entries(Counts.parse(raw))) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const numbers = Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number');
    if (numbers.length) out[kind] = Object.fromEntries(numbers);
  }
  return out;
}

/** The tenant's latest sync and import runs, newest first, with their counts and logs. */
export async function recentRuns(db: Kysely<any>, limit = RUNS_SHOWN): Promise<SyncRun[]> {
  const rows = await db.selectFrom('ozg_sync_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    trigger: r.trigger,
    status: r.status,
    startedAt: new Date(r.started_at),
    finishedAt: r.finished_at ? new Date(r.finished_at) : null,
    counts: countsOf(r.counts),
    log: Log.parse(r.log).flatMap((l) => {
      const line = LogLine.safeParse(l);
      return line.success ? [line.data] : [];
    }),
    error: r.error,
  }));
}

export type SourceStatus = { source: Source; lastAttemptAt: Date | null; lastSuccessAt: Date | null; lastError: string | null };

/** What each source's last runs came to (ozg_source_status), by source. */
export async function sourceStatuses(db: Kysely<any>): Promise<SourceStatus[]> {
  const rows = await db.selectFrom('ozg_source_status').selectAll().orderBy('source').execute();
  const at = (v: unknown) => (v ? new Date(v as string) : null);
  return rows.map((r) => ({ source: r.source, lastAttemptAt: at(r.last_attempt_at), lastSuccessAt: at(r.last_success_at), lastError: r.last_error }));
}
