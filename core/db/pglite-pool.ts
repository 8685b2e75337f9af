import { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient, QueryResult } from './pool.ts';
import { typeParsers } from './pool.ts';

const writeCommand = /^\s*(insert|update|delete|merge)\b/i;

/**
 * PGlite is one embedded connection. This pool hands it out to one borrower at a time,
 * so a transaction never interleaves with another request's statements.
 */
export class PGlitePool implements Pool {
  private queue: Promise<void> = Promise.resolve();

  private constructor(readonly pglite: PGlite) {}

  static async open(dataDir: string | undefined): Promise<PGlitePool> {
    const pglite = new PGlite(dataDir ?? 'memory://', { parsers: typeParsers });
    await pglite.waitReady;
    return new PGlitePool(pglite);
  }

  async connect(): Promise<PoolClient & { session: object }> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    const pglite = this.pglite;
    let released = false;
    return {
      // One physical session behind every borrowed client: its role and tenant setting persist.
      session: pglite,
      async query(sql: string, parameters?: readonly unknown[]): Promise<QueryResult> {
        const result = await pglite.query(sql, parameters as any[]);
        const command = (writeCommand.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT') as QueryResult['command'];
        return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows as any[] };
      },
      release() {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  async end(): Promise<void> {
    await this.queue;
    await this.pglite.close();
  }
}
