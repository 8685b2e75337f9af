import pg from 'pg';
import type { Pool, PoolClient } from './pool.ts';
import { typeParsers } from './pool.ts';

const types = {
  getTypeParser(oid: number, format?: any) {
    return typeParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/** node-postgres pool over a PostgreSQL server (DATABASE_URL). */
export function openPgPool(connectionString: string, max: number): Pool & { raw: pg.Pool } {
  const raw = new pg.Pool({ connectionString, max, types: types as any });
  // An idle client that loses its server connection must not crash the process.
  raw.on('error', () => {});
  return {
    raw,
    connect: () => raw.connect() as unknown as Promise<PoolClient>,
    end: () => raw.end(),
  };
}
