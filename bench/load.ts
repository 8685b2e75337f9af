import autocannon, { type Request } from 'autocannon';
import { headersFor, type Scenario } from './scenario.ts';
import { NumberLog, percentile } from './stats.ts';

export type LoadOptions = { connections: number; durationSec: number; warmupSec: number };

export type LoadResult = {
  /** Mean requests per second over the measured period (autocannon's per-second samples). */
  rps: number;
  /** Latency percentiles in ms, exact (autocannon's own histogram rounds to whole ms). */
  p50: number;
  p99: number;
  responses: number;
  /** Socket errors + timeouts + non-2xx responses: any of these makes the run invalid. */
  failures: number;
  /** Average bytes per response on the wire, headers included. */
  bytesPerResponse: number;
};

/** Counts requests of `unique` scenarios over the life of the load-generator process. */
let nonce = 0;
const runId = `${process.pid}-${Date.now().toString(36)}`;

/**
 * A `unique` scenario as one autocannon request whose body is made anew for every request: the
 * next variant of one rotation shared by all connections, with a variable `benchNonce` no other
 * request carries.
 */
function uniqueRequests(requests: Request[]): Request[] {
  const variants = requests.map((r) => {
    const body = JSON.parse(String(r.body ?? '{}')) as { variables?: Record<string, unknown> };
    return { ...r, json: body };
  });
  let next = 0;
  const setupRequest = (req: Request): Request => {
    const v = variants[next];
    next = (next + 1) % variants.length;
    const body = JSON.stringify({ ...v.json, variables: { ...(v.json.variables ?? {}), benchNonce: `${runId}-${nonce++}` } });
    return { ...req, method: v.method, path: v.path, headers: v.headers, body };
  };
  return [{ ...requests[0], setupRequest }];
}

/**
 * Drives one scenario against one server with autocannon: a warm-up, then the measured period.
 * Each connection sends the scenario's requests in rotation (a `unique` scenario: one rotation
 * for all connections, every body different).
 */
export async function runLoad(url: string, scenario: Scenario, opts: LoadOptions): Promise<LoadResult> {
  const latencies = new NumberLog();
  const requests: Request[] = scenario.requests.map((r) => ({ method: r.method, path: r.path, headers: headersFor(scenario, r), body: r.body }));
  const instance = autocannon({
    url,
    connections: opts.connections,
    duration: opts.durationSec,
    warmup: opts.warmupSec > 0 ? { connections: opts.connections, duration: opts.warmupSec } : undefined,
    requests: scenario.unique ? uniqueRequests(requests) : requests,
  });
  // With a warm-up, this emitter only sees the measured period's responses.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  const result = await instance;
  const sorted = latencies.sorted();
  const responses = sorted.length;
  return {
    rps: result.requests.average,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    responses,
    failures: result.errors + result.timeouts + result.non2xx,
    bytesPerResponse: responses ? result.throughput.total / responses : 0,
  };
}
