import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestPlatform } from './harness.ts';

/**
 * Browser tests: Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) driven by playwright-core
 * against the real server listening on a local port. Tenants are reached by their host names
 * (bad-belzig.localhost:<port>), which Chromium resolves to the loopback address itself.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network: without these Chromium keeps trying to reach Google's hosts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Makes the test platform listen on a free local port; returns the base URL for a tenant host. */
export async function listen(p: TestPlatform): Promise<(host: string, path?: string) => string> {
  await p.http.listen({ port: 0, host: '127.0.0.1' });
  const address = p.http.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return (host, path = '/') => `http://${host}:${port}${path}`;
}

/** A fresh context per test so service workers, storage and cookies start empty. */
export async function newPage(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { jsErrors: string[] }).jsErrors = errors;
  return { context, page };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** axe-core's WCAG 2.1 A/AA rules on the current page; evaluated over DevTools, so the page's CSP stays on. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Readable summary for assertion messages. */
export function describeViolations(v: AxeViolation[]): string {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/** Fails with the readable summary when axe finds any WCAG 2.1 A/AA violation on the page. */
export async function assertNoAxeViolations(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
}

/** Opens a page and waits until the app has hydrated, so clicks are handled by the app. */
export async function openApp(page: Page, url: string): Promise<number | undefined> {
  const res = await page.goto(url);
  await page.waitForSelector('html[data-hydrated="true"]');
  return res?.status();
}
