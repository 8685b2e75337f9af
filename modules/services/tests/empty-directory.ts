import type { Kysely } from 'kysely';

/** The demo seed fills the demo tenants' directory (seed.ts); tests that bring their own catalogue start from nothing. */
export async function emptyServiceDirectory(db: Kysely<any>): Promise<void> {
  for (const table of ['ozg_services', 'ozg_categories', 'ozg_authorities', 'ozg_source_status', 'ozg_sync_runs']) await db.deleteFrom(table).execute();
}
