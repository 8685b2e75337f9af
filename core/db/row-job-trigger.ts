import { sql, type Kysely } from 'kysely';

/**
 * Makes the database queue `job` (payload `{id}`) whenever a row of `table` is written so that
 * `when` holds (a condition on NEW, e.g. `NEW.visible AND NOT NEW.announced`). Whatever path
 * wrote the row — an API mutation, the studio, a scheduled release — the rule is in one place
 * and the job is part of the same transaction. For tenant-owned tables (`tenant_id`, `id`).
 */
export async function queueJobWhen(db: Kysely<any>, opts: { table: string; job: string; when: string }): Promise<void> {
  await sql`CREATE TRIGGER ${sql.id(`${opts.table}_${opts.job.replace(/\W/g, '_')}`)} AFTER INSERT OR UPDATE ON ${sql.id(opts.table)}
    FOR EACH ROW WHEN (${sql.raw(opts.when)}) EXECUTE FUNCTION dorfplatz_queue_row_job(${sql.lit(opts.job)})`.execute(db);
}
