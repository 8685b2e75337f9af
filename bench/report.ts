import type { LoadResult } from './load.ts';
import { median } from './stats.ts';

/** One line of the results table: all rounds of one scenario on one server. */
export type Row = { label: string; rounds: LoadResult[] };
export type Summary = { rps: number; p50: number; p99: number; bytesPerResponse: number; failures: number };

export type Targets = { minRpsRatio: number; maxP99Ms: number };

export function summarize(rounds: LoadResult[]): Summary {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    bytesPerResponse: median(rounds.map((r) => r.bytesPerResponse)),
    failures: rounds.reduce((n, r) => n + r.failures, 0),
  };
}

const num = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

export function table(header: string[], lines: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('   '), ...lines.map(fmt)].join('\n');
}

/** Medians per row, then every round's req/s and p99 so the noise is visible. */
export function resultsTable(rows: Row[]): string {
  const medians = table(
    ['median of rounds', 'req/s', 'p50 ms', 'p99 ms', 'bytes/resp', 'failed'],
    rows.map((r) => {
      const s = summarize(r.rounds);
      return [r.label, num(s.rps), num(s.p50, 2), num(s.p99, 2), num(s.bytesPerResponse), String(s.failures)];
    }),
  );
  const perRound = table(
    ['per round (req/s · p99 ms)', ...(rows[0]?.rounds.map((_, i) => `#${i + 1}`) ?? [])],
    rows.map((r) => [r.label, ...r.rounds.map((x) => `${num(x.rps)} · ${num(x.p99, 1)}`)]),
  );
  return `${medians}\n\n${perRound}`;
}

/** The scenario against the baseline: ratios and the target check. */
export function comparison(scenarioRounds: LoadResult[], baselineRounds: LoadResult[], targets: Targets): { text: string; pass: boolean } {
  const scenario = summarize(scenarioRounds);
  const baseline = summarize(baselineRounds);
  const rpsRatio = scenario.rps / baseline.rps;
  // Each round's a against the b run just before it: shows how much the noise moves the ratio.
  const paired = scenarioRounds.map((a, i) => a.rps / baselineRounds[i].rps);
  const rpsOk = rpsRatio >= targets.minRpsRatio;
  const p99Ok = scenario.p99 <= targets.maxP99Ms;
  const mark = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const lines = [
    `req/s  a/b  (median a / median b)       ${num(rpsRatio, 2).padStart(6)}   target >= ${targets.minRpsRatio.toFixed(2)}   ${mark(rpsOk)}`,
    `req/s  a/b  per round (a / b before it)  ${paired.map((r) => num(r, 2)).join('  ')}   (median ${num(median(paired), 2)})`,
    `p99    a    (mix, ms)                   ${num(scenario.p99, 2).padStart(6)}   target <= ${targets.maxP99Ms.toFixed(2)}  ${mark(p99Ok)}`,
    `p99    b/a  (baseline / mix; 1 = equal) ${num(baseline.p99 / scenario.p99, 2).padStart(6)}`,
    `p50    b/a  (baseline / mix; 1 = equal) ${num(baseline.p50 / scenario.p50, 2).padStart(6)}`,
    '',
    `Target (req/s a/b >= ${targets.minRpsRatio} and p99 a <= ${targets.maxP99Ms} ms): ${mark(rpsOk && p99Ok)}`,
  ];
  return { text: lines.join('\n'), pass: rpsOk && p99Ok };
}
