import type { Kysely } from 'kysely';

/** Devices whose push service says they are gone (Expo: DeviceNotRegistered); what they followed goes with them. */
export async function removeExpoDevices(db: Kysely<any>, tokens: string[]): Promise<void> {
  if (tokens.length) await db.deleteFrom('push_expo_devices').where('token', 'in', tokens).execute();
}

/** Browser subscriptions whose push service answered 404/410. */
export async function removeWebSubscriptions(db: Kysely<any>, endpoints: string[]): Promise<void> {
  if (endpoints.length) await db.deleteFrom('push_web_subscriptions').where('endpoint', 'in', endpoints).execute();
}
