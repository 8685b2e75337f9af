import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { validationError } from '../../../core/errors.ts';
import { parsePrefs, prefOptions, serializePrefs, PREFS_COOKIE, type Prefs } from '../client/prefs.ts';

const ONE_YEAR_S = 365 * 24 * 3600;

/** Each setting may be left out (it keeps its current value); a value not offered is an error. */
const choice = <K extends keyof Prefs>(key: K) => z.enum(prefOptions[key] as unknown as [Prefs[K], ...Prefs[K][]]).optional();
const SettingsForm = z.object({ lang: choice('lang'), theme: choice('theme'), textSize: choice('textSize'), contrast: choice('contrast'), motion: choice('motion') });

/**
 * POST /einstellungen: the settings form without JavaScript. Stores the choice in the same
 * dp_prefs cookie the page's script writes, then shows the settings page again (303), which
 * the server renders with the new language, theme and sizes.
 */
export const settingsRoute: RoutePlugin = (app) => {
  app.post('/einstellungen', async (req, reply) => {
    const parsed = SettingsForm.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = String(issue.path[0] ?? 'body') as keyof Prefs;
      const allowed = prefOptions[key]?.join(', ');
      throw validationError(allowed ? `Invalid input: ${key} must be one of ${allowed}.` : 'Invalid input: send the settings form (lang, theme, textSize, contrast, motion).');
    }
    const prefs: Prefs = { ...parsePrefs(req.headers.cookie), ...parsed.data };
    return reply
      .header('set-cookie', `${PREFS_COOKIE}=${serializePrefs(prefs)}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`)
      .redirect('/einstellungen?gespeichert=1', 303);
  });
};
