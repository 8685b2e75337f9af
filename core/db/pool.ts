/**
 * The minimal pool shape Kysely's PostgresDialect drives. Both the PGlite adapter and
 * node-postgres satisfy it, so the rest of Dorfplatz sees one dialect.
 */
export interface QueryResult {
  command: 'INSERT' | 'UPDATE' | 'DELETE' | 'SELECT' | 'MERGE';
  rowCount: number;
  rows: any[];
}

export interface PoolClient {
  query(sql: string, parameters?: readonly unknown[]): Promise<QueryResult>;
  release(): void;
}

export interface Pool {
  connect(): Promise<PoolClient>;
  end(): Promise<void>;
}

/** Type parsers shared by both drivers: counts as numbers, SQL dates as "YYYY-MM-DD" strings. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  20: (v) => Number(v), // int8 (count(*), sums)
  1700: (v) => Number(v), // numeric
  1082: (v) => v, // date stays a calendar date, no time zone shift
};
