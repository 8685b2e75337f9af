import { sql, type Kysely } from 'kysely';
import type { Source } from '../model/catalog.ts';
import { redact } from '../zufi/redact.ts';

/** A run left 'running' this long was cut off (its process ended); it no longer blocks new runs. */
const ABANDONED_AFTER = '1 hour';
/** The log of one run stays readable: progress lines and the first warnings. */
const MAX_LINES = 400;

type Line = { at: string; message: string };
export type RunTrigger = 'schedule' | 'studio' | 'upload' | 'seed';

const inTransaction = <T>(db: Kysely<any>, fn: (trx: Kysely<any>) => Promise<T>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

/**
 * One sync or import run in ozg_sync_runs, as the studio shows it: status, counts, error and a
 * progress log appended while the run goes. Lines are written in the background (a run's
 * transaction must never wait for them: PGlite has one connection) and every line and error is
 * stripped of the upstream key.
 */
export class RunRecorder {
  private pending: Line[] = [];
  private written = 0;
  private flushing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly db: Kysely<any>,
    readonly id: number,
    private readonly secret: string | null,
    /** Write lines as they come (a job), or only at the end (the seed, inside its transaction). */
    private readonly live: boolean,
  ) {}

  /**
   * Starts a run of `source`, or returns null when another run of it is going on (in any
   * process: the check and the insert are serialised by an advisory lock of the tenant and source).
   */
  static async start(db: Kysely<any>, source: Source, trigger: RunTrigger, opts: { secret?: string | null; live?: boolean } = {}): Promise<RunRecorder | null> {
    const id = await inTransaction(db, async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext('ozg_sync_runs:' || dorfplatz_current_tenant() || ':' || ${source}))`.execute(trx);
      await sql`UPDATE ozg_sync_runs SET status = 'failed', finished_at = now(), error = 'Lauf abgebrochen (der Prozess wurde beendet).'
        WHERE source = ${source} AND status = 'running' AND started_at < now() - ${ABANDONED_AFTER}::interval`.execute(trx);
      const busy = await trx.selectFrom('ozg_sync_runs').select('id').where('source', '=', source).where('status', '=', 'running').executeTakeFirst();
      if (busy) return null;
      const row = await trx.insertInto('ozg_sync_runs').values({ source, trigger }).returning('id').executeTakeFirstOrThrow();
      return row.id as number;
    });
    return id === null ? null : new RunRecorder(db, id, opts.secret ?? null, opts.live ?? true);
  }

  /** Appends a progress line (written in the background). */
  line(message: string): void {
    if (this.written + this.pending.length >= MAX_LINES) return;
    this.pending.push({ at: new Date().toISOString(), message: redact(message, this.secret) });
    // A failed background write loses its lines, never the run (and is no unhandled rejection).
    if (this.live) this.flushing = this.flushing.then(() => this.flush()).catch(() => {});
  }

  async succeed(counts: Record<string, unknown>): Promise<void> {
    await this.finish({ status: 'succeeded', counts: JSON.stringify(counts) });
  }

  /** Ends the run as failed; returns the message as recorded (without the key). */
  async fail(message: string): Promise<string> {
    const clean = redact(message, this.secret);
    await this.finish({ status: 'failed', error: clean });
    return clean;
  }

  private async flush(values: Record<string, unknown> = {}): Promise<void> {
    const lines = this.pending;
    this.pending = [];
    this.written += lines.length;
    if (!lines.length && !Object.keys(values).length) return;
    await this.db
      .updateTable('ozg_sync_runs')
      .set({ ...values, log: sql`log || ${JSON.stringify(lines)}::jsonb` })
      .where('id', '=', this.id)
      .execute();
  }

  private async finish(values: Record<string, unknown>): Promise<void> {
    await this.flushing;
    await this.flush({ ...values, finished_at: sql`now()` });
  }
}

/**
 * What the app shows as the copy's age ("Stand: …"): when the source was last tried, when it
 * last succeeded and the last error. Written once per run, at its end.
 */
export async function recordSourceStatus(db: Kysely<any>, source: Source, attemptAt: Date, error: string | null): Promise<void> {
  const success = error === null ? attemptAt : null;
  await sql`INSERT INTO ozg_source_status (source, last_attempt_at, last_success_at, last_error)
    VALUES (${source}, ${attemptAt}, ${success}, ${error})
    ON CONFLICT (tenant_id, source) DO UPDATE SET last_attempt_at = excluded.last_attempt_at,
      last_success_at = coalesce(excluded.last_success_at, ozg_source_status.last_success_at), last_error = excluded.last_error`.execute(db);
}
