import type { ZufiSettings } from '../settings/zufi-settings.ts';
import type { ZufiConnection } from './zufi-client.ts';
import { zufiError } from './zufi-error.ts';

/** The settings a request needs, or a clear error naming what is missing. */
export function zufiConnection(settings: ZufiSettings): ZufiConnection & { areaId: string } {
  if (settings.apiKeyUnreadable) {
    throw zufiError('not_configured', 'Der gespeicherte API-Schlüssel lässt sich nicht mehr entschlüsseln (wurde SECRETS_KEY geändert?). Bitte den Schlüssel in den ZuFi-Einstellungen neu eingeben.');
  }
  const missing = [!settings.baseUrl && 'Basis-URL', !settings.apiKey && 'API-Schlüssel', !settings.areaId && 'Gebiet (ARS)'].filter(Boolean);
  if (missing.length) throw zufiError('not_configured', `ZuFi ist nicht vollständig eingerichtet: ${missing.join(', ')} fehlt.`);
  return { baseUrl: settings.baseUrl!, apiKey: settings.apiKey!, language: settings.language, areaId: settings.areaId! };
}
