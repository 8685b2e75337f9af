import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from './harness.ts';
import { launchChromium, listen } from './browser.ts';

export type BrowserSuite = { p: TestPlatform; browser: Browser; url: (host: string, path?: string) => string };

/**
 * Call inside describe(): a seeded platform listening on a free port and Chromium, started
 * before the suite's tests and closed after them. Read the fields inside the tests.
 */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  before(async () => {
    suite.p = await startTestPlatform({ seed: true });
    suite.url = await listen(suite.p);
    suite.browser = await launchChromium();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.p?.close();
  });
  return suite;
}
