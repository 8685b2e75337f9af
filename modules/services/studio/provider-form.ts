import { z } from 'zod';
import type { EditorField } from '../../../core/registry/content-editor.ts';
import { ZufiSettingsInput, type ZufiSettings } from '../settings/zufi-settings.ts';
import type { servicesTexts } from './services-texts.ts';

type Texts = ReturnType<typeof servicesTexts>;

/** The provider form as shown: never the API key, only whether one is stored. */
export type ProviderFormValues = { enabled: boolean; baseUrl: string; areaId: string; language: string; syncIntervalHours: string; removeApiKey: boolean };
export type ProviderFormErrors = Partial<Record<'enabled' | 'baseUrl' | 'apiKey' | 'areaId' | 'language' | 'syncIntervalHours', string>>;

/** The form's fields besides the key, in the studio's field kinds (rendered like content forms). */
export const PROVIDER_FIELDS: EditorField[] = [
  { name: 'enabled', kind: 'checkbox', label: { de: 'Abgleich mit ZuFi (BUS-BB) eingeschaltet', en: 'Sync with ZuFi (BUS-BB) switched on' } },
  {
    name: 'baseUrl',
    kind: 'url',
    label: { de: 'Basis-URL', en: 'Base URL' },
    hint: { de: 'Die Adresse der ZuFi-REST-Schnittstelle, z. B. https://restapi-v4-bb.infodienste.de', en: 'The address of the ZuFi REST API, e.g. https://restapi-v4-bb.infodienste.de' },
  },
  {
    name: 'areaId',
    kind: 'text',
    label: { de: 'Gebiet (ARS)', en: 'Area (ARS)' },
    hint: { de: 'Amtlicher Regionalschlüssel des Gebiets, für das Leistungen abgerufen werden; vorbelegt mit dem der Kommune.', en: 'Official regional key of the area whose services are fetched; the municipality’s by default.' },
    maxLength: 12,
  },
  {
    name: 'language',
    kind: 'select',
    label: { de: 'Sprache der Texte', en: 'Language of the texts' },
    required: true,
    options: [
      { value: 'de_DE', label: { de: 'Deutsch', en: 'German' } },
      { value: 'en_GB', label: { de: 'Englisch', en: 'English' } },
    ],
  },
  { name: 'syncIntervalHours', kind: 'number', label: { de: 'Abgleich alle … Stunden', en: 'Sync every … hours' }, hint: { de: '1 bis 720 Stunden (30 Tage).', en: '1 to 720 hours (30 days).' }, min: 1, max: 720 },
];

export function providerFormValues(s: ZufiSettings, officialKey: string): ProviderFormValues {
  return { enabled: s.enabled, baseUrl: s.baseUrl ?? '', areaId: s.areaId ?? officialKey, language: s.language, syncIntervalHours: String(s.syncIntervalHours), removeApiKey: false };
}

const Body = z.object({
  _csrf: z.string().max(100).default(''),
  enabled: z.string().max(10).optional(),
  baseUrl: z.string().max(4000).default(''),
  apiKey: z.string().max(4000).default(''),
  removeApiKey: z.string().max(10).optional(),
  areaId: z.string().max(100).default(''),
  language: z.string().max(20).default('de_DE'),
  syncIntervalHours: z.string().max(20).default(''),
});

export type ReadProviderForm = { csrf: string; values: ProviderFormValues; errors: ProviderFormErrors; settings: z.infer<typeof ZufiSettingsInput> | null };

/**
 * Reads the provider form into settings for saveZufiSettings (the rules are ZufiSettingsInput's;
 * the messages here, per field, in the person's language). An empty key field keeps the stored
 * key. Switched on, the sync needs an address, an area and a readable key. Null: no form of ours.
 */
export function readProviderForm(body: unknown, current: ZufiSettings, t: Texts): ReadProviderForm | null {
  const parsed = Body.safeParse(body ?? {});
  if (!parsed.success) return null;
  const b = parsed.data;
  const values: ProviderFormValues = {
    enabled: b.enabled !== undefined,
    baseUrl: b.baseUrl.trim(),
    areaId: b.areaId.trim(),
    language: b.language,
    syncIntervalHours: b.syncIntervalHours.trim(),
    removeApiKey: b.removeApiKey !== undefined,
  };
  const newKey = b.apiKey.trim();
  const errors: ProviderFormErrors = {};
  if (values.removeApiKey && newKey) errors.apiKey = t.keyTwice;
  const input = {
    enabled: values.enabled,
    baseUrl: values.baseUrl || null,
    apiKey: values.removeApiKey ? null : newKey || undefined,
    areaId: values.areaId || null,
    language: values.language,
    syncIntervalHours: /^\d{1,6}$/.test(values.syncIntervalHours) ? Number(values.syncIntervalHours) : Number.NaN,
  };
  const result = ZufiSettingsInput.safeParse(input);
  const messages: Required<ProviderFormErrors> = { enabled: t.badForm, baseUrl: t.badBaseUrl, apiKey: t.badApiKey, areaId: t.badArea, language: t.badLanguage, syncIntervalHours: t.badInterval };
  if (!result.success) for (const issue of result.error.issues) errors[issue.path[0] as keyof ProviderFormErrors] ??= messages[issue.path[0] as keyof ProviderFormErrors] ?? t.badForm;
  if (values.enabled) {
    const keyAfter = input.apiKey === undefined ? current.hasApiKey && !current.apiKeyUnreadable : input.apiKey !== null;
    if (!input.baseUrl) errors.baseUrl ??= t.baseUrlNeeded;
    if (!input.areaId) errors.areaId ??= t.areaNeeded;
    if (!keyAfter) errors.apiKey ??= current.apiKeyUnreadable && input.apiKey === undefined ? t.keyUnreadable : t.keyNeeded;
  }
  const ok = result.success && Object.keys(errors).length === 0;
  return { csrf: b._csrf, values, errors, settings: ok ? result.data : null };
}
