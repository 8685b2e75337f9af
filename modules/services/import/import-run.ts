import { sql, type Kysely } from 'kysely';
import type { ApplyCounts } from '../store/apply-catalog.ts';
import { recordSourceStatus } from '../sync/run-log.ts';

export type ImportTrigger = 'upload' | 'seed';
export type LogLine = { at: string; message: string };
export type RunCounts = Omit<ApplyCounts, 'warnings'>;

export type ImportRun = {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: Partial<RunCounts>;
  log: LogLine[];
  error: string | null;
};

/** Warnings are log lines with this prefix, so every view of the run log shows them. */
export const WARNING_PREFIX = 'Warnung: ';

/**
 * The record of a file import in ozg_sync_runs (source "file") and the source's status in
 * ozg_source_status, which the app shows as "Stand: …". The catalogue itself is written by
 * store/apply-catalog.ts.
 */
export async function startImportRun(db: Kysely<any>, trigger: ImportTrigger): Promise<number> {
  const row = await db.insertInto('ozg_sync_runs').values({ source: 'file', trigger }).returning('id').executeTakeFirstOrThrow();
  return row.id as number;
}

export async function finishImportRun(db: Kysely<any>, id: number, outcome: { counts?: RunCounts; log: LogLine[]; error?: string }): Promise<void> {
  const failed = outcome.error !== undefined;
  await db
    .updateTable('ozg_sync_runs')
    .set({ status: failed ? 'failed' : 'succeeded', finished_at: sql`now()`, counts: JSON.stringify(outcome.counts ?? {}), log: JSON.stringify(outcome.log), error: outcome.error ?? null })
    .where('id', '=', id)
    .execute();
  await recordSourceStatus(db, 'file', new Date(), outcome.error ?? null);
}

export async function findImportRun(db: Kysely<any>, id: number): Promise<ImportRun | null> {
  const r = await db.selectFrom('ozg_sync_runs').selectAll().where('id', '=', id).where('source', '=', 'file').executeTakeFirst();
  if (!r) return null;
  return { id: r.id, status: r.status, trigger: r.trigger, startedAt: r.started_at, finishedAt: r.finished_at, counts: r.counts, log: r.log, error: r.error };
}

export type FileSourceSummary = { services: number; authorities: number; lastSuccessAt: Date | null; lastAttemptAt: Date | null; lastError: string | null };

/** What the tenant has from files now, for the import page. */
export async function fileSourceSummary(db: Kysely<any>): Promise<FileSourceSummary> {
  const count = (table: string) => db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).where('source', '=', 'file').executeTakeFirstOrThrow();
  const [services, authorities, status] = await Promise.all([
    count('ozg_services'),
    count('ozg_authorities'),
    db.selectFrom('ozg_source_status').selectAll().where('source', '=', 'file').executeTakeFirst(),
  ]);
  return { services: services.n, authorities: authorities.n, lastSuccessAt: status?.last_success_at ?? null, lastAttemptAt: status?.last_attempt_at ?? null, lastError: status?.last_error ?? null };
}
