/**
 * The citizen's display settings, kept on the device in a cookie so the server renders the first
 * HTML with them (no flash of the wrong theme or language). Parsed by hand, not with zod, to keep
 * the first screen's JavaScript small; anything unknown falls back to the default.
 */
export type Prefs = {
  lang: 'de' | 'en';
  theme: 'system' | 'light' | 'dark';
  textSize: 'normal' | 'large' | 'larger';
  contrast: 'normal' | 'high';
  motion: 'system' | 'reduce';
};

export const PREFS_COOKIE = 'dp_prefs';

/** Every setting's values, in the order the settings page offers them. */
export const prefOptions: { [K in keyof Prefs]: readonly Prefs[K][] } = {
  lang: ['de', 'en'],
  theme: ['system', 'light', 'dark'],
  textSize: ['normal', 'large', 'larger'],
  contrast: ['normal', 'high'],
  motion: ['system', 'reduce'],
};

export const defaultPrefs: Prefs = { lang: 'de', theme: 'system', textSize: 'normal', contrast: 'normal', motion: 'system' };

export function parsePrefs(cookieHeader: string | undefined | null): Prefs {
  const prefs = { ...defaultPrefs };
  const raw = cookieHeader?.split(/;\s*/).find((c) => c.startsWith(`${PREFS_COOKIE}=`));
  if (!raw) return prefs;
  for (const pair of raw.slice(PREFS_COOKIE.length + 1).split('.')) {
    const [key, value] = pair.split('-') as [keyof Prefs, string];
    if (key in prefOptions && (prefOptions[key] as readonly string[]).includes(value)) (prefs as Record<string, string>)[key] = value;
  }
  return prefs;
}

/** Cookie value "lang-de.theme-dark…": only letters, dots and hyphens, so no escaping is needed. */
export function serializePrefs(prefs: Prefs): string {
  return (Object.keys(prefOptions) as (keyof Prefs)[]).map((k) => `${k}-${prefs[k]}`).join('.');
}

/** The <html> attributes the stylesheet keys on. */
export function prefsAttributes(prefs: Prefs): Record<string, string> {
  return { 'data-theme': prefs.theme, 'data-text-size': prefs.textSize, 'data-contrast': prefs.contrast, 'data-motion': prefs.motion };
}
