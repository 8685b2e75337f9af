import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import type { QueryResult } from './pool.ts';

const serialize = protocol.serialize;
/**
 * Statements kept prepared: reads. Not DDL or session commands, and not writes: a generic plan of
 * INSERT … ON CONFLICT (…) WHERE status = $1 cannot infer its partial unique index and fails.
 */
const preparable = (sql: string) => /^\s*(select|with)\b/i.test(sql) && !/\b(insert|update|delete|merge)\b/i.test(sql);
const writeCommand = /^\s*(insert|update|delete|merge)\b/i;
/** SQLSTATE of "cached plan must not change result type" (a table changed under a statement). */
const PLAN_CHANGED = '0A000';

type Prepared = { name: string; paramTypes: number[] };

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Queries on the one PGlite session through named prepared statements, by SQL text. PGlite's own
 * query() parses, analyses and plans every statement anew, in WebAssembly on the server's event
 * loop; the app sends the same few hundred texts all day, so each is parsed once and then only
 * bound and executed (after five runs PostgreSQL may also reuse a generic plan). The least
 * recently used statements beyond `max` are closed.
 */
export class PGliteStatements {
  private readonly prepared = new Map<string, Prepared>();
  private next = 0;
  /** Close messages for evicted statements, sent with the next request. */
  private closing: Uint8Array[] = [];

  constructor(
    private readonly pglite: PGlite,
    private readonly max = 500,
  ) {}

  async query(sql: string, parameters: readonly unknown[] = []): Promise<QueryResult> {
    if (!preparable(sql)) {
      const result = await this.pglite.query(sql, parameters as unknown[]);
      const command = (writeCommand.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT') as QueryResult['command'];
      return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows as any[] };
    }
    const statement = this.prepared.get(sql) ?? (await this.prepare(sql));
    // Most recently used last, so eviction takes the first.
    this.prepared.delete(sql);
    this.prepared.set(sql, statement);
    const values = parameters.map((v, i) => {
      if (v === null || v === undefined) return null;
      const toText = this.pglite.serializers[statement.paramTypes[i]];
      return toText ? toText(v) : String(v);
    });
    const messages = [...this.closing.splice(0), serialize.bind({ statement: statement.name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()];
    try {
      // No syncToFs: Node's file systems (NodeFS, memory) write through; PGlite's own is a no-op there.
      const replies = await this.pglite.execProtocolStream(concat(messages), { syncToFs: false });
      const [result] = parse.parseResults(replies, this.pglite.parsers);
      return { command: 'SELECT', rowCount: result.rows.length, rows: result.rows as any[] };
    } catch (err) {
      if ((err as { code?: string }).code === PLAN_CHANGED) this.forget(sql);
      throw err;
    }
  }

  private async prepare(sql: string): Promise<Prepared> {
    const name = `dorfplatz_${++this.next}`;
    const replies = await this.pglite.execProtocolStream(
      concat([...this.closing.splice(0), serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(replies) };
    this.prepared.set(sql, statement);
    if (this.prepared.size > this.max) this.forget(this.prepared.keys().next().value!);
    return statement;
  }

  private forget(sql: string): void {
    const statement = this.prepared.get(sql);
    if (!statement) return;
    this.prepared.delete(sql);
    this.closing.push(serialize.close({ type: 'S', name: statement.name }));
  }
}
