import { sql, type Kysely } from 'kysely';
import { compareVersions } from '../../../lib/semver.ts';
import { type StaticContentRow, checkedStaticContent, resolveStaticContent } from '../static-content-store.ts';

/**
 * The studio's reads and writes of the JSON configuration files, through the same checks as the
 * API's createOrUpdateStaticContent. `stamp` (the last change, to the millisecond) is what a form
 * was based on: a save from an older state is a conflict. The audit callback runs in the write's
 * transaction.
 */
export type ConfigFile = StaticContentRow;
type Audit = (trx: Kysely<any>, row: ConfigFile) => Promise<void>;

export const stampOf = (row: ConfigFile) => row.updated_at.toISOString();

export async function listConfigFiles(db: Kysely<any>): Promise<ConfigFile[]> {
  return (await db.selectFrom('static_contents').selectAll().where('data_type', '=', 'json').orderBy(sql`lower(name)`).orderBy(sql`version NULLS FIRST`).execute()) as ConfigFile[];
}

export async function findConfigFile(db: Kysely<any>, id: number): Promise<ConfigFile | undefined> {
  return (await db.selectFrom('static_contents').selectAll().where('id', '=', id).where('data_type', '=', 'json').executeTakeFirst()) as ConfigFile | undefined;
}

export type SaveOutcome = { ok: true; row: ConfigFile } | { ok: false; reason: 'missing' | 'conflict' };

export async function saveConfigFile(db: Kysely<any>, id: number, content: unknown, stamp: string, audit: Audit): Promise<SaveOutcome> {
  return db.transaction().execute(async (trx) => {
    const current = (await trx.selectFrom('static_contents').selectAll().where('id', '=', id).where('data_type', '=', 'json').forUpdate().executeTakeFirst()) as ConfigFile | undefined;
    if (!current) return { ok: false, reason: 'missing' } as const;
    if (stampOf(current) !== stamp) return { ok: false, reason: 'conflict' } as const;
    const values = checkedStaticContent({ name: current.name, dataType: 'json', version: current.version, content: JSON.stringify(content, null, 2) });
    const row = (await trx.updateTable('static_contents').set({ content: values.content, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as ConfigFile;
    await audit(trx, row);
    return { ok: true, row } as const;
  });
}

export type VersionOutcome = { ok: true; row: ConfigFile } | { ok: false; reason: 'missing' | 'exists' };

/** A new version of a file for an app version, starting with what that app version gets so far. */
export async function createConfigVersion(db: Kysely<any>, name: string, version: string, audit: Audit): Promise<VersionOutcome> {
  return db.transaction().execute(async (trx) => {
    const base = await resolveStaticContent(trx, name, 'json', version);
    if (!base) return { ok: false, reason: 'missing' } as const;
    if (base.version && compareVersions(base.version, version) === 0) return { ok: false, reason: 'exists' } as const;
    // The seeded spelling of the name ("globalSettings") is kept; lookups ignore case.
    const values = checkedStaticContent({ name: base.name, dataType: 'json', version, content: base.content });
    const row = (await trx
      .insertInto('static_contents')
      .values({ ...values, name: base.name })
      .onConflict((oc) => oc.expression(sql`tenant_id, lower(name), coalesce(version, '')` as any).doNothing())
      .returningAll()
      .executeTakeFirst()) as ConfigFile | undefined;
    if (!row) return { ok: false, reason: 'exists' } as const;
    await audit(trx, row);
    return { ok: true, row } as const;
  });
}
