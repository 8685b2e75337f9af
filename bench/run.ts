import os from 'node:os';
import { startPlatform, type RunningPlatform } from './platform-server.ts';
import { LoadGenerator } from './load-generator.ts';
import type { LoadOptions } from './load.ts';
import { compareWithBaseline } from './compare.ts';
import { homeMix } from './home-mix.ts';
import { comparison, resultsTable, type Targets } from './report.ts';
import { runLargeTenantBench } from './large-run.ts';
import { FULL_SIZES } from './large-tenant.ts';
import { measurePageLoads } from './page-load.ts';
import { httpRequest } from './http.ts';
import { runPushFanOutBench } from './push-fanout.ts';
import { runServicesSyncBench } from './services-sync.ts';
import { runServicesSearchBench } from './services-search.ts';
import { runDefectsBench } from './defects-open311.ts';

/**
 * `npm run bench`: the real server on a fresh seeded data dir against a plain Fastify baseline
 * that sends the same bodies. Rounds alternate baseline and server; the report uses medians.
 * Settings: BENCH_ROUNDS (3), BENCH_DURATION (10 s), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (10);
 * DATABASE_URL for PostgreSQL instead of PGlite.
 *
 * Then issue 4 (bench/page-load.ts): the web app's home page and a news page in Chromium, cold and
 * warm, with Lighthouse scores (BENCH_PAGES=0 skips it, BENCH_PAGE_ROUNDS sets the rounds, 3).
 *
 * Then issue 6 (bench/push-fanout.ts): one push message fanned out to BENCH_PUSH_DEVICES (100,000)
 * devices, half Expo, half Web Push, end to end against the senders driven directly (BENCH_PUSH=0 skips it).
 *
 * Then issue 7 (bench/services-sync.ts): a full ZuFi sync of BENCH_SYNC_SERVICES (3,000) services and
 * BENCH_SYNC_AUTHORITIES (500) authorities from the local fake upstream into a fresh tenant, with its
 * progress log, and a resync without changes (BENCH_SYNC=0 skips it).
 * Then issue 7 (bench/services-search.ts): search as you type over 3,000 administrative services and 500
 * authorities in a tenant of the same platform, uncached and cached (BENCH_SERVICES=0 skips it,
 * BENCH_SERVICES_ROUNDS sets the passes over the typed prefixes, 10).
 * Then issue 8 (bench/defects-open311.ts): Open311 GET requests (default window) and the duplicate
 * suggestion in a municipality with BENCH_DEFECTS_REPORTS (50,000) reports (BENCH_DEFECTS=0 skips it).
 *
 * Then issue 3 (bench/large-run.ts): a large tenant in the same platform, its event month, category
 * tree, place list and search cached and uncached, and its home-screen mix against the small one's.
 * BENCH_LARGE=0 skips it; BENCH_LARGE_DURATION (5 s), BENCH_LARGE_WARMUP (2 s), BENCH_LARGE_ROUNDS
 * (1, for (a)–(d)), BENCH_RATIO_ROUNDS (2, for (e)), BENCH_LARGE_SCALE (1 = 10,000 events, 20,000
 * places, 50,000 news; smaller for a quick try).
 */

const HOST = 'bad-belzig.localhost';
const CLIENT_ID = 'bad-belzig-app';
const CLIENT_SECRET = 'demo-app-secret-bad-belzig';
const TARGETS: Targets = { minRpsRatio: 0.5, maxP99Ms: 20 };

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return v;
}

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

    if (process.env.BENCH_PAGES !== '0') process.stdout.write(`\n${await pageLoadSection(server, intEnv('BENCH_PAGE_ROUNDS', 3))}\n\n`);

    if (process.env.BENCH_PUSH !== '0') process.stdout.write(await runPushFanOutBench(intEnv('BENCH_PUSH_DEVICES', 100_000), log));

    if (process.env.BENCH_SYNC !== '0') process.stdout.write(await runServicesSyncBench(intEnv('BENCH_SYNC_SERVICES', 3000), intEnv('BENCH_SYNC_AUTHORITIES', 500), log));
    if (process.env.BENCH_SERVICES !== '0') process.stdout.write(await runServicesSearchBench(server, log, Math.max(1, intEnv('BENCH_SERVICES_ROUNDS', 10))));
    if (process.env.BENCH_DEFECTS !== '0') process.stdout.write(await runDefectsBench(server, log, { reports: Math.max(1000, intEnv('BENCH_DEFECTS_REPORTS', 50_000)), rounds: Math.max(1, intEnv('BENCH_DEFECTS_ROUNDS', 200)) }));

    if (process.env.BENCH_LARGE === '0') return 0;
    const scale = numberEnv('BENCH_LARGE_SCALE', 1);
    const small = server.platform.tenants.get('bad-belzig');
    if (!small) throw new Error('the demo tenant bad-belzig is missing');
    const large = await runLargeTenantBench(
      server,
      generator,
      { tenant: small, host: HOST, token },
      {
        load: { connections: load.connections, durationSec: intEnv('BENCH_LARGE_DURATION', 5), warmupSec: intEnv('BENCH_LARGE_WARMUP', 2) },
        rounds: Math.max(1, intEnv('BENCH_LARGE_ROUNDS', 1)),
        ratioRounds: Math.max(1, intEnv('BENCH_RATIO_ROUNDS', 2)),
        sizes: {
          events: Math.round(FULL_SIZES.events * scale),
          datesPerEvent: FULL_SIZES.datesPerEvent,
          places: Math.round(FULL_SIZES.places * scale),
          news: Math.round(FULL_SIZES.news * scale),
        },
      },
      log,
    );
    process.stdout.write(large.text);
    if (large.failures) {
      log(`error: ${large.failures} requests of issue 3 failed (socket errors, timeouts or non-2xx): its numbers are not valid.`);
      return 1;
    }
    return 0;
  } finally {
    await generator?.close();
    await server?.close();
  }
}

/** Issue 4: page loads of the demo tenant's web app (before the large tenant fills the database). */
async function pageLoadSection(server: RunningPlatform, rounds: number): Promise<string> {
  const port = new URL(server.url).port;
  const base = `http://${HOST}:${port}`;
  const res = await httpRequest(`${server.url}/graphql`, { method: 'POST', headers: { host: HOST, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ newsItems(limit: 1) { id } }' }) });
  const newsId = (JSON.parse(res.body) as { data?: { newsItems?: { id: string }[] } }).data?.newsItems?.[0]?.id;
  if (!newsId) throw new Error(`no news item for the page-load measurement: ${res.body}`);
  return measurePageLoads(
    [
      { name: 'home', url: `${base}/`, view: 'modules/web-app/screens/home.view.tsx' },
      { name: 'news detail', url: `${base}/nachrichten/${newsId}`, view: 'modules/news/app/news-detail.view.tsx' },
    ],
    rounds,
    log,
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`benchmark failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
