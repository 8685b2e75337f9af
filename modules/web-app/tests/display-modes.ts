import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations, openApp } from '../../../test/browser.ts';

/** Light and dark, each with normal and high contrast, as dp_prefs cookie values (client/prefs.ts). */
export const displayModes = [
  { name: 'light', prefs: 'theme-light' },
  { name: 'dark', prefs: 'theme-dark' },
  { name: 'light, high contrast', prefs: 'theme-light.contrast-high' },
  { name: 'dark, high contrast', prefs: 'theme-dark.contrast-high' },
] as const;

/**
 * Opens the page in every display mode and asserts zero axe violations in each. `prepare` runs
 * after each load (e.g. to wait for content drawn on the client). Cookies are cleared afterwards.
 */
export async function assertAccessibleInAllModes(page: Page, url: string, prepare: () => Promise<void> = async () => {}): Promise<void> {
  for (const mode of displayModes) {
    await page.context().addCookies([{ name: 'dp_prefs', value: mode.prefs, url }]);
    await openApp(page, url);
    assert.equal(await page.getAttribute('html', 'data-theme'), mode.prefs.split('.')[0]!.slice('theme-'.length), mode.name);
    await prepare();
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `${mode.name}: ${describeViolations(violations)}`);
  }
  await page.context().clearCookies();
}
