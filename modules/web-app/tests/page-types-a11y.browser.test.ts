import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { BB } from '../../../test/harness.ts';
import { newPage, openApp } from '../../../test/browser.ts';
import { browserSuite } from '../../../test/browser-suite.ts';
import { assertAccessibleInAllModes } from './display-modes.ts';

/**
 * Every page type of the citizen app, in light, dark and both high-contrast modes: zero axe
 * WCAG 2.1 A/AA violations. Detail pages are reached through their lists, so real ids are used.
 */
describe('every page type is accessible in every display mode', () => {
  const s = browserSuite();

  /** The first link to a detail page (`<prefix><number>`) on a list page. */
  const firstLink = async (page: Page, listPath: string, prefix: string) => {
    await openApp(page, s.url(BB, listPath));
    const hrefs = await page.locator(`main a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => /^\d+$/.test(h.slice(prefix.length)));
    if (!href) throw new Error(`no ${prefix}<id> link on ${listPath}`);
    return href;
  };

  it('home, lists, details, calendar, map, static pages, search, settings, bookmarks and the 404 page', { timeout: 600_000 }, async () => {
    const { context, page } = await newPage(s.browser);
    const paths = [
      '/',
      '/nachrichten',
      await firstLink(page, '/nachrichten', '/nachrichten/'),
      '/veranstaltungen',
      '/veranstaltungen/kalender',
      await firstLink(page, '/veranstaltungen', '/veranstaltungen/'),
      '/orte',
      '/orte/liste?ansicht=karte',
      await firstLink(page, '/orte/liste', '/orte/'),
      '/touren',
      await firstLink(page, '/touren', '/touren/'),
      '/eintraege/Offer',
      await firstLink(page, '/eintraege/Offer', '/eintrag/'),
      '/service',
      '/seite/impressum',
      '/barrierefreiheit',
      '/suche?q=Burg',
      '/einstellungen',
      '/lesezeichen',
      '/gibt-es-nicht',
    ];
    for (const path of paths) await assertAccessibleInAllModes(page, s.url(BB, path));
    await context.close();
  });
});
