import { execute, parse } from 'graphql';
import { assembleSchema } from '../core/graphql/assemble.ts';
import type { GraphQLContext } from '../core/graphql/context.ts';
import type { Pool, PoolClient } from '../core/db/pool.ts';
import { httpRequest } from './http.ts';
import { type LargeFixtures, issueScenarios } from './large-scenarios.ts';
import { FULL_SIZES, LARGE_TENANT, describeLargeTenant, nextMonths, seedLargeTenant } from './large-tenant.ts';
import { berlinToday } from '../modules/events/occurrences.ts';
import { startPlatform } from './platform-server.ts';
import { table } from './report.ts';
import { headersFor } from './scenario.ts';
import { median } from './stats.ts';

/**
 * `npx tsx bench/profile.ts`: where an uncached request of issue 3's large tenant spends its time.
 * Requests go one at a time; each statement the tenant pool runs is counted and timed. Over HTTP
 * (the whole request) and in process (GraphQL execution alone, then JSON.stringify), so:
 * SQL = time inside the driver, GraphQL = execute − SQL, JSON = stringify, HTTP = the rest.
 * Settings: DATABASE_URL (PostgreSQL), BENCH_LARGE_SCALE (1), PROFILE_REQUESTS (40 per scenario),
 * PROFILE_DATA_DIR (PGlite: keep the data there; a later run with the same directory or database
 * skips seeding the large tenant, on the day it was seeded).
 */

type Statement = { sql: string; ms: number };

/** Wraps the database's pool so every statement is recorded (the profile's only hook). */
function recordStatements(pool: Pool): { take(): Statement[] } {
  let log: Statement[] = [];
  const connect = pool.connect.bind(pool);
  pool.connect = async () => {
    const client = await connect();
    const timed: PoolClient & { session: object } = {
      // The session key of session-context.ts must stay the physical connection.
      session: (client as PoolClient & { session?: object }).session ?? client,
      async query(text, parameters) {
        const t0 = performance.now();
        try {
          return await client.query(text, parameters);
        } finally {
          log.push({ sql: text, ms: performance.now() - t0 });
        }
      },
      release: () => client.release(),
    };
    return timed;
  };
  return {
    take() {
      const out = log;
      log = [];
      return out;
    },
  };
}

const scale = Number(process.env.BENCH_LARGE_SCALE ?? 1);
const perScenario = Number(process.env.PROFILE_REQUESTS ?? 40);
const log = (line: string) => process.stderr.write(`${line}\n`);

const server = await startPlatform(process.env.PROFILE_DATA_DIR);
try {
  const { platform } = server;
  const small = platform.tenants.get('bad-belzig')!;
  const sizes = { ...FULL_SIZES, events: Math.round(FULL_SIZES.events * scale), places: Math.round(FULL_SIZES.places * scale), news: Math.round(FULL_SIZES.news * scale) };
  const seeded = platform.tenants.get(LARGE_TENANT.slug);
  const large = seeded ? { ...(await describeLargeTenant(platform, seeded)), today: berlinToday() } : await seedLargeTenant(platform, { copyFrom: small, sizes, log });
  const token = await server.token(LARGE_TENANT.host, LARGE_TENANT.clientId, LARGE_TENANT.clientSecret);
  const fixtures: LargeFixtures = { months: nextMonths(large.today, 11), poiCategories: large.poiCategories, searchPhrases: large.searchPhrases };
  const statements = recordStatements((platform.database as unknown as { pool: Pool }).pool);
  const schema = assembleSchema(platform.modules, () => {});
  const db = platform.database.forTenant(large.tenant.id);

  const rows: string[][] = [];
  const slowest: string[] = [];
  for (const s of issueScenarios(LARGE_TENANT.host, token, fixtures)) {
    const step = Math.max(1, Math.floor(s.uncached.requests.length / perScenario));
    const spread = s.uncached.requests.filter((_, i) => i % step === 0);
    // Scenarios with fewer variants than requests (the category tree has one) repeat them.
    const picked = Array.from({ length: perScenario }, (_, i) => spread[i % spread.length]);
    const m = { http: [] as number[], exec: [] as number[], sql: [] as number[], json: [] as number[], count: [] as number[] };
    const bySql = new Map<string, number[]>();
    for (let round = 0; round < 2; round++) {
      // Round 0 warms up (plans, JIT); round 1 is measured.
      for (const [i, r] of picked.entries()) {
        const body = JSON.parse(r.body!);
        body.variables = { ...body.variables, benchNonce: `profile-${round}-${i}-${Date.now()}` };
        statements.take();
        let t0 = performance.now();
        const res = await httpRequest(server.url + r.path, { method: r.method, headers: headersFor(s.uncached, r), body: JSON.stringify(body) });
        const httpMs = performance.now() - t0;
        if (res.status !== 200 || JSON.parse(res.body).errors) throw new Error(`${s.key}: ${res.body.slice(0, 300)}`);
        statements.take();

        const ctx: GraphQLContext = { tenant: large.tenant, principal: { kind: 'anonymous' }, db, origin: `http://${LARGE_TENANT.host}`, ip: '127.0.0.1', memo: new Map(), enqueue: async () => {} };
        const document = parse(body.query);
        t0 = performance.now();
        const result = await execute({ schema, document, variableValues: body.variables, contextValue: ctx });
        const execMs = performance.now() - t0;
        t0 = performance.now();
        JSON.stringify({ data: result.data });
        const jsonMs = performance.now() - t0;
        const ran = statements.take();
        if (round === 0) continue;
        m.http.push(httpMs);
        m.exec.push(execMs);
        m.json.push(jsonMs);
        m.sql.push(ran.reduce((a, x) => a + x.ms, 0));
        m.count.push(ran.length);
        for (const x of ran) {
          const key = x.sql.replace(/\s+/g, ' ').slice(0, 110);
          bySql.set(key, [...(bySql.get(key) ?? []), x.ms]);
        }
      }
    }
    const [http, exec, sqlMs, json] = [median(m.http), median(m.exec), median(m.sql), median(m.json)];
    rows.push([`(${s.key}) ${s.title}`, median(m.count).toFixed(0), http.toFixed(2), exec.toFixed(2), sqlMs.toFixed(2), (exec - sqlMs).toFixed(2), json.toFixed(2), (http - exec - json).toFixed(2)]);
    for (const [text, times] of bySql) slowest.push(`(${s.key}) ${times.length}× median ${median(times).toFixed(2)} ms: ${text}`);
  }
  process.stdout.write(
    [
      '',
      `Profile of uncached requests, large tenant (scale ${scale}), ${platform.database.kind}, one at a time, medians of ${perScenario}`,
      table(['scenario', 'statements', 'HTTP ms', 'execute ms', 'SQL ms', 'GraphQL JS ms', 'JSON ms', 'HTTP rest ms'], rows),
      '',
      'Statements (per scenario, median time each):',
      ...slowest,
      '',
    ].join('\n'),
  );
} finally {
  await server.close();
}
