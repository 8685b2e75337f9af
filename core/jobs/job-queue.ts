import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.ts';
import { loadConfig, type Config } from '../config.ts';

export type JobContext = {
  tenantId: number | null;
  /** Tenant-bound when the job belongs to a tenant, otherwise the system database. */
  db: Kysely<any>;
  payload: any;
  attempt: number;
  log: FastifyBaseLogger;
  /** The deployment's settings (e.g. where a job sends to). */
  config: Config;
};
export type JobHandler = (ctx: JobContext) => Promise<void>;

export type EnqueueOptions = {
  name: string;
  payload?: unknown;
  runAt?: Date;
  /** Left out when enqueued from a tenant-bound database: the session supplies it. */
  tenantId?: number | null;
  /** At most one waiting job per key; enqueueing again moves its run time. */
  dedupeKey?: string;
  maxAttempts?: number;
};

/** Inserts a job. Call it with a transaction to make the job part of the write that needs it. */
export async function enqueueJob(db: Kysely<any>, job: EnqueueOptions): Promise<void> {
  const values: Record<string, unknown> = {
    name: job.name,
    payload: JSON.stringify(job.payload ?? {}),
    run_at: job.runAt ?? new Date(),
    dedupe_key: job.dedupeKey ?? null,
    max_attempts: job.maxAttempts ?? 5,
  };
  if (job.tenantId !== undefined) values.tenant_id = job.tenantId;
  await db
    .insertInto('jobs')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('dedupe_key')
        .where('status', '=', 'queued')
        .doUpdateSet((eb: any) => ({ run_at: eb.ref('excluded.run_at'), payload: eb.ref('excluded.payload') })),
    )
    .execute();
}

/** Exponential back-off with jitter: about 2 s, 4 s, 8 s … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  const base = Math.min(3_600_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/**
 * PostgreSQL-backed job queue. Workers in any number of processes claim due jobs with
 * FOR UPDATE SKIP LOCKED, so a job runs in one place at a time; failures are retried with
 * back-off and kept as 'dead' with their error after the last attempt.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
    private readonly opts: { pollMs?: number; batchSize?: number; staleAfterMs?: number; config?: Config } = {},
  ) {
    this.config = opts.config ?? loadConfig({});
  }

  private readonly config: Config;

  register(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Job "${name}" is registered twice.`);
    this.handlers.set(name, handler);
  }

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runDue()
        .catch((err) => this.log.error({ err }, 'job worker tick failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 500);
        });
    };
    tick();
  }

  /** Stops claiming new jobs and waits for the ones in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and runs all jobs due now; returns how many ran. Tests call it directly. */
  async runDue(): Promise<number> {
    await this.requeueStale();
    let total = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return total;
      for (const job of batch) await this.execute(job);
      total += batch.length;
    }
  }

  async depth(): Promise<Record<'queued' | 'running' | 'dead', number>> {
    const rows = await this.database.system
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['queued', 'running', 'dead'])
      .groupBy('status')
      .execute();
    const out = { queued: 0, running: 0, dead: 0 };
    for (const r of rows) out[r.status as keyof typeof out] = Number(r.n);
    return out;
  }

  private async claim(): Promise<any[]> {
    const result = await sql<any>`
      UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${this.workerId}, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now()
        ORDER BY run_at, id LIMIT ${this.opts.batchSize ?? 20} FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, name, payload, attempts, max_attempts`.execute(this.database.system);
    return result.rows;
  }

  private async execute(job: any): Promise<void> {
    const db = this.database.system;
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`No handler registered for job "${job.name}".`);
      await handler({
        tenantId: job.tenant_id,
        db: job.tenant_id === null ? db : this.database.forTenant(job.tenant_id),
        payload: job.payload,
        attempt: job.attempts,
        log: this.log.child({ job: job.name, jobId: job.id }),
        config: this.config,
      });
      await db.updateTable('jobs').set({ status: 'done', finished_at: new Date(), last_error: null }).where('id', '=', job.id).execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = job.attempts >= job.max_attempts;
      this.log.warn({ job: job.name, jobId: job.id, attempt: job.attempts, dead, err: message }, 'job failed');
      await db
        .updateTable('jobs')
        .set(
          dead
            ? { status: 'dead', last_error: message, finished_at: new Date() }
            : { status: 'queued', last_error: message, run_at: new Date(Date.now() + retryDelayMs(job.attempts)), locked_at: null, locked_by: null },
        )
        .where('id', '=', job.id)
        .execute();
    }
  }

  /** Jobs left 'running' by a process that died are handed out again. */
  private async requeueStale(): Promise<void> {
    const staleMs = this.opts.staleAfterMs ?? 15 * 60_000;
    await this.database.system
      .updateTable('jobs')
      .set({ status: 'queued', locked_at: null, locked_by: null })
      .where('status', '=', 'running')
      .where('locked_at', '<', new Date(Date.now() - staleMs))
      .execute();
  }
}
