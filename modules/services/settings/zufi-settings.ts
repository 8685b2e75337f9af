import { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import { openSecret, sealSecret } from './secret-box.ts';

/** What the studio may set for the ZuFi provider; the API key is only ever written, never shown. */
export const ZufiSettingsInput = z.object({
  enabled: z.boolean(),
  baseUrl: z
    .string()
    .trim()
    .max(500)
    .url('Basis-URL: eine vollständige Adresse, z. B. https://restapi-v4-bb.infodienste.de')
    .refine((u) => /^https?:\/\//i.test(u), 'Basis-URL: nur http(s)-Adressen')
    .transform((u) => u.replace(/\/+$/, ''))
    .nullable(),
  /** undefined keeps the stored key, null removes it. */
  apiKey: z.string().trim().min(1).max(500).nullable().optional(),
  areaId: z.string().trim().regex(/^\d{1,12}$/, 'Gebiet: der Amtliche Regionalschlüssel (ARS) oder die Gebiets-ID, nur Ziffern').nullable(),
  language: z.enum(['de_DE', 'en_GB']).default('de_DE'),
  syncIntervalHours: z.number().int().min(1).max(720).default(24),
});
export type ZufiSettingsInput = z.input<typeof ZufiSettingsInput>;

export type ZufiSettings = {
  enabled: boolean;
  baseUrl: string | null;
  /** The clear key for the adapter; null when none is stored or it cannot be opened (`apiKeyUnreadable`). */
  apiKey: string | null;
  hasApiKey: boolean;
  apiKeyUnreadable: boolean;
  areaId: string | null;
  language: string;
  syncIntervalHours: number;
  circuitFailures: number;
  circuitOpenUntil: Date | null;
};

const DEFAULTS: ZufiSettings = {
  enabled: false,
  baseUrl: null,
  apiKey: null,
  hasApiKey: false,
  apiKeyUnreadable: false,
  areaId: null,
  language: 'de_DE',
  syncIntervalHours: 24,
  circuitFailures: 0,
  circuitOpenUntil: null,
};

/** The current tenant's settings (defaults when none were saved). */
export async function readZufiSettings(db: Kysely<any>): Promise<ZufiSettings> {
  const row = await db.selectFrom('ozg_settings').selectAll().executeTakeFirst();
  if (!row) return { ...DEFAULTS };
  const apiKey = row.zufi_api_key_sealed ? openSecret(row.zufi_api_key_sealed) : null;
  return {
    enabled: row.zufi_enabled,
    baseUrl: row.zufi_base_url,
    apiKey,
    hasApiKey: !!row.zufi_api_key_sealed,
    apiKeyUnreadable: !!row.zufi_api_key_sealed && apiKey === null,
    areaId: row.zufi_area_id,
    language: row.zufi_language,
    syncIntervalHours: row.sync_interval_hours,
    circuitFailures: row.circuit_failures,
    circuitOpenUntil: row.circuit_open_until ? new Date(row.circuit_open_until) : null,
  };
}

/** Saves validated settings; a changed address or key closes the circuit (the next run tries at once). */
export async function saveZufiSettings(db: Kysely<any>, input: z.infer<typeof ZufiSettingsInput>): Promise<void> {
  const values: Record<string, unknown> = {
    zufi_enabled: input.enabled,
    zufi_base_url: input.baseUrl,
    zufi_area_id: input.areaId,
    zufi_language: input.language,
    sync_interval_hours: input.syncIntervalHours,
    circuit_failures: 0,
    circuit_open_until: null,
    updated_at: sql`now()`,
  };
  if (input.apiKey !== undefined) values.zufi_api_key_sealed = input.apiKey === null ? null : sealSecret(input.apiKey);
  await db
    .insertInto('ozg_settings')
    .values(values)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}
