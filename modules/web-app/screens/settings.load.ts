import type { Loader } from '../server/loader.ts';
import { settingsTexts } from './settings-texts.ts';
import { loadPushTopics, type PushTopic } from './push-topics.ts';

/** `push` is null when the tenant has not enabled push messages. */
export type SettingsData = { saved: boolean; push: { topics: PushTopic[] } | null };

/** The settings themselves come from the dp_prefs cookie (PrefsContext); "?gespeichert=1" follows a form POST without JavaScript. */
export const settingsLoader: Loader = async (ctx) => {
  const push = ctx.tenant.enabledModules.includes('push') ? { topics: await loadPushTopics(ctx.gql) } : null;
  return { title: settingsTexts(ctx.lang).title, data: { saved: ctx.query.get('gespeichert') === '1', push } satisfies SettingsData };
};
