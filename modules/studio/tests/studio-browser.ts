import type { BrowserContext, Page } from 'playwright-core';
import { newPage } from '../../../test/browser.ts';
import type { BrowserSuite } from '../../../test/browser-suite.ts';

/** A fresh browser context logged in to the studio of `host` through its login form. */
export async function studioPage(s: BrowserSuite, host: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(s.browser);
  await page.goto(s.url(host, '/studio/anmelden'));
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(s.url(host, '/studio'));
  return { context, page };
}
