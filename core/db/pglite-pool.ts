import { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient, QueryResult } from './pool.ts';
import { typeParsers } from './pool.ts';
import { PGliteStatements } from './pglite-statements.ts';

/**
 * PGlite is one embedded connection. This pool hands it out to one borrower at a time,
 * so a transaction never interleaves with another request's statements.
 */
export class PGlitePool implements Pool {
  private queue: Promise<void> = Promise.resolve();

  private readonly statements: PGliteStatements;

  private constructor(readonly pglite: PGlite) {
    this.statements = new PGliteStatements(pglite);
  }

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
    const { pglite, statements } = this;
    let released = false;
    return {
      // One physical session behind every borrowed client: its role and tenant setting persist.
      session: pglite,
      query: (sql: string, parameters?: readonly unknown[]): Promise<QueryResult> => statements.query(sql, parameters),
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
