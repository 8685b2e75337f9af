import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from './pool.ts';
import { PGlitePool } from './pglite-pool.ts';
import { openPgPool } from './pg-pool.ts';
import { contextPool } from './session-context.ts';

export type NotificationHandler = (payload: string) => void;

/**
 * One database for the process: PGlite in DATA_DIR by default, a PostgreSQL pool when
 * DATABASE_URL is set. `system` runs with the owner's rights (migrations, tenants, auth, jobs);
 * `forTenant(id)` hands out a Kysely instance confined to one tenant's rows.
 */
export class Database {
  readonly system: Kysely<any>;
  private readonly tenantDbs = new Map<number, Kysely<any>>();
  private readonly stopListeners: Array<() => Promise<void>> = [];

  private constructor(
    readonly kind: 'pglite' | 'postgres',
    private readonly pool: Pool,
    private readonly pglitePool?: PGlitePool,
    private readonly connectionString?: string,
  ) {
    this.system = new Kysely<any>({ dialect: new PostgresDialect({ pool: contextPool(pool, null) as any }) });
  }

  static async open(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Database> {
    if (opts.databaseUrl) {
      return new Database('postgres', openPgPool(opts.databaseUrl, opts.poolSize ?? 10), undefined, opts.databaseUrl);
    }
    let dir: string | undefined;
    if (opts.dataDir) {
      dir = path.resolve(opts.dataDir, 'pglite');
      mkdirSync(dir, { recursive: true });
    }
    const pool = await PGlitePool.open(dir);
    return new Database('pglite', pool, pool);
  }

  forTenant(tenantId: number): Kysely<any> {
    let db = this.tenantDbs.get(tenantId);
    if (!db) {
      db = new Kysely<any>({ dialect: new PostgresDialect({ pool: contextPool(this.pool, tenantId) as any }) });
      this.tenantDbs.set(tenantId, db);
    }
    return db;
  }

  /**
   * Subscribes to a NOTIFY channel. On PostgreSQL a dedicated connection listens and reconnects
   * with back-off; `onReconnect` runs after a gap in which notifications may have been missed.
   */
  async listen(channel: string, handler: NotificationHandler, onReconnect: () => void = () => {}): Promise<void> {
    if (this.pglitePool) {
      const unsubscribe = await this.pglitePool.pglite.listen(channel, handler);
      this.stopListeners.push(unsubscribe);
      return;
    }
    let stopped = false;
    let client: pg.Client | undefined;
    let delay = 250;
    const connect = async (isReconnect: boolean): Promise<void> => {
      if (stopped) return;
      client = new pg.Client({ connectionString: this.connectionString });
      client.on('notification', (msg) => msg.channel === channel && handler(msg.payload ?? ''));
      client.on('error', () => {});
      client.on('end', () => {
        if (!stopped) setTimeout(() => void connect(true).catch(() => {}), (delay = Math.min(delay * 2, 10_000))).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      delay = 250;
      if (isReconnect) onReconnect();
    };
    await connect(false);
    this.stopListeners.push(async () => {
      stopped = true;
      await client?.end().catch(() => {});
    });
  }

  async close(): Promise<void> {
    for (const stop of this.stopListeners.splice(0)) await stop();
    await this.pool.end();
  }
}
