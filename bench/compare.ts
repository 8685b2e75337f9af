import { startBaseline } from './baseline-server.ts';
import type { LoadGenerator } from './load-generator.ts';
import type { LoadOptions, LoadResult } from './load.ts';
import { replayOnce } from './replay.ts';
import type { Scenario } from './scenario.ts';

export type Comparison = { scenario: Scenario; responseSizes: number[]; baseline: LoadResult[]; server: LoadResult[] };

const brief = (r: LoadResult) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${r.failures ? `, ${r.failures} FAILED` : ''}`;

/**
 * One scenario against the real server (a) and against a plain Fastify server sending the same
 * response bodies (b), alternating b, a, b, a … so that machine noise hits both alike.
 */
export async function compareWithBaseline(
  serverUrl: string,
  scenario: Scenario,
  generator: LoadGenerator,
  load: LoadOptions,
  rounds: number,
  log: (line: string) => void,
): Promise<Comparison> {
  const responses = await replayOnce(serverUrl, scenario);
  const responseSizes = responses.map((r) => Buffer.byteLength(r.body));
  log(`${scenario.name}: ${scenario.requests.map((r, i) => `${r.label} ${responseSizes[i]} B`).join(', ')}`);

  const baseline = await startBaseline(
    responses.map((r) => r.body),
    responses[0].contentType,
  );
  const out: Comparison = { scenario, responseSizes, baseline: [], server: [] };
  try {
    for (let i = 1; i <= rounds; i++) {
      const b = await generator.run(baseline.url, scenario, load);
      out.baseline.push(b);
      log(`round ${i}/${rounds}  (b) baseline  ${brief(b)}`);
      const a = await generator.run(serverUrl, scenario, load);
      out.server.push(a);
      log(`round ${i}/${rounds}  (a) Dorfplatz ${brief(a)}`);
    }
  } finally {
    await baseline.close();
  }
  return out;
}
