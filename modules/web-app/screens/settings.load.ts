import type { Loader } from '../server/loader.ts';
import { settingsTexts } from './settings-texts.ts';

export type SettingsData = { saved: boolean };

/** The settings themselves come from the dp_prefs cookie (PrefsContext); "?gespeichert=1" follows a form POST without JavaScript. */
export const settingsLoader: Loader = async (ctx) => ({ title: settingsTexts(ctx.lang).title, data: { saved: ctx.query.get('gespeichert') === '1' } satisfies SettingsData });
