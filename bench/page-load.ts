import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '../test/browser.ts';
import { firstScreenJs } from '../modules/web-app/server/first-screen-js.ts';
import { median } from './stats.ts';

/**
 * Issue 4's page-load figures: the citizen web app's home page and a news detail in Chromium, cold
 * (new profile) and warm (second visit: HTTP cache and service worker), against a baseline — a
 * minimal static HTML page from a plain Node server, loaded the same way in the same run. Then
 * Lighthouse (mobile emulation, simulated throttling) for performance and accessibility scores.
 */
export type PageLoadRow = { page: string; visit: 'cold' | 'warm'; bytes: number; fcpMs: number; fcpRatio: number };

const BASELINE_HTML = '<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Baseline</title></head><body><h1>Baseline</h1><p>Eine statische Seite.</p></body></html>';

async function baselineServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BASELINE_HTML));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

type Visit = { bytes: number; fcpMs: number };

/** Loads a URL in a fresh context (cold), then again in the same context (warm); medians over rounds. */
async function visits(url: string, rounds: number): Promise<{ cold: Visit; warm: Visit }> {
  const browser = await launchChromium();
  const cold: Visit[] = [];
  const warm: Visit[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const context = await browser.newContext();
      for (const target of [cold, warm]) {
        // A new tab for the second visit: a fresh document gets its own paint timing.
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        // Give the service worker time to install after the first visit.
        if (target === cold) await page.waitForTimeout(500);
        target.push(
          await page.evaluate(async () => {
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
            // A tiny page can fire "load" before its first paint: wait for the paint entry (buffered).
            const fcp = await new Promise<number>((resolve) => {
              const timer = setTimeout(() => resolve(NaN), 5000);
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                if (entry) {
                  clearTimeout(timer);
                  resolve(entry.startTime);
                }
              }).observe({ type: 'paint', buffered: true });
            });
            return { bytes: (nav?.transferSize ?? 0) + resources.reduce((s, r) => s + r.transferSize, 0), fcpMs: fcp };
          }),
        );
        await page.close();
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const med = (xs: Visit[]): Visit => ({ bytes: median(xs.map((x) => x.bytes)), fcpMs: median(xs.map((x) => x.fcpMs)) });
  return { cold: med(cold), warm: med(warm) };
}

/** Lighthouse's scores, or null when it cannot drive the local Chromium. */
async function lighthouseScores(url: string, log: (s: string) => void): Promise<{ performance: number; accessibility: number } | null> {
  try {
    const { launch } = await import('chrome-launcher');
    const { default: lighthouse } = await import('lighthouse');
    const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
      const c = result?.lhr.categories;
      return c ? { performance: Math.round((c.performance?.score ?? 0) * 100), accessibility: Math.round((c.accessibility?.score ?? 0) * 100) } : null;
    } finally {
      chrome.kill();
    }
  } catch (err) {
    log(`lighthouse could not run: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export async function measurePageLoads(pages: { name: string; url: string; view: string }[], rounds: number, log: (s: string) => void): Promise<string> {
  const baseline = await baselineServer();
  const lines: string[] = [];
  try {
    const base = await visits(baseline.url, rounds);
    lines.push(`Web app page loads in Chromium (medians of ${rounds}; FCP ratio against a static HTML page: cold ${base.cold.fcpMs.toFixed(0)} ms, warm ${base.warm.fcpMs.toFixed(0)} ms)`);
    lines.push('page            visit  bytes    FCP ms  FCP ratio  first-screen JS (gzip)  Lighthouse perf / a11y (mobile)');
    for (const p of pages) {
      log(`page load: ${p.name} …`);
      const v = await visits(p.url, rounds);
      const js = firstScreenJs(p.view);
      const lh = await lighthouseScores(p.url, log);
      for (const visit of ['cold', 'warm'] as const) {
        const r = v[visit];
        const ratio = r.fcpMs / base[visit].fcpMs;
        lines.push(
          `${p.name.padEnd(15)} ${visit.padEnd(6)} ${String(r.bytes).padStart(7)}  ${r.fcpMs.toFixed(0).padStart(6)}  ${ratio.toFixed(2).padStart(8)}×  ${`${(js.gzipBytes / 1024).toFixed(1)} KB`.padStart(10)} (≤ 100 KB ${js.gzipBytes <= 102400 ? 'PASS' : 'FAIL'})` +
            (visit === 'cold' ? `   ${lh ? `${lh.performance} / ${lh.accessibility} (targets ≥ 95 / 100: ${lh.performance >= 95 && lh.accessibility === 100 ? 'PASS' : 'FAIL'})` : 'n/a'}` : ''),
        );
      }
    }
  } finally {
    await baseline.close();
  }
  return lines.join('\n');
}
