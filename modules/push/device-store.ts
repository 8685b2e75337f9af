import { sql, type Kysely } from 'kysely';
import type { RegisterDevice, UpdateDevice } from './device-input.ts';

/** A row of push_expo_devices: an Expo device of the tenant the database is bound to (tokens unique per tenant). */
export type ExpoDevice = {
  id: number;
  token: string;
  device_type: 'ios' | 'android' | null;
  exclude_data_provider_ids: number[];
  exclude_mowas_regional_keys: string[];
  exclude_notification_configuration: Record<string, Record<string, unknown>>;
  member_id: number | null;
  created_at: Date;
  updated_at: Date;
};

/** The new device, or null when this token is registered already (nothing is changed then). */
export async function registerDevice(db: Kysely<any>, input: RegisterDevice): Promise<ExpoDevice | null> {
  const row = await db
    .insertInto('push_expo_devices')
    .values({
      token: input.token,
      device_type: input.device_type ?? null,
      exclude_data_provider_ids: input.exclude_data_provider_ids ?? [],
      exclude_mowas_regional_keys: input.exclude_mowas_regional_keys ?? [],
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'token']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return (row as ExpoDevice | undefined) ?? null;
}

export async function findDevice(db: Kysely<any>, token: string): Promise<ExpoDevice | null> {
  const row = await db.selectFrom('push_expo_devices').selectAll().where('token', '=', token).executeTakeFirst();
  return (row as ExpoDevice | undefined) ?? null;
}

/** Changes the fields present in the input (arrays are replaced); null when the token is unknown. */
export async function updateDevice(db: Kysely<any>, input: UpdateDevice): Promise<ExpoDevice | null> {
  const { token, ...fields } = input;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const row = await db
    .updateTable('push_expo_devices')
    .set({ ...set, updated_at: sql`now()` })
    .where('token', '=', token)
    .returningAll()
    .executeTakeFirst();
  return (row as ExpoDevice | undefined) ?? null;
}

/**
 * Merges per tag, as the mainserver does (Hash#merge): a tag sent replaces that tag's
 * exclusions, other tags stay. One statement, so concurrent changes to other tags are kept.
 */
export async function mergeExclusionConfig(db: Kysely<any>, token: string, config: Record<string, unknown>): Promise<ExpoDevice | null> {
  const row = await db
    .updateTable('push_expo_devices')
    .set({
      exclude_notification_configuration: sql`exclude_notification_configuration || ${JSON.stringify(config)}::jsonb`,
      updated_at: sql`now()`,
    })
    .where('token', '=', token)
    .returningAll()
    .executeTakeFirst();
  return (row as ExpoDevice | undefined) ?? null;
}

/** Removes the device and what it follows; false when the token is unknown. */
export async function removeDevice(db: Kysely<any>, token: string): Promise<boolean> {
  const rows = await db.deleteFrom('push_expo_devices').where('token', '=', token).returning('id').execute();
  return rows.length > 0;
}
