import { sql, type Kysely } from 'kysely';

export type Migration = { id: string; up: (db: Kysely<any>) => Promise<void> };
export type MigrationSet = { owner: string; migrations: Migration[] };

/** Any fixed number: all Dorfplatz processes on one database agree on it. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Applies forward-only migrations, each set in its declared order, all inside one transaction
 * under an advisory lock: a second process starting at the same time waits, then finds
 * everything recorded and applies nothing.
 */
export async function migrate(db: Kysely<any>, sets: MigrationSet[]): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      owner text NOT NULL, id text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (owner, id))`.execute(trx);
    const rows = await trx.selectFrom('schema_migrations').select(['owner', 'id']).execute();
    const done = new Set(rows.map((r) => `${r.owner}/${r.id}`));
    const applied: string[] = [];
    for (const set of sets) {
      for (const m of set.migrations) {
        const key = `${set.owner}/${m.id}`;
        if (done.has(key)) continue;
        await m.up(trx);
        await trx.insertInto('schema_migrations').values({ owner: set.owner, id: m.id }).execute();
        applied.push(key);
      }
    }
    return applied;
  });
}
