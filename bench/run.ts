import os from 'node:os';
import { startPlatform, type RunningPlatform } from './platform-server.ts';
import { LoadGenerator } from './load-generator.ts';
import type { LoadOptions } from './load.ts';
import { compareWithBaseline } from './compare.ts';
import { homeMix } from './home-mix.ts';
import { comparison, resultsTable, type Targets } from './report.ts';

/**
 * `npm run bench`: the real server on a fresh seeded data dir against a plain Fastify baseline
 * that sends the same bodies. Rounds alternate baseline and server; the report uses medians.
 * Settings: BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (10);
 * DATABASE_URL for PostgreSQL instead of PGlite.
 */

const HOST = 'bad-belzig.localhost';
const CLIENT_ID = 'bad-belzig-app';
const CLIENT_SECRET = 'demo-app-secret-bad-belzig';
const TARGETS: Targets = { minRpsRatio: 0.5, maxP99Ms: 20 };

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return v;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const rounds = Math.max(1, intEnv('BENCH_ROUNDS', 3));
  const load: LoadOptions = { connections: intEnv('BENCH_CONNECTIONS', 10), durationSec: intEnv('BENCH_DURATION', 10), warmupSec: intEnv('BENCH_WARMUP', 3) };

  let server: RunningPlatform | undefined;
  let generator: LoadGenerator | undefined;
  try {
    log(`starting Dorfplatz (${process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'PGlite'}) on a fresh data dir and seeding the demo …`);
    server = await startPlatform();
    generator = LoadGenerator.start();
    const token = await server.token(HOST, CLIENT_ID, CLIENT_SECRET);

    const home = await compareWithBaseline(server.url, homeMix(HOST, token), generator, load, rounds, log);

    const { hits, misses } = server.platform.cache;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const failures = [...home.server, ...home.baseline].reduce((n, r) => n + r.failures, 0);
    const out = [
      '',
      `Dorfplatz benchmark: ${home.scenario.name} (${home.scenario.requests.map((r, i) => `${r.label} ${home.responseSizes[i]} B`).join(', ')}; in rotation, host ${home.scenario.host})`,
      `${load.connections} connections, ${load.durationSec} s measured after ${load.warmupSec} s warm-up, ${rounds} rounds b/a alternating, medians`,
      `${server.platform.database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, Node ${process.version}, ${os.cpus().length} CPUs; load generator in a separate process`,
      '',
      resultsTable([
        { label: '(b) baseline: plain Fastify', rounds: home.baseline },
        { label: '(a) Dorfplatz home-screen mix', rounds: home.server },
      ]),
      '',
      comparison(home.server, home.baseline, TARGETS).text,
      '',
      `Peak RSS (server process: Dorfplatz + baseline): ${rssMb.toFixed(1)} MB`,
      `Response cache hit rate: ${hits + misses ? ((100 * hits) / (hits + misses)).toFixed(3) : '–'} %  (${hits} hits, ${misses} misses)`,
      '',
    ];
    process.stdout.write(out.join('\n'));
    if (failures) {
      log(`error: ${failures} requests failed (socket errors, timeouts or non-2xx): the numbers above are not valid.`);
      return 1;
    }
    return 0;
  } finally {
    await generator?.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
